/**
 * Which passport tables are filled, for the stage overview and the program's progress.
 */
import { countDone } from "./completeness";
import { PASSPORT_KINDS, PASSPORT_TABLES, type PassportTableId } from "./passport";
import type { PassportRows } from "./program-context";
import { hasNumber, one, type ProgramData } from "./program-data";
import { populationTotals } from "./passport-population";
import type { EconomyEntry } from "./passport-economy";
import type { ServiceEntry } from "./passport-services";

// ---- completeness ---------------------------------------------------------------------------------------
export function tableFilled(id: PassportTableId, data: ProgramData, rows: PassportRows): boolean {
  // Six stored shapes, one per table; each case below reads only its own.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const d = one<any>(data, PASSPORT_KINDS[id])?.data;
  if (!d) return false;
  switch (id) {
    case "general": {
      // At least half of the template's fields: a passport with only the name of the centre is not filled.
      const filled = rows.general.filter(
        (f) => hasNumber(d.fields?.[f.id]?.value) || (typeof d.fields?.[f.id]?.value === "string" && d.fields[f.id].value.trim() !== ""),
      );
      return filled.length * 2 >= rows.general.length;
    }
    case "population":
      return populationTotals(d, rows.ageBandIds).total > 0;
    case "vulnerable":
      return (d.rows ?? []).length > 0;
    case "economy":
      return Object.values((d.rows ?? {}) as Record<string, EconomyEntry>).some((e) => hasNumber(e?.total));
    case "services":
      return Object.values((d.rows ?? {}) as Record<string, ServiceEntry>).some(
        (e) => hasNumber(e?.coveragePct) || (e?.villageIds ?? []).length > 0,
      );
    case "budget":
      return Object.values((d.rows ?? {}) as Record<string, Record<string, unknown>>).some((r) => Object.values(r ?? {}).some(hasNumber));
  }
}

export function passportCompleteness(data: ProgramData, rows: PassportRows) {
  return countDone(
    PASSPORT_TABLES.map((id) => tableFilled(id, data, rows)),
    "completeness.passport",
  );
}
