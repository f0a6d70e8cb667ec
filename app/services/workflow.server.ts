/**
 * Status changes of a program. One transaction per change: check the workflow table, move the
 * status, freeze an immutable version (the whole program), log the transition and, for the
 * council's approval, record the resolution. Restore (a new draft from an older version) goes
 * through the same path so it is logged and versioned like any other change.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB, Program, ProgramElementRow, Role } from "../../db/schema";
import { buildProgramData, type ProgramData } from "~/domain/program-data";
import type { Snapshot } from "~/domain/version-diff";
import { checkTransition, EDITABLE_WORKFLOW_STATUSES, recordsApproval, resolutionDateProblem, transitionFormSchema, type TransitionRule } from "~/domain/workflow";
import { insertRevision, listElements } from "~/models/program-element.server";
import { unjustifiedBlockersFor } from "./compliance.server";

type Executor = Kysely<DB> | Transaction<DB>;

/** status 403: not allowed (role or state); 400: a required field is missing; 409: someone moved it first. */
export class WorkflowError extends Error {
  constructor(
    public readonly status: 400 | 403 | 404 | 409,
    public readonly messageKey: string,
    public readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(messageKey);
  }
}

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

export async function transition(db: Kysely<DB>, input: TransitionInput): Promise<TransitionResult> {
  return db.transaction().execute(async (trx) => {
    const program = await trx.selectFrom("program").selectAll().where("id", "=", input.programId).executeTakeFirst();
    if (!program) throw new WorkflowError(404, "errors.notFound");
    if (program.archived_at) throw new WorkflowError(403, "review:errors.archived");
    const check = checkTransition(program.status, input.action, input.roles);
    if (!check.ok) throw new WorkflowError(403, `review:errors.${check.reason}`);
    const rule = check.rule;
    const value = validate(rule, input, program.created_at);
    const now = new Date().toISOString();

    if (rule.action === "submit_to_ministry") {
      // The compliance gate: every failing blocker needs the working group's justification first.
      const blockers = await unjustifiedBlockersFor(trx, program.id);
      if (blockers.length > 0) throw new WorkflowError(403, `review:errors.blockers|${JSON.stringify({ rules: blockers.map((b) => b.rule.number).join(", ") })}`);
    }
    if (rule.action === "restore") await restoreElements(trx, program, value.versionId!, input.userId, now);

    const moved = await trx
      .updateTable("program")
      // The first arrival at the ministry is kept: the ministry reads the program from then on.
      .set(rule.to === "submitted" && !program.sent_to_ministry_at ? { status: rule.to, sent_to_ministry_at: now } : { status: rule.to })
      .where("id", "=", program.id)
      .where("status", "=", program.status)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new WorkflowError(409, "review:errors.moved");

    const version = await freezeVersion(trx, program.id, input.userId, value.comment ?? null, now);
    const details = rule.requires === "publication" ? { publicationUrl: value.publicationUrl } : rule.requires === "version" ? { restoredFrom: value.versionId } : null;
    const logged = await trx
      .insertInto("program_transition")
      .values({
        program_id: program.id,
        action: rule.action,
        from_status: program.status,
        to_status: rule.to,
        user_id: input.userId,
        comment: value.comment ?? null,
        details: details ? JSON.stringify(details) : null,
        version_id: version.id,
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordApprovalChange(trx, { program, rule, value, userId: input.userId, versionId: version.id, now });
    return { from: program.status, to: rule.to, versionId: version.id, versionNumber: version.number, transitionId: logged.id };
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
  const current = await trx.selectFrom("program_approval").selectAll().where("program_id", "=", a.program.id).where("ended_at", "is", null).orderBy("id", "desc").execute();
  const reason = rule.action === "correct_approval" ? "corrected" : rule.action === "withdraw_approval" ? "withdrawn" : (EDITABLE_WORKFLOW_STATUSES as readonly string[]).includes(rule.to) ? "reopened" : null;
  if (reason && current.length > 0) {
    await trx
      .updateTable("program_approval")
      .set({ ended_at: now, ended_by: a.userId, end_reason: reason, end_comment: value.comment ?? null, ended_version_id: reason === "corrected" ? null : a.versionId })
      .where("id", "in", current.map((r) => r.id))
      .execute();
  }
  if (!recordsApproval(rule.requires)) return;
  if (rule.action === "correct_approval" && current.length === 0) throw new WorkflowError(403, "review:errors.noApproval");
  await trx
    .insertInto("program_approval")
    .values({
      program_id: a.program.id,
      // A correction belongs to the version the council approved, like the record it replaces.
      version_id: rule.action === "correct_approval" ? current[0].version_id : a.versionId,
      resolution_number: value.resolutionNumber!,
      resolution_date: value.resolutionDate!,
      chair_name: value.chairName!,
      recorded_by: a.userId,
      created_at: now,
    })
    .execute();
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
  const date = parsed.success && recordsApproval(rule.requires) ? resolutionDateProblem(parsed.data.resolutionDate!, programCreatedAt) : null;
  if (date) fieldErrors.resolutionDate = [date];
  if (!parsed.success || date) throw new WorkflowError(400, "review:errors.missing", fieldErrors);
  return parsed.data;
}

/** Takes the next version number and stores the program row with all its elements, as they are now. */
export async function freezeVersion(trx: Executor, programId: number, userId: string, comment: string | null, now: string) {
  const program = await trx.selectFrom("program").selectAll().where("id", "=", programId).executeTakeFirstOrThrow();
  const elements = await listElements(trx, programId);
  const last = await trx.selectFrom("program_version").select((eb) => eb.fn.max("number").as("max")).where("program_id", "=", programId).executeTakeFirst();
  const number = Number(last?.max ?? 0) + 1;
  const snapshot: Snapshot = { program: program as unknown as Snapshot["program"], elements };
  const row = await trx
    .insertInto("program_version")
    .values({ program_id: programId, number, status: program.status, snapshot: JSON.stringify(snapshot), comment, created_by: userId, created_at: now })
    .returning(["id", "number"])
    .executeTakeFirstOrThrow();
  return row;
}

/**
 * Replaces the program's elements with the version's, recording a revision for every change,
 * so the history shows the restore like any other edit. Current versions go up by one so
 * forms opened before the restore get a conflict instead of silently overwriting it.
 */
async function restoreElements(trx: Transaction<DB>, program: Program, versionId: number, userId: string, now: string) {
  const snapshot = await loadSnapshot(trx, versionId);
  if (!snapshot || snapshot.programId !== program.id) throw new WorkflowError(404, "review:errors.versionNotFound");
  const target = snapshot.snapshot.elements as ProgramElementRow[];
  const current = new Map((await listElements(trx, program.id)).map((r) => [r.id, r]));
  const keep = new Set(target.map((e) => e.id));
  // Missing elements first without a parent (the parent may be missing too), placement after.
  for (const e of target) {
    if (current.has(e.id)) continue;
    await trx.insertInto("program_element").values({ ...e, program_id: program.id, parent_id: null, version: 1, updated_at: now, updated_by: userId }).execute();
    await insertRevision(trx, { programId: program.id, elementId: e.id, kind: e.kind, change: "create", before: null, after: e.data, userId, now });
  }
  for (const e of target) {
    const old = current.get(e.id);
    if (old && old.data === e.data && old.parent_id === e.parent_id && old.position === e.position) continue;
    await trx
      .updateTable("program_element")
      .set({ data: e.data, parent_id: e.parent_id, position: e.position, kind: e.kind, version: (old?.version ?? 1) + (old ? 1 : 0), updated_at: now, updated_by: userId })
      .where("id", "=", e.id)
      .execute();
    if (old && old.data !== e.data) await insertRevision(trx, { programId: program.id, elementId: e.id, kind: e.kind, change: "update", before: old.data, after: e.data, userId, now });
  }
  const removed = [...current.values()].filter((r) => !keep.has(r.id));
  for (const r of removed) await insertRevision(trx, { programId: program.id, elementId: r.id, kind: r.kind, change: "delete", before: r.data, after: null, userId, now });
  if (removed.length > 0) await trx.deleteFrom("program_element").where("program_id", "=", program.id).where("id", "in", removed.map((r) => r.id)).execute();

  const p = snapshot.snapshot.program;
  const patch = { title: p.title, start_year: p.start_year, end_year: p.end_year, language: p.language as Program["language"] };
  const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => program[k] !== patch[k]);
  if (changed.length > 0) {
    await trx.updateTable("program").set(patch).where("id", "=", program.id).execute();
    const pick = (o: Record<string, unknown>) => JSON.stringify(Object.fromEntries(changed.map((k) => [k, o[k]])));
    await insertRevision(trx, { programId: program.id, elementId: "program", kind: "program", change: "update", before: pick(program), after: pick(patch), userId, now });
  }
}

export async function loadSnapshot(db: Executor, versionId: number): Promise<{ id: number; programId: number; number: number; status: string; createdAt: string; snapshot: Snapshot } | null> {
  const row = await db.selectFrom("program_version").selectAll().where("id", "=", versionId).executeTakeFirst();
  if (!row) return null;
  return { id: row.id, programId: row.program_id, number: row.number, status: row.status, createdAt: row.created_at, snapshot: JSON.parse(row.snapshot) as Snapshot };
}

/** A frozen version as ProgramData, for the read-only pages and the DOCX of any version. */
export async function loadVersionData(db: Executor, versionId: number): Promise<ProgramData> {
  const v = await loadSnapshot(db, versionId);
  if (!v) throw new WorkflowError(404, "review:errors.versionNotFound");
  return snapshotToProgramData(db, v.snapshot, v.status);
}

export async function snapshotToProgramData(db: Executor, snapshot: Snapshot, status: string): Promise<ProgramData> {
  const p = snapshot.program;
  const m = await db.selectFrom("municipality").selectAll().where("id", "=", Number(p.municipality_id)).executeTakeFirstOrThrow();
  return buildProgramData(
    {
      id: p.id,
      title: p.title,
      startYear: p.start_year,
      endYear: p.end_year,
      language: p.language as "ru" | "ky",
      status,
      methodologyVersion: String(p.methodology_version ?? ""),
      municipality: { id: m.id, nameRu: m.name_ru, nameKy: m.name_ky, kind: m.kind, raion: m.raion, oblast: m.oblast },
    },
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

const approvalRecord = (row: { id: number; resolution_number: string; resolution_date: string; chair_name: string; version_id: number; created_at: string }): ApprovalRecord => ({
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
  let q = db.selectFrom("program_approval").selectAll().where("program_id", "=", programId);
  if (versionId === undefined) q = q.where("ended_at", "is", null);
  else
    q = q
      .where("version_id", "<=", versionId)
      .where((eb) => eb.or([eb("end_reason", "is", null), eb.and([eb("end_reason", "=", "reopened"), eb("ended_version_id", ">", versionId)])]));
  const row = await q.orderBy("id", "desc").executeTakeFirst();
  return row ? approvalRecord(row) : null;
}

/** Every approval record of the program, newest first, with who recorded it and why it ended: the status page's history. */
export async function approvalHistory(db: Executor, programId: number) {
  const rows = await db
    .selectFrom("program_approval")
    .leftJoin("user as recorder", "recorder.id", "program_approval.recorded_by")
    .leftJoin("user as ender", "ender.id", "program_approval.ended_by")
    .leftJoin("program_version", "program_version.id", "program_approval.version_id")
    .selectAll("program_approval")
    .select(["recorder.display_name as recordedByName", "ender.display_name as endedByName", "program_version.number as versionNumber"])
    .where("program_approval.program_id", "=", programId)
    .orderBy("program_approval.id", "desc")
    .execute();
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

export function listVersions(db: Executor, programId: number) {
  return db
    .selectFrom("program_version")
    .leftJoin("user", "user.id", "program_version.created_by")
    .select(["program_version.id", "number", "status", "comment", "program_version.created_at", "user.display_name as userName"])
    .where("program_id", "=", programId)
    .orderBy("number", "desc")
    .execute();
}

export function listTransitions(db: Executor, programId: number) {
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
