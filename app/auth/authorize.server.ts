/**
 * Authorization in one place. Every loader and action calls one of these before touching data.
 * - A user who may not see a thing gets 404 (never a hint that it exists).
 * - A user who may see it but not do the action gets 403.
 */
import { redirect } from "@remix-run/node";
import type { Program, Role } from "../../db/schema";
import { rolesForProgram } from "~/domain/workflow";
import { isMunicipalRole, roleHas, type Permission } from "./permissions";
import { readSession, type CurrentUser } from "./session.server";
import { ExpectedFailure, notFound } from "~/http/expected-failure";

/** Statuses in which ministry staff see a program (it has been submitted to them). */
export const MINISTRY_VISIBLE_STATUSES = ["submitted", "returned", "accepted", "published"] as const;

export async function getOptionalUser(request: Request): Promise<CurrentUser | null> {
  return (await readSession(request)).user;
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (user.mustChangePassword && new URL(request.url).pathname !== "/account/password") {
    throw redirect("/account/password");
  }
  return user;
}

/**
 * Does the user hold `permission` everywhere? Only the roles that act across municipalities
 * (ministry, admin) grant that: a planner's `program:create` in one municipality is no
 * permission in another (issue #16, defect 11).
 */
export function hasGlobalPermission(user: CurrentUser, permission: Permission): boolean {
  return user.memberships.some((m) => !isMunicipalRole(m.role) && roleHas(m.role, permission));
}

/** Does the user hold `permission` for this municipality (through a membership there)? */
export function hasMunicipalPermission(user: CurrentUser, municipalityId: number, permission: Permission): boolean {
  return user.memberships.some((m) => m.municipalityId === municipalityId && roleHas(m.role, permission));
}

/**
 * Has the program reached the ministry? From its first submission on the ministry keeps read access
 * to it, its versions and its own findings, also after a return and reopening (issue #17, item 6):
 * a reviewer must be able to see what they returned and what the municipality makes of it.
 */
export function sentToMinistry(program: Pick<Program, "status" | "sent_to_ministry_at">): boolean {
  return program.sent_to_ministry_at !== null || (MINISTRY_VISIBLE_STATUSES as readonly string[]).includes(program.status);
}

export function canReadProgram(user: CurrentUser, program: Pick<Program, "municipality_id" | "status" | "sent_to_ministry_at">): boolean {
  if (hasMunicipalPermission(user, program.municipality_id, "program:read")) return true;
  return hasGlobalPermission(user, "program:read-all-submitted") && sentToMinistry(program);
}

/** Statuses in which the working group may edit (the review workflow freezes the others). */
export const EDITABLE_STATUSES = ["draft", "changes_requested"] as const;

export function canEditProgram(user: CurrentUser, program: Pick<Program, "municipality_id" | "status" | "archived_at">): boolean {
  return (
    hasMunicipalPermission(user, program.municipality_id, "program:edit") &&
    (EDITABLE_STATUSES as readonly string[]).includes(program.status) &&
    !program.archived_at
  );
}

/** A thing this user may see but not do. */
export function forbidden(messageKey = "errors.forbidden"): ExpectedFailure {
  return new ExpectedFailure("forbidden", messageKey);
}

/** What a user who may see a program may do with it (the rest of what a page needs comes from services/program-access). */
export interface ProgramRights {
  canEdit: boolean;
  canComment: boolean;
}

/**
 * The access decision for one program, given the row (undefined when there is none): 404 for a
 * user who may not read it, 403 when `need` asks for more than they may do. Pure: the program is
 * loaded and the reader composed by `requireProgram` in app/services/program-access.server.ts.
 */
export function authorizeProgram(
  user: CurrentUser,
  program: Program | undefined,
  need: "read" | "edit" | "edit-or-archived",
): ProgramRights & { program: Program } {
  if (!program || !canReadProgram(user, program)) throw notFound();
  const canEdit = canEditProgram(user, program);
  if (need === "edit" && !canEdit) throw forbidden();
  // Archiving and un-archiving is the one edit allowed on an archived program.
  if (need === "edit-or-archived" && !canEditProgram(user, { ...program, archived_at: null })) throw forbidden();
  const canComment =
    hasMunicipalPermission(user, program.municipality_id, "program:comment") || hasGlobalPermission(user, "program:read-all-submitted");
  return { program, canEdit, canComment };
}

/** Statuses in which the working group may justify compliance verdicts: while it edits, and after the council's approval (before submission). */
const JUSTIFY_STATUSES = ["draft", "changes_requested", "approved"];

export function canJustifyCompliance(user: CurrentUser, program: Pick<Program, "municipality_id" | "status" | "archived_at">): boolean {
  return (
    hasMunicipalPermission(user, program.municipality_id, "program:edit") &&
    JUSTIFY_STATUSES.includes(program.status) &&
    !program.archived_at
  );
}

/** The ministry records its compliance findings on a submitted program. */
export function canRecordFinding(user: CurrentUser, program: Pick<Program, "status">): boolean {
  return hasGlobalPermission(user, "compliance:record") && program.status === "submitted";
}

/**
 * May the user do `permission` in this municipality? "not-found" when they may not even see it
 * (no hint that it exists), "forbidden" when they see it but may not do this.
 */
export function municipalAccess(user: CurrentUser, municipalityId: number, permission: Permission): "ok" | "not-found" | "forbidden" {
  const readable =
    hasMunicipalPermission(user, municipalityId, "program:read") ||
    hasGlobalPermission(user, "program:read-all-submitted") ||
    hasGlobalPermission(user, "admin:manage");
  if (!readable) return "not-found";
  return hasMunicipalPermission(user, municipalityId, permission) || hasGlobalPermission(user, permission) ? "ok" : "forbidden";
}

export async function requireMunicipalPermission(request: Request, municipalityIdParam: string | undefined, permission: Permission) {
  const user = await requireUser(request);
  const municipalityId = Number(municipalityIdParam);
  if (!Number.isInteger(municipalityId)) throw notFound();
  const access = municipalAccess(user, municipalityId, permission);
  if (access === "not-found") throw notFound();
  if (access === "forbidden") throw forbidden();
  return { user, municipalityId };
}

export async function requireGlobalPermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!hasGlobalPermission(user, permission)) throw notFound();
  return user;
}

/**
 * The roles a user holds for one program: their municipal roles there, plus the ministry role
 * (global). The review workflow (app/domain/workflow.ts) decides by these.
 */
export function programRoles(user: CurrentUser, program: Pick<Program, "municipality_id">): Role[] {
  return rolesForProgram(user.memberships, program.municipality_id);
}
