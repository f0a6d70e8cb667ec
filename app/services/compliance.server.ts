/**
 * Compliance storage and the reports built on it: justifications (working group), findings
 * (ministry), the workflow facts the rules read (approval, publication), the submission gate
 * and the ministry dashboard.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema";
import { runChecks, unjustifiedBlockers, type ComplianceReport, type Justification, type RuleReport } from "~/domain/compliance/run";
import type { CheckContext } from "~/domain/compliance/types";
import { buildProgramData, type ProgramData } from "~/domain/program-data";
import { methodology } from "~/methodology/templates.server";
import { insertRevision } from "~/models/program-element.server";
import { VersionConflict } from "./elements.server";
import { loadProgramData } from "./program-data.server";

type Executor = Kysely<DB> | Transaction<DB>;

export async function listJustifications(db: Executor, programId: number): Promise<Record<string, Justification>> {
  const rows = await db
    .selectFrom("compliance_justification")
    .innerJoin("user", "user.id", "compliance_justification.user_id")
    .select(["compliance_justification.rule_id", "compliance_justification.text", "compliance_justification.updated_at", "user.display_name"])
    .where("compliance_justification.program_id", "=", programId)
    .where("compliance_justification.text", "!=", "") // a removed one keeps its row (and version)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.rule_id, { text: r.text, userName: r.display_name, updatedAt: r.updated_at }]));
}

/** The version of each rule's justification that a form must carry; a rule missing here is 0. */
export async function justificationVersions(db: Executor, programId: number): Promise<Record<string, number>> {
  const rows = await db.selectFrom("compliance_justification").select(["rule_id", "version"]).where("program_id", "=", programId).execute();
  return Object.fromEntries(rows.map((r) => [r.rule_id, r.version]));
}

/**
 * Saves (or, with empty text, removes) the justification of one rule, in one transaction with a
 * revision, as element saves do. With `expectedVersion` (the version the form was loaded with,
 * 0 for none yet) a stale form gets a VersionConflict carrying the stored text. A removal keeps
 * the row with empty text, so the version never starts again from 1 (migration 0006).
 */
export async function saveJustification(
  db: Kysely<DB>,
  input: { programId: number; ruleId: string; text: string; userId: string; expectedVersion?: number },
): Promise<void> {
  const text = input.text.trim();
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("compliance_justification").selectAll().where("program_id", "=", input.programId).where("rule_id", "=", input.ruleId).executeTakeFirst();
    const version = existing?.version ?? 0;
    if (input.expectedVersion !== undefined && version !== input.expectedVersion) {
      throw new VersionConflict({ id: justificationElementId(input.ruleId), data: { ruleId: input.ruleId, text: existing?.text ?? "" }, version, updatedAt: existing?.updated_at ?? "" });
    }
    const before = existing?.text ?? "";
    if (text === before) return;
    const now = new Date().toISOString();
    if (existing) {
      await trx.updateTable("compliance_justification").set({ text, user_id: input.userId, updated_at: now, version: version + 1 }).where("id", "=", existing.id).execute();
    } else {
      await trx.insertInto("compliance_justification").values({ program_id: input.programId, rule_id: input.ruleId, text, user_id: input.userId, created_at: now, updated_at: now, version: 1 }).execute();
    }
    await insertRevision(trx, {
      programId: input.programId,
      elementId: justificationElementId(input.ruleId),
      kind: "compliance_justification",
      change: !before ? "create" : !text ? "delete" : "update",
      before: before ? JSON.stringify({ text: before }) : null,
      after: text ? JSON.stringify({ text }) : null,
      userId: input.userId,
      now,
    });
  });
}

/** How the history names a justification: it is no program element, so it gets an id of its own. */
const justificationElementId = (ruleId: string) => `justification:${ruleId}`;

export interface Finding {
  ruleId: string;
  agree: boolean;
  comment: string | null;
  userName: string;
  createdAt: string;
  versionId: number | null;
}

