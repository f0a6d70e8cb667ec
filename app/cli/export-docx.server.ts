/** `kadam export-docx`: the whole program as DOCX, built exactly as the web download builds it. */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { liveReader } from "~/services/program-reader.server";
import { buildProgramDocument, packDocx } from "~/export/program-docx.server";
import { documentOptions, readExportInputs } from "~/services/downloads.server";
import { findProgram } from "~/models/program.server";

/** Throws when the program does not exist; `lang` overrides the program's document language. */
export async function exportProgramDocx(db: Kysely<DB>, programId: number, lang?: "ru" | "ky"): Promise<Buffer> {
  const exists = await findProgram(db, programId);
  if (!exists) throw new Error(`No program ${programId}`);
  const inputs = await readExportInputs(db, programId, liveReader(db, programId));
  const options = documentOptions(inputs);
  return packDocx(await buildProgramDocument(inputs.data, lang ? { ...options, lang } : options));
}
