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

export function findProgram(db: Executor, id: number) {
  return db.selectFrom("program").selectAll().where("id", "=", id).executeTakeFirst();
}
