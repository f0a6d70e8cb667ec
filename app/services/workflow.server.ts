/**
 * Status changes of a program. One transaction per change: check the workflow table, move the
 * status, freeze an immutable version (the whole program), log the transition and, for the
 * council's approval, record the resolution. Restore (a new draft from an older version) goes
 * through the same path so it is logged and versioned like any other change.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB, Program, ProgramElementRow, Role } from "../../db/schema";
import { db } from "~/db.server";
import { buildProgramData, type ProgramData } from "~/domain/program-data";
import type { Snapshot } from "~/domain/version-diff";
import {
  checkTransition,
  EDITABLE_WORKFLOW_STATUSES,
  recordsApproval,
  resolutionDateProblem,
  transitionFormSchema,
  type TransitionRule,
} from "~/domain/workflow";
import { deleteElementRows, insertRevision, listElements, insertElement, updateElementRow } from "~/models/program-element.server";
import { findProgram, getMunicipality, moveProgramStatus, programMetaFromRows, updateProgram } from "~/models/program.server";
import {
  approvalHistoryRows,
  approvalRows,
  endApprovals,
  findVersion,
  insertApproval,
  insertTransition,
  insertVersion,
  lastVersionNumber,
  openApprovals,
  transitionRows,
  versionRows,
} from "~/models/workflow.server";
import type { Executor } from "~/models/program-element.server";
import { unjustifiedBlockersFor } from "./compliance.server";
import { ExpectedFailure } from "~/http/expected-failure";

export interface ApprovalInput {
  resolutionNumber: string;
  resolutionDate: string;
  chairName: string;
}

export interface TransitionInput {
  programId: number;
  action: string;
  userId: string;
  /** The user's roles for this program (see rolesForProgram). */
  roles: readonly Role[];
  comment?: string | null;
  approval?: ApprovalInput;
  publicationUrl?: string;
  /** For "restore": the version to start the new draft from. */
  versionId?: number;
}

export interface TransitionResult {
  from: string;
  to: string;
  versionId: number;
  versionNumber: number;
  transitionId: number;
}

/** Runs on the app's database; the demo seed passes the handle of the database it builds. */
export async function transition(input: TransitionInput, handle: Kysely<DB> = db): Promise<TransitionResult> {
  return handle.transaction().execute(async (trx) => {
    const program = await findProgram(trx, input.programId);
    if (!program) throw new ExpectedFailure("notFound", "errors.notFound");
    if (program.archived_at) throw new ExpectedFailure("forbidden", "review:errors.archived");
    const check = checkTransition(program.status, input.action, input.roles);
    if (!check.ok) throw new ExpectedFailure("forbidden", `review:errors.${check.reason}`);
    const rule = check.rule;
    const value = validate(rule, input, program.created_at);
    const now = new Date().toISOString();

    if (rule.action === "submit_to_ministry") {
      // The compliance gate: every failing blocker needs the working group's justification first.
      const blockers = await unjustifiedBlockersFor(trx, program.id);
      if (blockers.length > 0)
        throw new ExpectedFailure(
          "forbidden",
          `review:errors.blockers|${JSON.stringify({ rules: blockers.map((b) => b.rule.number).join(", ") })}`,
        );
    }
    if (rule.action === "restore") await restoreElements(trx, program, value.versionId!, input.userId, now);

    // The first arrival at the ministry is kept: the ministry reads the program from then on.
    const moved = await moveProgramStatus(
      trx,
      program.id,
      program.status,
      rule.to === "submitted" && !program.sent_to_ministry_at ? { status: rule.to, sent_to_ministry_at: now } : { status: rule.to },
    );
    if (!moved) throw new ExpectedFailure("conflict", "review:errors.moved");

    const version = await freezeVersion(trx, program.id, input.userId, value.comment ?? null, now);
    const details =
      rule.requires === "publication"
        ? { publicationUrl: value.publicationUrl }
        : rule.requires === "version"
          ? { restoredFrom: value.versionId }
          : null;
    const transitionId = await insertTransition(trx, {
      program_id: program.id,
      action: rule.action,
      from_status: program.status,
      to_status: rule.to,
      user_id: input.userId,
      comment: value.comment ?? null,
      details: details ? JSON.stringify(details) : null,
      version_id: version.id,
      created_at: now,
    });
    await recordApprovalChange(trx, { program, rule, value, userId: input.userId, versionId: version.id, now });
    return { from: program.status, to: rule.to, versionId: version.id, versionNumber: version.number, transitionId };
  });
}

/**
 * What a transition does to the approval records (one record per approved version, never
 * deleted): approving adds one for the version just frozen; a correction ends the current one as
 * "corrected" and adds its replacement for the same approved version; a withdrawal ends it; any
 * return to editing (reopen, restore, changes requested) ends it as "reopened", because the
 * council approved the text that is about to change, not the next one.
 */
