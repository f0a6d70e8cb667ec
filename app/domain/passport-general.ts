/**
 * Passport T1, general characteristics: form schema and data. Its own module so each passport page ships only its table's code (first-load JS budget).
 */
import { optYear, source, version } from "./passport";
import { optionalText, z } from "./validation";

export function generalFormSchema(fields: readonly { id: string; kind: string }[]) {
  const entry = (kind: string) =>
    z.object({ value: kind === "number" ? z.number().min(0).max(1e9).optional() : optionalText(500), source: source(), year: optYear() });
  return z.object({ version, fields: z.object(Object.fromEntries(fields.map((f) => [f.id, entry(f.kind)]))) });
}
export interface GeneralData {
  fields: Record<string, { value?: string | number; source?: string; year?: number }>;
}
