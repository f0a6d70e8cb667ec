/**
 * What each route module needs, for the authorization matrix (tests/integration/authorization-matrix*.test.ts).
 * One entry per file in app/routes; the matrix fails, naming the file, when a route has a loader or an
 * action that is not listed here. The expected answer of every cell is then derived from this need and
 * the role → permission map (app/auth/permissions.ts), never written per cell.
 *
 * Needs:
 * - public: anyone, signed in or not
 * - user: any signed-in account
 * - admin / ministry: a global permission (admin:manage, program:read-all-submitted); others get 404
 * - create: program:create in the municipality of `?municipality=` (404 if the user cannot see it, 403 if they may only read)
 * - read / edit / comment / justify / finding: about one program (404 if it cannot be read, else 403 if not allowed)
 * - transition:<action>: a workflow action (app/domain/workflow.ts decides who, from which status)
 */
import { WORKFLOW_ACTIONS, type WorkflowAction } from "~/domain/workflow";

export type Need =
  | "public"
  | "user"
  | "admin"
  | "ministry"
  | "create"
  | "read"
  | "edit"
  | "comment"
  | "justify"
  | "finding"
  | `transition:${WorkflowAction}`;

/** One way of calling an action: the need it must meet and the form it posts. */
export interface Variant {
  need: Need;
  /**
   * Chosen so that an allowed caller's request is refused by validation or a stale version (400/409)
   * and the fixtures stay as they are for the next cell.
   */
  body: Record<string, string>;
}

export interface RouteContext {
  programId: number;
  municipalityId: number;
  actionId: string;
  indicatorId: string;
  nodeId: string;
  meetingId: string;
  blockId: string;
  versionIds: number[];
  accountId: string;
}

export interface RouteAccess {
  /** none: called once per account; municipality: once per municipality; program: once per program fixture. */
  scope: "none" | "municipality" | "program";
  loader?: Need;
  action?: Variant[];
  params?: (c: RouteContext) => Record<string, string>;
  search?: (c: RouteContext) => string;
  /**
   * Builds a whole document after the check (DOCX, XLSX, a version diff: 0.2–1.5 s each). Its refusals
   * are checked in every cell; an allowed call runs once in the whole matrix (the first account and
   * program allowed), since what follows the check is the same code for every reader.
   */
  heavy?: boolean;
  /** The call ends the session it carries (logout): it gets a session of its own. */
  ownSession?: boolean;
}

const empty = (need: Need): Variant[] => [{ need, body: {} }];
/** A stale version: an allowed editor gets 409 and nothing is deleted. */
const STALE = "999999";
const editWithDelete: Variant[] = [
  { need: "edit", body: {} },
  { need: "edit", body: { intent: "delete", version: STALE } },
];
/** Over the 5 000-character limit, so even an allowed transition is refused (400) and the status stays. */
const TOO_LONG = "x".repeat(5001);

const stage: RouteAccess = { scope: "program", loader: "read", action: empty("edit") };
const page: RouteAccess = { scope: "program", loader: "read" };
const download: RouteAccess = { ...page, heavy: true };

