/**
 * The review workflow in one place: every allowed status change, who may make it and what it
 * must carry. The server (services/workflow.server.ts) enforces this table; pages only read it
 * to show the buttons a user may press. Pure: no database, no request.
 */
import type { Role } from "../../db/schema";
import { isoDate, optionalText, requiredText, z } from "./validation";

export const PROGRAM_STATUSES = [
  "draft",
  "council_review",
  "changes_requested",
  "approved",
  "submitted",
  "returned",
  "accepted",
  "published",
] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
/** The statuses in which the working group edits; entering one ends the council's approval. */
export const EDITABLE_WORKFLOW_STATUSES = ["draft", "changes_requested"] as const satisfies readonly ProgramStatus[];

export const WORKFLOW_ACTIONS = [
  "submit_to_council",
  "request_changes",
  "approve",
  "resubmit",
  "submit_to_ministry",
  "return",
  "accept",
  "reopen",
  "publish",
  "restore",
  "correct_approval",
  "withdraw_approval",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** What the user must enter for the action to go through. */
export type Requirement = "none" | "comment" | "approval" | "correction" | "publication" | "version";

export interface TransitionRule {
  action: WorkflowAction;
  from: readonly ProgramStatus[];
  to: ProgramStatus;
  /** Roles that may act. Municipal roles count only for their own municipality (the service checks). */
  roles: readonly Role[];
  requires: Requirement;
}

export const TRANSITIONS: readonly TransitionRule[] = [
  { action: "submit_to_council", from: ["draft"], to: "council_review", roles: ["coordinator"], requires: "none" },
  { action: "request_changes", from: ["council_review"], to: "changes_requested", roles: ["deputy"], requires: "comment" },
  { action: "approve", from: ["council_review"], to: "approved", roles: ["deputy"], requires: "approval" },
  { action: "resubmit", from: ["changes_requested"], to: "council_review", roles: ["coordinator"], requires: "none" },
  { action: "submit_to_ministry", from: ["approved"], to: "submitted", roles: ["coordinator"], requires: "none" },
  { action: "return", from: ["submitted"], to: "returned", roles: ["ministry"], requires: "comment" },
  { action: "accept", from: ["submitted"], to: "accepted", roles: ["ministry"], requires: "none" },
  // Editing stays limited to draft/changes_requested: after the ministry's findings the coordinator reopens a draft.
  { action: "reopen", from: ["returned"], to: "draft", roles: ["coordinator"], requires: "none" },
  { action: "publish", from: ["accepted"], to: "published", roles: ["coordinator"], requires: "publication" },
  // A new draft from an older version; only while nobody outside the working group is reviewing.
  { action: "restore", from: ["draft", "changes_requested", "returned"], to: "draft", roles: ["coordinator"], requires: "version" },
  // A record entered wrongly (a typo in the number, the wrong date) is corrected or withdrawn with a
  // reason, never edited in place: the old record stays in the history. Only before the program
  // leaves for the ministry, so the ministry never receives a record that changes under it.
  { action: "correct_approval", from: ["approved"], to: "approved", roles: ["coordinator"], requires: "correction" },
  { action: "withdraw_approval", from: ["approved"], to: "council_review", roles: ["coordinator"], requires: "comment" },
];

export function isProgramStatus(s: string): s is ProgramStatus {
  return (PROGRAM_STATUSES as readonly string[]).includes(s);
}
export function isWorkflowAction(s: string): s is WorkflowAction {
  return (WORKFLOW_ACTIONS as readonly string[]).includes(s);
}

export function ruleFor(action: WorkflowAction): TransitionRule {
  return TRANSITIONS.find((r) => r.action === action)!;
}

export type TransitionCheck = { ok: true; rule: TransitionRule } | { ok: false; reason: "unknownAction" | "wrongStatus" | "wrongRole" };

/**
 * May someone holding `roles` (for this program) do `action` while the program is in `status`?
 * The reason tells the user why not (both are answered with 403).
 */
export function checkTransition(status: string, action: string, roles: readonly Role[]): TransitionCheck {
  if (!isWorkflowAction(action)) return { ok: false, reason: "unknownAction" };
  const rule = ruleFor(action);
  if (!(rule.from as readonly string[]).includes(status)) return { ok: false, reason: "wrongStatus" };
  if (!rule.roles.some((r) => roles.includes(r))) return { ok: false, reason: "wrongRole" };
  return { ok: true, rule };
}

/** The actions this user may take now, in table order (restore is offered on the versions page). */
export function allowedActions(status: string, roles: readonly Role[]): TransitionRule[] {
  return TRANSITIONS.filter((r) => checkTransition(status, r.action, roles).ok);
}

/** Roles a user holds for one program: municipal roles of its municipality plus the ministry role. */
export function rolesForProgram(memberships: readonly { municipalityId: number | null; role: Role }[], municipalityId: number): Role[] {
  const out = memberships
    .filter((m) => (m.role === "ministry" ? true : m.municipalityId === municipalityId && m.role !== "admin"))
    .map((m) => m.role);
  return [...new Set(out)];
}

/** Does the action write an approval record (the council's decision, or a correction of it)? */
export function recordsApproval(requires: Requirement): boolean {
  return requires === "approval" || requires === "correction";
}

/**
 * A council resolution date must be a real past day: not after today (in Bishkek, where the
 * council sits) and not before the program was created. Returns an i18n key, or null when fine.
 */
export function resolutionDateProblem(date: string, programCreatedAt: string, now = new Date()): string | null {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bishkek", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    now,
  );
  if (date > today) return "review:errors.dateFuture";
  if (date < programCreatedAt.slice(0, 10)) return "review:errors.dateBeforeProgram";
  return null;
}