/** A reviewer's finding on one rule, tied to the latest frozen version (the one submitted). */
export async function recordFinding(db: Executor, input: { programId: number; ruleId: string; agree: boolean; comment?: string | null; userId: string }): Promise<void> {
  const version = await db.selectFrom("program_version").select("id").where("program_id", "=", input.programId).orderBy("id", "desc").executeTakeFirst();
  await db
    .insertInto("compliance_finding")
    .values({
      program_id: input.programId,
      rule_id: input.ruleId,
      version_id: version?.id ?? null,
      agree: input.agree ? 1 : 0,
      comment: input.comment?.trim() || null,
      user_id: input.userId,
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** The latest finding per rule (earlier ones stay in the table as the history of review rounds). */
export async function latestFindings(db: Executor, programId: number): Promise<Record<string, Finding>> {
  const rows = await db
    .selectFrom("compliance_finding")
    .innerJoin("user", "user.id", "compliance_finding.user_id")
    .select(["compliance_finding.rule_id", "compliance_finding.agree", "compliance_finding.comment", "compliance_finding.created_at", "compliance_finding.version_id", "user.display_name"])
    .where("compliance_finding.program_id", "=", programId)
    .orderBy("compliance_finding.id", "asc")
    .execute();
  const out: Record<string, Finding> = {};
  for (const r of rows) out[r.rule_id] = { ruleId: r.rule_id, agree: r.agree === 1, comment: r.comment, userName: r.display_name, createdAt: r.created_at, versionId: r.version_id };
  return out;
}

/** Approval and publication records of many programs at once (the rules r01, r33, r34 read them). */
export async function workflowFacts(db: Executor, programIds: number[]): Promise<Map<number, Omit<CheckContext, "methodology">>> {
  const out = new Map<number, Omit<CheckContext, "methodology">>(programIds.map((id) => [id, { approval: null, publicationUrl: null }]));
  if (programIds.length === 0) return out;
  const approvals = await db
    .selectFrom("program_approval")
    .select(["program_id", "resolution_number", "resolution_date"])
    .where("program_id", "in", programIds)
    // Only the record true now: one ended by reopening, correction or withdrawal approves nothing.
    .where("ended_at", "is", null)
    .orderBy("id", "asc")
    .execute();
  for (const a of approvals) out.get(a.program_id)!.approval = { resolutionNumber: a.resolution_number, resolutionDate: a.resolution_date };
  const published = await db
    .selectFrom("program_transition")
    .select(["program_id", "details"])
    .where("program_id", "in", programIds)
    .where("action", "=", "publish")
    .orderBy("id", "asc")
    .execute();
  for (const p of published) {
    try {
      const url = (JSON.parse(p.details ?? "{}") as { publicationUrl?: string }).publicationUrl;
      if (url) out.get(p.program_id)!.publicationUrl = url;
    } catch {
      // A malformed details column leaves the URL unknown.
    }
  }
  return out;
}

/** The full report of one program: checks, justifications, workflow facts. */
export async function complianceReport(db: Executor, programId: number): Promise<{ data: ProgramData; report: ComplianceReport }> {
  const data = await loadProgramData(db as Kysely<DB>, programId);
  const [justifications, facts] = await Promise.all([listJustifications(db, programId), workflowFacts(db, [programId])]);
  return { data, report: runChecks(data, methodology, justifications, facts.get(programId)) };
}

/**
 * The submission gate. The workflow calls this before "submit_to_ministry" (inside its
 * transaction is fine) and refuses while the list is not empty, naming the rules.
 */
export async function unjustifiedBlockersFor(db: Executor, programId: number): Promise<RuleReport[]> {
  const { report } = await complianceReport(db, programId);
  return unjustifiedBlockers(report);
}

/** Many programs in two queries; used by the dashboard (and the bench). */
export async function loadManyProgramData(db: Executor, programIds: number[]): Promise<Map<number, ProgramData>> {
  const out = new Map<number, ProgramData>();
  if (programIds.length === 0) return out;
  const programs = await db
    .selectFrom("program")
    .innerJoin("municipality", "municipality.id", "program.municipality_id")
    .select(["program.id", "program.title", "program.start_year", "program.end_year", "program.language", "program.status", "program.methodology_version", "municipality.id as mId", "municipality.name_ru", "municipality.name_ky", "municipality.kind", "municipality.raion", "municipality.oblast"])
    .where("program.id", "in", programIds)
    .execute();
  const rows = await db
    .selectFrom("program_element")
    .select(["program_id", "id", "kind", "parent_id", "position", "version", "data"])
    .where("program_id", "in", programIds)
    .execute();
  const byProgram = new Map<number, typeof rows>();
  for (const r of rows) (byProgram.get(r.program_id) ?? byProgram.set(r.program_id, []).get(r.program_id)!).push(r);
  for (const p of programs)
    out.set(
      p.id,
      buildProgramData(
        {
          id: p.id, title: p.title, startYear: p.start_year, endYear: p.end_year, language: p.language, status: p.status, methodologyVersion: p.methodology_version,
          municipality: { id: p.mId, nameRu: p.name_ru, nameKy: p.name_ky, kind: p.kind, raion: p.raion, oblast: p.oblast },
        },
        byProgram.get(p.id) ?? [],
      ),
    );
  return out;
}
