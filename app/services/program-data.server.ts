import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { buildProgramData, type ProgramData } from "~/domain/program-data";
import { listElements } from "~/models/program-element.server";

/** Loads a whole program in two queries (no N+1, whatever its size). */
export async function loadProgramData(db: Kysely<DB>, programId: number): Promise<ProgramData> {
  const program = await db
    .selectFrom("program")
    .innerJoin("municipality", "municipality.id", "program.municipality_id")
    .select([
      "program.id",
      "program.title",
      "program.start_year",
      "program.end_year",
      "program.language",
      "program.status",
      "program.methodology_version",
      "municipality.id as mId",
      "municipality.name_ru",
      "municipality.name_ky",
      "municipality.kind",
      "municipality.raion",
      "municipality.oblast",
    ])
    .where("program.id", "=", programId)
    .executeTakeFirstOrThrow();
  const rows = await listElements(db, programId);
  return buildProgramData(
    {
      id: program.id,
      title: program.title,
      startYear: program.start_year,
      endYear: program.end_year,
      language: program.language,
      status: program.status,
      methodologyVersion: program.methodology_version,
      municipality: { id: program.mId, nameRu: program.name_ru, nameKy: program.name_ky, kind: program.kind, raion: program.raion, oblast: program.oblast },
    },
    rows,
  );
}
