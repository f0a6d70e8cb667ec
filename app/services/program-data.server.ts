import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { buildProgramData, type ProgramData } from "~/domain/program-data";
import { listElements } from "~/models/program-element.server";
import { programMetas } from "~/models/program.server";

/** Loads a whole program in two queries (no N+1, whatever its size). */
export async function loadProgramData(db: Kysely<DB>, programId: number): Promise<ProgramData> {
  const [meta] = await programMetas(db, [programId]);
  if (!meta) throw new Error(`no program ${programId}`);
  return buildProgramData(meta, await listElements(db, programId));
}
