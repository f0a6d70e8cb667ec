/**
 * Queries behind the compliance checks: the working group's justifications, the ministry's
 * findings, and the workflow facts the rules read. Every function takes `db | trx` first.
 */
import type { Insertable, Updateable } from "kysely";
import type { ComplianceFindingTable, ComplianceJustificationTable } from "../../db/schema";
import type { Executor } from "./program-element.server";

/** The justifications that have text (a removed one keeps its row and version), with who wrote them. */
export function justificationRows(db: Executor, programId: number) {
  return db
    .selectFrom("compliance_justification")
    .innerJoin("user", "user.id", "compliance_justification.user_id")
    .select([
      "compliance_justification.rule_id",
      "compliance_justification.text",
      "compliance_justification.updated_at",
      "user.display_name",
    ])
    .where("compliance_justification.program_id", "=", programId)
    .where("compliance_justification.text", "!=", "")
    .execute();
}

export function justificationVersionRows(db: Executor, programId: number) {
  return db.selectFrom("compliance_justification").select(["rule_id", "version"]).where("program_id", "=", programId).execute();
}

export function findJustification(db: Executor, programId: number, ruleId: string) {
  return db
    .selectFrom("compliance_justification")
    .selectAll()
    .where("program_id", "=", programId)
    .where("rule_id", "=", ruleId)
    .executeTakeFirst();
}

export async function insertJustification(db: Executor, values: Insertable<ComplianceJustificationTable>): Promise<void> {
  await db.insertInto("compliance_justification").values(values).execute();
}

export async function updateJustification(db: Executor, id: number, patch: Updateable<ComplianceJustificationTable>): Promise<void> {
  await db.updateTable("compliance_justification").set(patch).where("id", "=", id).execute();
}

export async function insertFinding(db: Executor, values: Insertable<ComplianceFindingTable>): Promise<void> {
  await db.insertInto("compliance_finding").values(values).execute();
}

/** Every finding of the program, oldest first, with the reviewer's name. */
export function findingRows(db: Executor, programId: number) {
  return db
    .selectFrom("compliance_finding")
    .innerJoin("user", "user.id", "compliance_finding.user_id")
    .select([
      "compliance_finding.rule_id",
      "compliance_finding.agree",
      "compliance_finding.comment",
      "compliance_finding.created_at",
      "compliance_finding.version_id",
      "user.display_name",
    ])
    .where("compliance_finding.program_id", "=", programId)
    .orderBy("compliance_finding.id", "asc")
    .execute();
}

/** The approval records not ended, of many programs. */
export function currentApprovalFacts(db: Executor, programIds: number[]) {
  return db
    .selectFrom("program_approval")
    .select(["program_id", "resolution_number", "resolution_date"])
    .where("program_id", "in", programIds)
    .where("ended_at", "is", null)
    .orderBy("id", "asc")
    .execute();
}

/** The details (publication URL) of every "publish" transition of many programs. */
export function publicationDetails(db: Executor, programIds: number[]) {
  return db
    .selectFrom("program_transition")
    .select(["program_id", "details"])
    .where("program_id", "in", programIds)
    .where("action", "=", "publish")
    .orderBy("id", "asc")
    .execute();
}

/** Programs the ministry sees (in `statuses`, or sent to it once), not archived, with their place. */
export function programsSentToMinistry(db: Executor, statuses: readonly string[]) {
  return db
    .selectFrom("program")
    .innerJoin("municipality", "municipality.id", "program.municipality_id")
    .select([
      "program.id",
      "program.status",
      "program.title",
      "program.start_year",
      "program.end_year",
      "program.language",
      "municipality.oblast",
      "municipality.raion",
      "municipality.name_ru",
      "municipality.name_ky",
    ])
    .where((eb) => eb.or([eb("program.status", "in", [...statuses]), eb("program.sent_to_ministry_at", "is not", null)]))
    .where("program.archived_at", "is", null)
    .execute();
}

/** Per program: how many elements, the latest change and the sum of versions (any edit changes one). */
export function elementStamps(db: Executor, programIds: number[]) {
  return db
    .selectFrom("program_element")
    .select([
      "program_id",
      (eb) => eb.fn.countAll<number>().as("n"),
      (eb) => eb.fn.max("updated_at").as("u"),
      (eb) => eb.fn.sum<number>("version").as("v"),
    ])
    .where("program_id", "in", programIds)
    .groupBy("program_id")
    .execute();
}

/** The dashboard's cached rows (valid while their fingerprint matches). */
export function cachedSummaries(db: Executor, programIds: number[]) {
  return db
    .selectFrom("compliance_summary")
    .select(["program_id", "fingerprint", "summary"])
    .where("program_id", "in", programIds)
    .execute();
}

export async function saveSummary(
  db: Executor,
  programId: number,
  values: { fingerprint: string; summary: string; computed_at: string },
): Promise<void> {
  await db
    .insertInto("compliance_summary")
    .values({ program_id: programId, ...values })
    .onConflict((oc) => oc.column("program_id").doUpdateSet(values))
    .execute();
}
