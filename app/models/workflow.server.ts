/**
 * Queries behind the review workflow: frozen versions, the transition log and the council's
 * approval records. Every function takes `db | trx` first, so services compose them inside one
 * transaction.
 */
import type { Insertable, Updateable } from "kysely";
import type { ProgramApprovalTable, ProgramTransitionTable, ProgramVersionTable } from "../../db/schema";
import type { Executor } from "./program-element.server";

/** The id of the program's latest frozen version, or null before the first. */
export async function latestVersionId(db: Executor, programId: number): Promise<number | null> {
  const row = await db
    .selectFrom("program_version")
    .select("id")
    .where("program_id", "=", programId)
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.id ?? null;
}

export function findVersion(db: Executor, versionId: number) {
  return db.selectFrom("program_version").selectAll().where("id", "=", versionId).executeTakeFirst();
}

/** The highest version number of the program, 0 before its first version. */
export async function lastVersionNumber(db: Executor, programId: number): Promise<number> {
  const last = await db
    .selectFrom("program_version")
    .select((eb) => eb.fn.max("number").as("max"))
    .where("program_id", "=", programId)
    .executeTakeFirst();
  return Number(last?.max ?? 0);
}

export function insertVersion(db: Executor, values: Insertable<ProgramVersionTable>) {
  return db.insertInto("program_version").values(values).returning(["id", "number"]).executeTakeFirstOrThrow();
}

export function versionRows(db: Executor, programId: number) {
  return db
    .selectFrom("program_version")
    .leftJoin("user", "user.id", "program_version.created_by")
    .select(["program_version.id", "number", "status", "comment", "program_version.created_at", "user.display_name as userName"])
    .where("program_id", "=", programId)
    .orderBy("number", "desc")
    .execute();
}

export async function insertTransition(db: Executor, values: Insertable<ProgramTransitionTable>): Promise<number> {
  const row = await db.insertInto("program_transition").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export function transitionRows(db: Executor, programId: number) {
  return db
    .selectFrom("program_transition")
    .leftJoin("user", "user.id", "program_transition.user_id")
    .leftJoin("program_version", "program_version.id", "program_transition.version_id")
    .select([
      "program_transition.id",
      "action",
      "from_status",
      "to_status",
      "program_transition.comment",
      "details",
      "program_transition.created_at",
      "version_id",
      "program_version.number as versionNumber",
      "user.display_name as userName",
    ])
    .where("program_transition.program_id", "=", programId)
    .orderBy("program_transition.id", "desc")
    .execute();
}

/** The approval records not yet ended, newest first. */
export function openApprovals(db: Executor, programId: number) {
  return db
    .selectFrom("program_approval")
    .selectAll()
    .where("program_id", "=", programId)
    .where("ended_at", "is", null)
    .orderBy("id", "desc")
    .execute();
}

export async function endApprovals(db: Executor, ids: number[], end: Updateable<ProgramApprovalTable>): Promise<void> {
  await db.updateTable("program_approval").set(end).where("id", "in", ids).execute();
}

export async function insertApproval(db: Executor, values: Insertable<ProgramApprovalTable>): Promise<void> {
  await db.insertInto("program_approval").values(values).execute();
}

/**
 * The newest approval record true of the program now (no version: not ended) or of a frozen
 * version (approved at or before it, not ended, or ended by a reopening after it).
 */
export function approvalRows(db: Executor, programId: number, versionId?: number) {
  let q = db.selectFrom("program_approval").selectAll().where("program_id", "=", programId);
  if (versionId === undefined) q = q.where("ended_at", "is", null);
  else
    q = q
      .where("version_id", "<=", versionId)
      .where((eb) =>
        eb.or([eb("end_reason", "is", null), eb.and([eb("end_reason", "=", "reopened"), eb("ended_version_id", ">", versionId)])]),
      );
  return q.orderBy("id", "desc").executeTakeFirst();
}

/** Every approval record, newest first, with who recorded and who ended it and the version number. */
export function approvalHistoryRows(db: Executor, programId: number) {
  return db
    .selectFrom("program_approval")
    .leftJoin("user as recorder", "recorder.id", "program_approval.recorded_by")
    .leftJoin("user as ender", "ender.id", "program_approval.ended_by")
    .leftJoin("program_version", "program_version.id", "program_approval.version_id")
    .selectAll("program_approval")
    .select(["recorder.display_name as recordedByName", "ender.display_name as endedByName", "program_version.number as versionNumber"])
    .where("program_approval.program_id", "=", programId)
    .orderBy("program_approval.id", "desc")
    .execute();
}
