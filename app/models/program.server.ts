import type { Insertable, Updateable } from "kysely";
import type { Municipality, Program, ProgramTable } from "../../db/schema";
import type { ProgramMeta } from "~/domain/program-data";
import type { Executor } from "./program-element.server";

export function listProgramsForMunicipalities(db: Executor, municipalityIds: number[], includeArchived = false) {
  let q = db
    .selectFrom("program")
    .innerJoin("municipality", "municipality.id", "program.municipality_id")
    .select([
      "program.id",
      "program.title",
      "program.start_year",
      "program.end_year",
      "program.language",
      "program.status",
      "program.archived_at",
      "program.municipality_id",
      "municipality.name_ru",
      "municipality.name_ky",
    ])
    .where("program.municipality_id", "in", municipalityIds.length ? municipalityIds : [-1]);
  if (!includeArchived) q = q.where("program.archived_at", "is", null);
  return q.orderBy("program.archived_at").orderBy("program.start_year", "desc").orderBy("program.id", "desc").execute();
}

export function getMunicipality(db: Executor, id: number) {
  return db.selectFrom("municipality").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listMunicipalities(db: Executor, ids?: number[]) {
  let q = db.selectFrom("municipality").selectAll();
  if (ids) q = q.where("id", "in", ids.length ? ids : [-1]);
  return q.orderBy("name_ru").execute();
}

/** A municipality named by its id or by its Russian or Kyrgyz name (the command line takes either). */
export function findMunicipalityByIdOrName(db: Executor, idOrName: string) {
  return db
    .selectFrom("municipality")
    .select("id")
    .where((eb) => eb.or([eb("id", "=", Number(idOrName) || -1), eb("name_ru", "=", idOrName), eb("name_ky", "=", idOrName)]))
    .executeTakeFirst();
}

/** Every program, archived too, in the order they were made. */
export function listAllPrograms(db: Executor) {
  return db
    .selectFrom("program")
    .select(["id", "municipality_id", "title", "start_year", "end_year", "status", "language"])
    .orderBy("id")
    .execute();
}

export function findProgram(db: Executor, id: number) {
  return db.selectFrom("program").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertProgram(db: Executor, values: Insertable<ProgramTable>): Promise<number> {
  const row = await db.insertInto("program").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Some of the program's own fields, with its version (for the optimistic check of a settings form). */
export function programFields<K extends "title" | "start_year" | "end_year" | "language" | "archived_at">(
  db: Executor,
  id: number,
  keys: K[],
) {
  return db
    .selectFrom("program")
    .select([...keys, "version"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

export async function updateProgram(db: Executor, id: number, patch: Updateable<ProgramTable>): Promise<void> {
  await db.updateTable("program").set(patch).where("id", "=", id).execute();
}

/** When the program's own fields last changed (its newest "program" revision), or "". */
export async function lastProgramChange(db: Executor, programId: number): Promise<string> {
  const row = await db
    .selectFrom("program_revision")
    .select("created_at")
    .where("program_id", "=", programId)
    .where("element_id", "=", "program")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.created_at ?? "";
}

/**
 * Moves the program from `fromStatus` (with the other fields of `patch`); false when someone
 * moved it first (its status is no longer `fromStatus`).
 */
export async function moveProgramStatus(db: Executor, id: number, fromStatus: string, patch: Updateable<ProgramTable>): Promise<boolean> {
  const moved = await db.updateTable("program").set(patch).where("id", "=", id).where("status", "=", fromStatus).executeTakeFirst();
  return Number(moved.numUpdatedRows) === 1;
}

type ProgramMetaRow = Pick<Program, "id" | "title" | "start_year" | "end_year" | "status" | "methodology_version"> & { language: string };
type MunicipalityRow = Pick<Municipality, "id" | "name_ru" | "name_ky" | "kind" | "raion" | "oblast">;

/** The one mapping of a program row and its municipality's row to the domain's ProgramMeta (live, many, or a version's snapshot). */
export function programMetaFromRows(p: ProgramMetaRow, m: MunicipalityRow): ProgramMeta {
  return {
    id: p.id,
    title: p.title,
    startYear: p.start_year,
    endYear: p.end_year,
    language: p.language as ProgramMeta["language"],
    status: p.status,
    methodologyVersion: p.methodology_version,
    municipality: { id: m.id, nameRu: m.name_ru, nameKy: m.name_ky, kind: m.kind, raion: m.raion, oblast: m.oblast },
  };
}

/** Programs with their municipalities, as ProgramMeta, in one query. */
export async function programMetas(db: Executor, ids: number[]): Promise<ProgramMeta[]> {
  if (ids.length === 0) return [];
  const rows = await db
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
    .where("program.id", "in", ids)
    .execute();
  return rows.map((r) => programMetaFromRows(r, { ...r, id: r.mId }));
}