async function recordApprovalChange(
  trx: Transaction<DB>,
  a: { program: Program; rule: TransitionRule; value: ReturnType<typeof validate>; userId: string; versionId: number; now: string },
) {
  const { rule, value, now } = a;
  const current = await openApprovals(trx, a.program.id);
  const reason =
    rule.action === "correct_approval"
      ? "corrected"
      : rule.action === "withdraw_approval"
        ? "withdrawn"
        : (EDITABLE_WORKFLOW_STATUSES as readonly string[]).includes(rule.to)
          ? "reopened"
          : null;
  if (reason && current.length > 0) {
    await endApprovals(
      trx,
      current.map((r) => r.id),
      {
        ended_at: now,
        ended_by: a.userId,
        end_reason: reason,
        end_comment: value.comment ?? null,
        ended_version_id: reason === "corrected" ? null : a.versionId,
      },
    );
  }
  if (!recordsApproval(rule.requires)) return;
  if (rule.action === "correct_approval" && current.length === 0) throw new ExpectedFailure("forbidden", "review:errors.noApproval");
  await insertApproval(trx, {
    program_id: a.program.id,
    // A correction belongs to the version the council approved, like the record it replaces.
    version_id: rule.action === "correct_approval" ? current[0].version_id : a.versionId,
    resolution_number: value.resolutionNumber!,
    resolution_date: value.resolutionDate!,
    chair_name: value.chairName!,
    recorded_by: a.userId,
    created_at: now,
  });
}

/** Re-checks the rule's required fields on the server, whatever the form sent. */
function validate(rule: TransitionRule, input: TransitionInput, programCreatedAt: string) {
  const parsed = transitionFormSchema(rule.requires).safeParse({
    action: rule.action,
    comment: input.comment?.trim() || undefined,
    resolutionNumber: input.approval?.resolutionNumber?.trim() || undefined,
    resolutionDate: input.approval?.resolutionDate || undefined,
    chairName: input.approval?.chairName?.trim() || undefined,
    publicationUrl: input.publicationUrl?.trim() || undefined,
    versionId: input.versionId,
  });
  const fieldErrors: Record<string, string[]> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
  const date =
    parsed.success && recordsApproval(rule.requires) ? resolutionDateProblem(parsed.data.resolutionDate!, programCreatedAt) : null;
  if (date) fieldErrors.resolutionDate = [date];
  if (!parsed.success || date) throw new ExpectedFailure("invalid", "review:errors.missing", fieldErrors);
  return parsed.data;
}

/** Takes the next version number and stores the program row with all its elements, as they are now. */
export async function freezeVersion(trx: Executor, programId: number, userId: string, comment: string | null, now: string) {
  const program = await findProgram(trx, programId);
  if (!program) throw new Error(`no program ${programId}`);
  const elements = await listElements(trx, programId);
  const number = (await lastVersionNumber(trx, programId)) + 1;
  const snapshot: Snapshot = { program: program as unknown as Snapshot["program"], elements };
  return insertVersion(trx, {
    program_id: programId,
    number,
    status: program.status,
    snapshot: JSON.stringify(snapshot),
    comment,
    created_by: userId,
    created_at: now,
  });
}

/**
 * Replaces the program's elements with the version's, recording a revision for every change,
 * so the history shows the restore like any other edit. Current versions go up by one so
 * forms opened before the restore get a conflict instead of silently overwriting it.
 */
async function restoreElements(trx: Transaction<DB>, program: Program, versionId: number, userId: string, now: string) {
  const snapshot = await loadSnapshot(trx, versionId);
  if (!snapshot || snapshot.programId !== program.id) throw new ExpectedFailure("notFound", "review:errors.versionNotFound");
  const target = snapshot.snapshot.elements as ProgramElementRow[];
  const current = new Map((await listElements(trx, program.id)).map((r) => [r.id, r]));
  const keep = new Set(target.map((e) => e.id));
  // Missing elements first without a parent (the parent may be missing too), placement after.
  for (const e of target) {
    if (current.has(e.id)) continue;
    await insertElement(trx, { ...e, program_id: program.id, parent_id: null, version: 1, updated_at: now, updated_by: userId });
    await insertRevision(trx, {
      programId: program.id,
      elementId: e.id,
      kind: e.kind,
      change: "create",
      before: null,
      after: e.data,
      userId,
      now,
    });
  }
  for (const e of target) {
    const old = current.get(e.id);
    if (old && old.data === e.data && old.parent_id === e.parent_id && old.position === e.position) continue;
    await updateElementRow(trx, e.id, {
      data: e.data,
      parent_id: e.parent_id,
      position: e.position,
      kind: e.kind,
      version: (old?.version ?? 1) + (old ? 1 : 0),
      updated_at: now,
      updated_by: userId,
    });
    if (old && old.data !== e.data)
      await insertRevision(trx, {
        programId: program.id,
        elementId: e.id,
        kind: e.kind,
        change: "update",
        before: old.data,
        after: e.data,
        userId,
        now,
      });
  }
  const removed = [...current.values()].filter((r) => !keep.has(r.id));
  for (const r of removed)
    await insertRevision(trx, {
      programId: program.id,
      elementId: r.id,
      kind: r.kind,
      change: "delete",
      before: r.data,
      after: null,
      userId,
      now,
    });
  if (removed.length > 0)
    await deleteElementRows(
      trx,
      program.id,
      removed.map((r) => r.id),
    );

  const p = snapshot.snapshot.program;
  const patch = { title: p.title, start_year: p.start_year, end_year: p.end_year, language: p.language as Program["language"] };
  const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => program[k] !== patch[k]);
  if (changed.length > 0) {
    await updateProgram(trx, program.id, patch);
    const pick = (o: Record<string, unknown>) => JSON.stringify(Object.fromEntries(changed.map((k) => [k, o[k]])));
    await insertRevision(trx, {
      programId: program.id,
      elementId: "program",
      kind: "program",
      change: "update",
      before: pick(program),
      after: pick(patch),
      userId,
      now,
    });
  }
}

