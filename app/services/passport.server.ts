/** What every passport page loads: the template lists in the UI language and the saved element. */
import type { Lang } from "~/methodology/schema";
import type { PassportContext } from "~/domain/tables/passport-table";
import { villagesOf } from "~/domain/links";
import { PASSPORT_KINDS, type PassportTableId } from "~/domain/passport";
import type { ProgramData } from "~/domain/program-data";
import { localize, methodology } from "~/methodology/templates.server";

export function passportContext(lang: Lang, data: ProgramData): PassportContext {
  const { passport, reference } = methodology;
  const l = <T extends { id: string; label: Parameters<typeof localize>[0] }>(xs: readonly T[]) => xs.map((x) => ({ id: x.id, label: localize(x.label, lang) }));
  return {
    generalFields: passport.general.fields.map((f) => ({ id: f.id, label: localize(f.label, lang), unit: f.unit ? localize(f.unit, lang) : null, kind: f.kind })),
    ageBands: l(reference.ageBands),
    vulnerableGroups: l(reference.vulnerableGroups),
    economyRows: passport.economy.rows.map((r) => ({ id: r.id, label: localize(r.label, lang), unit: localize(r.unit, lang), bySex: r.bySex })),
    serviceRows: l(passport.services.rows),
    budgetRows: passport.budget.rows.map((r) => ({ id: r.id, label: localize(r.label, lang), group: r.group, ownRevenue: r.ownRevenue })),
    villages: villagesOf(data).map((v) => ({ id: v.id, label: v.name })),
  };
}

/** The saved table (or undefined) and its version for the optimistic lock. */
export function passportElement<T>(data: ProgramData, table: PassportTableId): { data: T | undefined; version: number } {
  const el = data.byKind[PASSPORT_KINDS[table]]?.[0];
  return { data: el?.data as T | undefined, version: el?.version ?? 0 };
}
