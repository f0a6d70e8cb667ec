/**
 * Compliance storage and the reports built on it: justifications (working group), findings
 * (ministry), the workflow facts the rules read (approval, publication), the submission gate
 * and the ministry dashboard.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { db } from "~/db.server";
import { runChecks, unjustifiedBlockers, type ComplianceReport, type Justification, type RuleReport } from "~/domain/compliance/run";
import type { CheckContext } from "~/domain/compliance/types";
import { buildProgramData, type ProgramData } from "~/domain/program-data";
import { methodology } from "~/methodology/templates.server";
import {
  findJustification,
  findingRows,
  insertFinding,
  insertJustification,
  justificationRows,
  justificationVersionRows,
  currentApprovalFacts,
  publicationDetails,
  updateJustification,
} from "~/models/compliance.server";
import { elementsOfPrograms, insertRevision, type Executor } from "~/models/program-element.server";
import { programMetas } from "~/models/program.server";
import { latestVersionId } from "~/models/workflow.server";
import { VersionConflict } from "./elements.server";
import { loadProgramData } from "./program-data.server";

export async function listJustifications(db: Executor, programId: number): Promise<Record<string, Justification>> {
  const rows = await justificationRows(db, programId);
  return Object.fromEntries(rows.map((r) => [r.rule_id, { text: r.text, userName: r.display_name, updatedAt: r.updated_at }]));
}

/** The version of each rule's justification that a form must carry; a rule missing here is 0. */
export async function justificationVersions(db: Executor, programId: number): Promise<Record<string, number>> {
  const rows = await justificationVersionRows(db, programId);
  return Object.fromEntries(rows.map((r) => [r.rule_id, r.version]));
}

/**
 * Saves (or, with empty text, removes) the justification of one rule, in one transaction with a
 * revision, as element saves do. With `expectedVersion` (the version the form was loaded with,
 * 0 for none yet) a stale form gets a VersionConflict carrying the stored text. A removal keeps
 * the row with empty text, so the version never starts again from 1 (migration 0006).
 */
export async function saveJustification(
  input: { programId: number; ruleId: string; text: string; userId: string; expectedVersion?: number },
  /** The app's database unless given another (the demo seed passes the one it builds). */
  handle: Kysely<DB> = db,
): Promise<void> {
  const text = input.text.trim();
  await handle.transaction().execute(async (trx) => {
    const existing = await findJustification(trx, input.programId, input.ruleId);
    const version = existing?.version ?? 0;
    if (input.expectedVersion !== undefined && version !== input.expectedVersion) {
      throw new VersionConflict({
        id: justificationElementId(input.ruleId),
        data: { ruleId: input.ruleId, text: existing?.text ?? "" },
        version,
        updatedAt: existing?.updated_at ?? "",
      });
    }
    const before = existing?.text ?? "";
    if (text === before) return;
    const now = new Date().toISOString();
    if (existing) {
      await updateJustification(trx, existing.id, { text, user_id: input.userId, updated_at: now, version: version + 1 });
    } else {
      await insertJustification(trx, {
        program_id: input.programId,
        rule_id: input.ruleId,
        text,
        user_id: input.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      });
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

type FindingInput = { programId: number; ruleId: string; agree: boolean; comment?: string | null; userId: string };

/** A reviewer's finding on one rule, tied to the latest frozen version (the one submitted). */
async function addFinding(trx: Executor, input: FindingInput): Promise<void> {
  await insertFinding(trx, {
    program_id: input.programId,
    rule_id: input.ruleId,
    version_id: await latestVersionId(trx, input.programId),
    agree: input.agree ? 1 : 0,
    comment: input.comment?.trim() || null,
    user_id: input.userId,
    created_at: new Date().toISOString(),
  });
}

export async function recordFinding(input: FindingInput): Promise<void> {
  await db.transaction().execute((trx) => addFinding(trx, input));
}

/**
 * The review table's findings, in one transaction; with `agreeAllPassed`, "agree" with every
 * passed rule not judged in the table. Returns how many were recorded (0: nothing was chosen).
 */
export async function recordFindings(input: {
  programId: number;
  userId: string;
  findings: { ruleId: string; agree: boolean; comment?: string | null }[];
  agreeAllPassed: boolean;
}): Promise<number> {
  const given = new Set(input.findings.map((f) => f.ruleId));
  const passed = input.agreeAllPassed
    ? (await complianceReport(db, input.programId)).report.rules.filter((r) => r.status === "pass" && !given.has(r.rule.id))
    : [];
  if (input.findings.length + passed.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    for (const f of input.findings) await addFinding(trx, { programId: input.programId, userId: input.userId, ...f });
    for (const r of passed) await addFinding(trx, { programId: input.programId, ruleId: r.rule.id, agree: true, userId: input.userId });
  });
  return input.findings.length + passed.length;
}

/** The latest finding per rule (earlier ones stay in the table as the history of review rounds). */
export async function latestFindings(db: Executor, programId: number): Promise<Record<string, Finding>> {
  const rows = await findingRows(db, programId);
  const out: Record<string, Finding> = {};
  for (const r of rows)
    out[r.rule_id] = {
      ruleId: r.rule_id,
      agree: r.agree === 1,
      comment: r.comment,
      userName: r.display_name,
      createdAt: r.created_at,
      versionId: r.version_id,
    };
  return out;
}

/** Approval and publication records of many programs at once (the rules r01, r33, r34 read them). */
export async function workflowFacts(db: Executor, programIds: number[]): Promise<Map<number, Omit<CheckContext, "methodology">>> {
  const out = new Map<number, Omit<CheckContext, "methodology">>(programIds.map((id) => [id, { approval: null, publicationUrl: null }]));
  if (programIds.length === 0) return out;
  // Only the record true now: one ended by reopening, correction or withdrawal approves nothing.
  const approvals = await currentApprovalFacts(db, programIds);
  for (const a of approvals) out.get(a.program_id)!.approval = { resolutionNumber: a.resolution_number, resolutionDate: a.resolution_date };
  const published = await publicationDetails(db, programIds);
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

/** The compliance page: the report, the latest findings and the justifications' versions. */
export async function compliancePage(programId: number) {
  const [{ report }, findings, versions] = await Promise.all([
    complianceReport(db, programId),
    latestFindings(db, programId),
    justificationVersions(db, programId),
  ]);
  return { report, findings, versions };
}

/** The report of one program on the app's database (the compliance DOCX). */
export const programCompliance = (programId: number) => complianceReport(db, programId);

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
  const metas = await programMetas(db, programIds);
  const byProgram = new Map<number, Awaited<ReturnType<typeof elementsOfPrograms>>>();
  for (const r of await elementsOfPrograms(db, programIds))
    (byProgram.get(r.program_id) ?? byProgram.set(r.program_id, []).get(r.program_id)!).push(r);
  for (const meta of metas) out.set(meta.id, buildProgramData(meta, byProgram.get(meta.id) ?? []));
  return out;
}
