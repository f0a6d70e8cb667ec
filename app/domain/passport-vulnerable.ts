/**
 * Passport T3, vulnerable groups: form schema, data and consistency flags.
 */
import { hasNumber, num } from "./program-data";
import { optCount, optYear, source, version } from "./passport";
import { oneOf, optionalText, z } from "./validation";

/** `groupIds`: the template's vulnerable groups; a row names one of them. */
export const vulnerableFormSchema = (groupIds: readonly string[]) =>
  z.object({ version, rows: z.array(vulnerableRowSchema(groupIds)).max(60).default([]) });
const vulnerableRowSchema = (groupIds: readonly string[]) =>
  z.object({
    id: z.string().max(40).optional(),
    groupId: oneOf(groupIds),
    total: optCount(),
    male: optCount(),
    female: optCount(),
    children: optCount(),
    /** What is counted when it is not people, e.g. "families" or "households". */
    note: optionalText(200),
    source: source(),
    year: optYear(),
  });
export type VulnerableRow = z.infer<ReturnType<typeof vulnerableRowSchema>> & { id: string };
export interface VulnerableData {
  rows: VulnerableRow[];
}

export type VulnerableFlag =
  | { type: "sexSum"; rowId: string; index: number; sum: number; total: number }
  | { type: "childrenOverTotal"; rowId: string; index: number };
export function vulnerableFlags(data: Partial<VulnerableData> | undefined): VulnerableFlag[] {
  return (data?.rows ?? []).filter(Boolean).flatMap((r, index): VulnerableFlag[] => {
    const out: VulnerableFlag[] = [];
    if (hasNumber(r.total) && (hasNumber(r.male) || hasNumber(r.female)) && num(r.male) + num(r.female) !== num(r.total))
      out.push({ type: "sexSum", rowId: r.id, index, sum: num(r.male) + num(r.female), total: num(r.total) });
    if (hasNumber(r.total) && hasNumber(r.children) && num(r.children) > num(r.total))
      out.push({ type: "childrenOverTotal", rowId: r.id, index });
    return out;
  });
}