/** The fields an action's form carries; which ones are required depends on the rule. */
export function transitionFormSchema(requires: Requirement) {
  return z.object({
    action: z.enum(WORKFLOW_ACTIONS),
    comment: requires === "comment" || requires === "correction" ? requiredText(5000) : optionalText(5000),
    resolutionNumber: recordsApproval(requires) ? requiredText(50) : optionalText(50),
    resolutionDate: recordsApproval(requires) ? isoDate() : isoDate().optional(),
    chairName: recordsApproval(requires) ? requiredText(200) : optionalText(200),
    publicationUrl: requires === "publication" ? z.string().trim().url().max(500) : z.string().trim().url().max(500).optional(),
    versionId: requires === "version" ? z.number().int().positive() : z.number().int().positive().optional(),
  });
}
export type TransitionForm = z.output<ReturnType<typeof transitionFormSchema>>;

/** Bookkeeping actions that never count as "the next step" (offered on the versions and status pages). */
const SIDE_ACTIONS: readonly WorkflowAction[] = ["restore", "correct_approval", "withdraw_approval"];

/**
 * The next step of the workflow as seen by this user, read from the table: the actions they may
 * take now, or else the roles whose turn it is (so a waiting working group knows who it waits for).
 */
export function nextSteps(
  status: string,
  roles: readonly Role[],
): { mine: WorkflowAction[]; waitingFor: Role[]; theirs: WorkflowAction[] } {
  const ahead = TRANSITIONS.filter((r) => !SIDE_ACTIONS.includes(r.action) && (r.from as readonly string[]).includes(status));
  const isMine = (r: TransitionRule) => r.roles.some((role) => roles.includes(role));
  const mine = ahead.filter(isMine).map((r) => r.action);
  const theirs = mine.length > 0 ? [] : ahead;
  return { mine, waitingFor: [...new Set(theirs.flatMap((r) => r.roles))], theirs: theirs.map((r) => r.action) };
}

/** Actions that ask the working group for something (their comment is the request). */
export const REQUEST_ACTIONS: readonly WorkflowAction[] = ["request_changes", "return"];
/** Actions that answer a request by sending the program on again. */
const ANSWER_ACTIONS: readonly WorkflowAction[] = ["submit_to_council", "resubmit", "submit_to_ministry"];

/**
 * The request still open, from a log newest first: the deputy's request for changes or the
 * ministry's return, unless the program has been sent on since. A reopen after a return keeps
 * the ministry's findings open: they are what the new draft must address.
 */
export function openRequest<T extends { action: string }>(logNewestFirst: readonly T[]): T | null {
  for (const entry of logNewestFirst) {
    if ((REQUEST_ACTIONS as readonly string[]).includes(entry.action)) return entry;
    if ((ANSWER_ACTIONS as readonly string[]).includes(entry.action)) return null;
  }
  return null;
}