export const routeAccess: Record<string, RouteAccess> = {
  _index: { scope: "none", loader: "user" },
  "account.password": { scope: "none", loader: "user", action: empty("user") },
  "admin._index": { scope: "none", loader: "admin" },
  "admin.accounts.$id": { scope: "none", loader: "admin", action: empty("admin"), params: (c) => ({ id: c.accountId }) },
  "admin.accounts.new": { scope: "none", loader: "admin", action: empty("admin") },
  "admin.municipalities.$id": { scope: "none", loader: "admin", action: empty("admin"), params: (c) => ({ id: String(c.municipalityId) }) },
  healthz: { scope: "none", loader: "public" },
  inbox: { scope: "none", loader: "user" },
  language: { scope: "none", loader: "public", action: empty("public") },
  "locales.$lng": { scope: "none", loader: "public", params: () => ({ lng: "ru" }) },
  login: { scope: "none", loader: "public", action: empty("public") },
  logout: { scope: "none", loader: "public", action: empty("public"), ownSession: true },
  "ministry._index": { scope: "none", loader: "ministry" },
  "programs._index": { scope: "none", loader: "user" },
  "programs.import": {
    scope: "municipality",
    loader: "create",
    action: empty("create"),
    search: (c) => `?municipality=${c.municipalityId}`,
  },
  "programs.new": { scope: "municipality", loader: "create", action: empty("create"), search: (c) => `?municipality=${c.municipalityId}` },

  "programs.$programId": page,
  "programs.$programId._index": page,
  "programs.$programId.actions._index": page,
  "programs.$programId.actions.$actionId": {
    scope: "program",
    loader: "read",
    action: editWithDelete,
    params: (c) => ({ actionId: c.actionId }),
  },
  "programs.$programId.check": {
    scope: "program",
    loader: "read",
    action: [
      { need: "justify", body: { intent: "justify" } },
      { need: "finding", body: { intent: "finding" } },
    ],
  },
  "programs.$programId.comments": { scope: "program", action: empty("comment") },
  "programs.$programId.comments._index": page,
  "programs.$programId.consultations": stage,
  "programs.$programId.consultations_.$meetingId": { ...stage, params: (c) => ({ meetingId: c.meetingId }) },
  "programs.$programId.export._index": page,
  "programs.$programId.export.action-plan.docx": download,
  "programs.$programId.export.annual-plan.docx": download,
  "programs.$programId.export.compliance.docx": download,
  "programs.$programId.export.docx": download,
  "programs.$programId.export.json": download,
  "programs.$programId.export.xlsx": download,
  "programs.$programId.financing": page,
  "programs.$programId.gender._index": page,
  "programs.$programId.gender.gaps": stage,
  "programs.$programId.gender.harvard": stage,
  "programs.$programId.history": page,
  "programs.$programId.import.xlsx": stage,
  "programs.$programId.indicators._index": page,
  "programs.$programId.indicators.$indicatorId": {
    scope: "program",
    loader: "read",
    action: editWithDelete,
    params: (c) => ({ indicatorId: c.indicatorId }),
  },
  "programs.$programId.indicators.new": stage,
  "programs.$programId.lens._index": page,
  "programs.$programId.lens.$blockId": { ...stage, params: (c) => ({ blockId: c.blockId }) },
  "programs.$programId.passport._index": page,
  "programs.$programId.passport.budget": stage,
  "programs.$programId.passport.economy": stage,
  "programs.$programId.passport.general": stage,
  "programs.$programId.passport.population": stage,
  "programs.$programId.passport.services": stage,
  "programs.$programId.passport.vulnerable": stage,
  "programs.$programId.review": stage,
  // Renaming with an empty title: refused by validation for an editor. Archiving is the same check ("edit-or-archived").
  "programs.$programId.settings": { scope: "program", loader: "read", action: [{ need: "edit", body: { intent: "rename" } }] },
  "programs.$programId.situation._index": page,
  "programs.$programId.situation.forecast": stage,
  "programs.$programId.situation.narrative": stage,
  "programs.$programId.situation.problems": stage,
  "programs.$programId.situation.swot": stage,
  "programs.$programId.startup": stage,
  "programs.$programId.status": {
    scope: "program",
    loader: "read",
    action: WORKFLOW_ACTIONS.filter((a) => a !== "restore").map((a) => ({
      need: `transition:${a}` as const,
      body: { action: a, comment: TOO_LONG },
    })),
  },
  "programs.$programId.strategy._index": {
    scope: "program",
    loader: "read",
    action: [
      { need: "edit", body: {} },
      { need: "edit", body: { intent: "move", id: "", direction: "up" } },
    ],
  },
  "programs.$programId.strategy.$nodeId": {
    scope: "program",
    loader: "read",
    action: editWithDelete,
    params: (c) => ({ nodeId: c.nodeId }),
  },
  "programs.$programId.trace": page,
  "programs.$programId.versions._index": {
    scope: "program",
    loader: "read",
    action: [{ need: "transition:restore", body: { action: "restore", comment: TOO_LONG } }],
  },
  "programs.$programId.versions.$versionId": { ...page, params: (c) => ({ versionId: String(c.versionIds[0]) }) },
  "programs.$programId.versions.compare": {
    ...page,
    heavy: true,
    search: (c) => `?a=${c.versionIds[0]}&b=${c.versionIds[c.versionIds.length - 1]}`,
  },
  "programs.$programId.working-group": stage,
};
