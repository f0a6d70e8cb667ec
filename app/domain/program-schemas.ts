import { requiredText, z } from "./validation";

export const yearField = () => z.number().int().min(2020).max(2060);

/** The period must be 3–7 years (limits from templates/thresholds.json, passed in so this stays pure). */
export function checkPeriod(v: { startYear: number; endYear: number }, ctx: z.RefinementCtx, limits: { min: number; max: number }) {
  const years = v.endYear - v.startYear + 1;
  if (v.endYear < v.startYear) ctx.addIssue({ code: "custom", path: ["endYear"], message: "errors.endBeforeStart" });
  else if (years < limits.min || years > limits.max)
    ctx.addIssue({ code: "custom", path: ["endYear"], message: `programs.periodLength|${JSON.stringify(limits)}` });
}

export function programMetaSchema(limits: { min: number; max: number }) {
  return z
    .object({ title: requiredText(300), startYear: yearField(), endYear: yearField(), language: z.enum(["ru", "ky"]) })
    .superRefine((v, ctx) => checkPeriod(v, ctx, limits));
}

export const renameSchema = z.object({ intent: z.literal("rename"), title: requiredText(300) });
