/** Stage 1, start-up and legal basis: the data, its form schema and its completeness. */
import { countDone } from "./completeness";
import { one, type ProgramData } from "./program-data";
import { checkPeriod, yearField } from "./program-schemas";
import { isoDate, optionalText, requiredText, z } from "./validation";

export const STARTUP_KIND = "startup";

export const legalBasisRowSchema = z.object({
  id: z.string().max(40).optional(),
  title: requiredText(300),
  reference: optionalText(300),
});

export const startupDataSchema = z.object({
  legalBasis: z.array(legalBasisRowSchema).max(30).default([]),
  orderNumber: optionalText(50),
  orderDate: isoDate().optional(),
  notes: optionalText(2000),
});
export type StartupData = z.infer<typeof startupDataSchema>;

export function startupFormSchema(limits: { min: number; max: number }) {
  return startupDataSchema
    .extend({
      version: z.number().int().min(0),
      startYear: yearField(),
      endYear: yearField(),
    })
    .superRefine((v, ctx) => checkPeriod(v, ctx, limits));
}

export function startupCompleteness(data: ProgramData) {
  const s = one<StartupData>(data, STARTUP_KIND)?.data;
  return countDone(
    [Boolean(s && s.legalBasis.length > 0), Boolean(s?.orderNumber && s.orderDate), data.program.endYear >= data.program.startYear],
    "completeness.startup",
  );
}
