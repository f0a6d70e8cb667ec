/**
 * The answer a route should give, derived from the role → permission map (app/auth/permissions.ts),
 * the workflow table (app/domain/workflow.ts) and what the route needs (route-access.ts). Written from
 * the rules as the README states them, not by calling authorize.server.ts, so a change there that
 * loosens access makes the matrix fail.
 */
import { isMunicipalRole, roleHas, type Permission } from "~/auth/permissions";
import { PROGRAM_STATUSES, ruleFor, type WorkflowAction } from "~/domain/workflow";
import type { Role } from "../../db/schema";
import type { Place } from "./program-fixtures";
import type { Need } from "./route-access";

export interface Account {
  email: string;
  role: Role;
  /** The municipality of a municipal role; null for ministry and admin. */
  place: Place | null;
}

/** allowed: anything but 401/403/404, a sign-in redirect or a 5xx. */
export type Expected = "allowed" | "login" | 403 | 404;

/**
 * Ministry staff see a program from its submission on (the statuses after "approved" in the workflow),
 * and keep seeing it once it has been sent to them, even after the municipality reopens it (issue #17, item 6).
 */
const MINISTRY_VISIBLE = PROGRAM_STATUSES.slice(PROGRAM_STATUSES.indexOf("submitted"));
/** The working group edits while the council has not taken it (README: the review workflow freezes the others). */
const EDITABLE = ["draft", "changes_requested"];
/** Justifications of failing compliance rules: while editing and after the council's approval, before submission. */
const JUSTIFIABLE = [...EDITABLE, "approved"];

/** A permission held through a membership of `place`. */
function municipal(a: Account, permission: Permission, place: Place): boolean {
  return isMunicipalRole(a.role) && a.place === place && roleHas(a.role, permission);
}
/** A permission held across municipalities (ministry, admin). */
function global(a: Account, permission: Permission): boolean {
  return !isMunicipalRole(a.role) && roleHas(a.role, permission);
}

export function canRead(a: Account, place: Place, status: string, sent = false): boolean {
  return (
    municipal(a, "program:read", place) ||
    (global(a, "program:read-all-submitted") && (sent || (MINISTRY_VISIBLE as readonly string[]).includes(status)))
  );
}

function programDecision(a: Account, need: Need, place: Place, status: string, sent: boolean): Expected {
  if (!canRead(a, place, status, sent)) return 404;
  const yes = (ok: boolean): Expected => (ok ? "allowed" : 403);
  if (need === "read") return "allowed";
  if (need === "edit") return yes(municipal(a, "program:edit", place) && EDITABLE.includes(status));
  if (need === "comment") return yes(municipal(a, "program:comment", place) || global(a, "program:comment"));
  if (need === "justify") return yes(municipal(a, "program:edit", place) && JUSTIFIABLE.includes(status));
  if (need === "finding") return yes(global(a, "compliance:record") && status === "submitted");
  if (need.startsWith("transition:")) {
    const rule = ruleFor(need.slice("transition:".length) as WorkflowAction);
    const holds = rule.roles.includes(a.role) && (isMunicipalRole(a.role) ? a.place === place : true);
    return yes(holds && (rule.from as readonly string[]).includes(status));
  }
  throw new Error(`need ${need} is not about a program`);
}

/**
 * The expected answer for an account (null: anonymous). `place`/`status` describe the program
 * (program routes) or `place` the municipality asked for (create).
 */
export function expectedAnswer(a: Account | null, need: Need, target?: { place: Place; status?: string; sent?: boolean }): Expected {
  if (need === "public") return "allowed";
  if (!a) return "login";
  if (need === "user") return "allowed";
  if (need === "admin") return global(a, "admin:manage") ? "allowed" : 404;
  if (need === "ministry") return global(a, "program:read-all-submitted") ? "allowed" : 404;
  if (!target) throw new Error(`need ${need} needs a program or municipality`);
  if (need === "create") {
    const sees = municipal(a, "program:read", target.place) || global(a, "program:read-all-submitted") || global(a, "admin:manage");
    if (!sees) return 404;
    return municipal(a, "program:create", target.place) || global(a, "program:create") ? "allowed" : 403;
  }
  return programDecision(a, need, target.place, target.status!, target.sent ?? false);
}
