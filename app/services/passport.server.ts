/** What every passport page loads: the template lists in the UI language and the saved element. */
import { requireProgram } from "./program-access.server";
import { getT } from "~/i18n/i18n.server";
import { stageGuidance } from "~/services/stage-guidance.server";
import { PASSPORT_KINDS, type PassportTableId } from "~/domain/passport";
import type { ProgramData } from "~/domain/program-data";

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
  const pctx = await read.context(lang);
  const data = pctx.data;
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
    context: pctx.passport,
    data,
  };
}
