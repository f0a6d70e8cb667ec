/** What every passport page loads: the template lists in the UI language and the saved element. */
import type { Lang } from "~/methodology/schema";
import { requireProgram } from "./program-access.server";
import { getT } from "~/i18n/i18n.server";
import { stageGuidance } from "~/services/stage-guidance.server";
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

/**
 * The loader every passport table page shares: authorize (read), load the program once, and
 * return the table's saved data and version, the template lists in the UI language and the
 * page title. `empty` is the table's data before anything was saved.
 */
export async function passportPageData<T>(request: Request, programIdParam: string | undefined, table: PassportTableId, empty: T) {
  const { program, canEdit, read } = await requireProgram(request, programIdParam);
  const { t, lang } = await getT(request);
  const data = await read.programData();
  const saved = passportElement<T>(data, table);
  const guidance = stageGuidance("passport", lang);
  return {
    ...guidance,
    title: `${t(`stages:passport.${table}.title`)} — ${guidance.title}`,
    programId: program.id,
    canEdit,
    lang,
    version: saved.version,
    defaultValue: saved.data ?? empty,
    context: passportContext(lang, data),
    data,
  };
}