export async function loadSnapshot(
  db: Executor,
  versionId: number,
): Promise<{ id: number; programId: number; number: number; status: string; createdAt: string; snapshot: Snapshot } | null> {
  const row = await findVersion(db, versionId);
  if (!row) return null;
  return {
    id: row.id,
    programId: row.program_id,
    number: row.number,
    status: row.status,
    createdAt: row.created_at,
    snapshot: JSON.parse(row.snapshot) as Snapshot,
  };
}

/** A frozen version as ProgramData, for the read-only pages and the DOCX of any version. */
export async function loadVersionData(db: Executor, versionId: number): Promise<ProgramData> {
  const v = await loadSnapshot(db, versionId);
  if (!v) throw new ExpectedFailure("notFound", "review:errors.versionNotFound");
  return snapshotToProgramData(db, v.snapshot, v.status);
}

export async function snapshotToProgramData(db: Executor, snapshot: Snapshot, status: string): Promise<ProgramData> {
  const p = snapshot.program;
  const m = await getMunicipality(db, Number(p.municipality_id));
  if (!m) throw new Error(`no municipality ${p.municipality_id}`);
  return buildProgramData(
    programMetaFromRows({ ...p, status, methodology_version: String(p.methodology_version ?? "") }, m),
    snapshot.elements,
  );
}

export interface ApprovalRecord {
  id: number;
  resolutionNumber: string;
  resolutionDate: string;
  chairName: string;
  versionId: number;
  recordedAt: string;
}

const approvalRecord = (row: {
  id: number;
  resolution_number: string;
  resolution_date: string;
  chair_name: string;
  version_id: number;
  created_at: string;
}): ApprovalRecord => ({
  id: row.id,
  resolutionNumber: row.resolution_number,
  resolutionDate: row.resolution_date,
  chairName: row.chair_name,
  versionId: row.version_id,
  recordedAt: row.created_at,
});

/**
 * The council's approval that is true of the program now (no version) or of a frozen version:
 * a record of an approved version at or before it that was not ended before it. Corrected and
 * withdrawn records were never true and are left out; a record ended by reopening is true of
 * the versions from the approval up to the reopening. The DOCX title page prints only this.
 */
export async function getApproval(db: Executor, programId: number, versionId?: number): Promise<ApprovalRecord | null> {
  const row = await approvalRows(db, programId, versionId);
  return row ? approvalRecord(row) : null;
}

/** Every approval record of the program, newest first, with who recorded it and why it ended: the status page's history. */
export async function approvalHistory(programId: number) {
  const rows = await approvalHistoryRows(db, programId);
  return rows.map((r) => ({
    ...approvalRecord(r),
    versionNumber: r.versionNumber,
    recordedByName: r.recordedByName,
    endedAt: r.ended_at,
    endedByName: r.endedByName,
    endReason: r.end_reason,
    endComment: r.end_comment,
  }));
}

/** A program's versions, newest first, with who froze them. */
export const listVersions = (programId: number) => versionRows(db, programId);

export const listTransitions = transitionRows;

/** The status page: the transition log, the approval true now, and every approval record. */
export async function statusHistory(programId: number) {
  const [log, approval, approvals] = await Promise.all([
    listTransitions(db, programId),
    getApproval(db, programId),
    approvalHistory(programId),
  ]);
  return { log, approval, approvals };
}

/** Two versions of the program, each with its data; null when either is not one of its versions. */
export async function twoVersions(programId: number, aId: number, bId: number) {
  const [a, b] = await Promise.all([loadSnapshot(db, aId), loadSnapshot(db, bId)]);
  if (!a || !b || a.programId !== programId || b.programId !== programId) return null;
  const [dataA, dataB] = await Promise.all([
    snapshotToProgramData(db, a.snapshot, a.status),
    snapshotToProgramData(db, b.snapshot, b.status),
  ]);
  return { a: { ...a, data: dataA }, b: { ...b, data: dataB } };
}

/** Is `versionId` one of this program's versions? */
export async function isVersionOf(programId: number, versionId: number): Promise<boolean> {
  const v = await findVersion(db, versionId);
  return v?.program_id === programId;
}
