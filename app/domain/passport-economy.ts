/**
 * Passport T4, economy and employment: form schema, data and consistency flags.
 */
import { hasNumber, num } from "./program-data";
import { objectOf, optCount, optYear, source, version } from "./passport";
import { z } from "./validation";

export function economyFormSchema(rowIds: readonly string[]) {
  return z.object({
    version,
    rows: objectOf(rowIds, () =>
      z.object({ total: optCount(), men: optCount(), women: optCount(), youth: optCount(), year: optYear(), source: source() }),
    ),
  });
}
export interface EconomyEntry {
  total?: number;
  men?: number;
  women?: number;
  youth?: number;
  year?: number;
  source?: string;
}
export interface EconomyData {
  rows: Record<string, EconomyEntry>;
}

export function economyFlags(data: Partial<EconomyData> | undefined, rows: readonly { id: string; bySex: boolean }[]) {
  return rows.flatMap((row) => {
    const e = data?.rows?.[row.id];
    if (!row.bySex || !e || !hasNumber(e.total) || !(hasNumber(e.men) || hasNumber(e.women))) return [];
    const sum = num(e.men) + num(e.women);
    return sum === num(e.total) ? [] : [{ type: "sexSum" as const, rowId: row.id, sum, total: num(e.total) }];
  });
}
