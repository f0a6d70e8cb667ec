/**
 * Comments on plan elements: anchors, threads and who may change a thread's status. Pure.
 * An anchor is the element's stable id ("<elementId>"), a stage ("stage:<stageId>") or a table
 * row inside an element ("<elementId>#<rowId>") — never a text position, so a comment stays
 * attached while the text around it changes, and across versions.
 */
import type { Role } from "../../db/schema";
import type { ProgramData } from "./program-data";
import { requiredText, optionalText, z } from "./validation";

export const COMMENT_STATUSES = ["open", "accepted", "rejected", "resolved"] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export type Anchor = { type: "stage"; stageId: string } | { type: "element"; elementId: string; rowId?: string };

const ANCHOR_RE = /^(stage:[a-z0-9_]{1,60}|[A-Za-z0-9_-]{1,80}(#[A-Za-z0-9_-]{1,80})?)$/;

export function parseAnchor(anchor: string): Anchor | null {
  if (!ANCHOR_RE.test(anchor)) return null;
  if (anchor.startsWith("stage:")) return { type: "stage", stageId: anchor.slice(6) };
  const [elementId, rowId] = anchor.split("#");
  return rowId ? { type: "element", elementId, rowId } : { type: "element", elementId };
}

function containsRow(value: unknown, rowId: string): boolean {
  if (Array.isArray(value)) return value.some((v) => containsRow(v, rowId));
  if (value && typeof value === "object") {
    if ((value as { id?: unknown }).id === rowId) return true;
    return Object.values(value as Record<string, unknown>).some((v) => containsRow(v, rowId));
  }
  return false;
}

/** Does the anchored thing exist in this program (now, or in a version's data)? */
export function anchorExists(anchor: string, data: ProgramData, stageIds: readonly string[]): boolean {
  const a = parseAnchor(anchor);
  if (!a) return false;
  if (a.type === "stage") return stageIds.includes(a.stageId);
  const el = Object.values(data.byKind)
    .flat()
    .find((e) => e.id === a.elementId);
  if (!el) return false;
  return a.rowId ? containsRow(el.data, a.rowId) : true;
}

export interface CommentRecord {
  id: number;
  elementId: string;
  parentId: number | null;
  authorId: string;
  authorName: string;
  /** The author's roles for this program (working group, deputy, ministry). */
  authorRoles: Role[];
  body: string;
  status: CommentStatus;
  statusReason: string | null;
  statusByName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Thread {
  root: CommentRecord;
  replies: CommentRecord[];
}

/** Root comments with their replies, both oldest first. Orphan replies become their own threads. */
export function buildThreads(comments: readonly CommentRecord[]): Thread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const threads = new Map<number, Thread>();
  const sorted = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  for (const c of sorted) if (c.parentId === null || !byId.has(c.parentId)) threads.set(c.id, { root: c, replies: [] });
  for (const c of sorted) {
    if (c.parentId !== null && byId.has(c.parentId)) {
      // Replies to replies join the root's thread (one level of nesting is enough to follow).
      let rootId = c.parentId;
      while (byId.get(rootId)?.parentId != null && byId.has(byId.get(rootId)!.parentId!)) rootId = byId.get(rootId)!.parentId!;
      threads.get(rootId)?.replies.push(c);
    }
  }
  return [...threads.values()];
}

/**
 * The comments log of one version: threads opened up to the moment the version was frozen (so
 * the approved version's log lists everything the council raised before approving it), with
 * their replies and their handling as it stands now, since "how it was addressed" often comes
 * after the version that prompted the comment.
 */
export function threadsUpTo(threads: readonly Thread[], frozenAt: string): Thread[] {
  return threads.filter((th) => th.root.createdAt <= frozenAt);
}

const WORKING_GROUP: readonly Role[] = ["planner", "coordinator"];
export function isWorkingGroup(roles: readonly Role[]): boolean {
  return roles.some((r) => WORKING_GROUP.includes(r));
}

/**
 * Only the working group decides how a comment was addressed (accepted, rejected, resolved);
 * deputies and ministry staff see the decision. Replies carry no status of their own.
 */
export function canChangeStatus(actorRoles: readonly Role[], comment: Pick<CommentRecord, "parentId">): boolean {
  return comment.parentId === null && isWorkingGroup(actorRoles);
}

export const commentFormSchema = z.object({
  intent: z.literal("create"),
  elementId: z.string().regex(ANCHOR_RE, "errors.invalid"),
  parentId: z.number().int().positive().optional(),
  body: requiredText(5000),
  redirectTo: z.string().max(500).optional(),
});

export const commentStatusSchema = z
  .object({
    intent: z.literal("status"),
    commentId: z.number().int().positive(),
    elementId: z.string().regex(ANCHOR_RE, "errors.invalid"),
    status: z.enum(COMMENT_STATUSES),
    reason: optionalText(2000),
    redirectTo: z.string().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    // A rejection without a reason leaves the deputy guessing.
    if (v.status === "rejected" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "review:comments.reasonRequired" });
  });

/** Only local paths: the redirect comes from a form field. */
export function safeRedirect(to: string | undefined | null, fallback: string): string {
  if (!to || !to.startsWith("/") || to.startsWith("//") || to.includes("\\")) return fallback;
  return to;
}

/** Counts per status for the filter on the comments page. */
export function countByStatus(threads: readonly Thread[]): Record<CommentStatus, number> {
  const out = { open: 0, accepted: 0, rejected: 0, resolved: 0 };
  for (const t of threads) out[t.root.status]++;
  return out;
}

/** A readable name for an element's data (its title, name or text), if it has one. */
export function elementTitle(value: unknown): string | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  for (const k of ["title", "name", "text", "label", "groupId"]) if (typeof v[k] === "string" && v[k]) return v[k] as string;
  return null;
}

function findRow(value: unknown, rowId: string): unknown {
  if (Array.isArray(value)) {
    for (const v of value) {
      const hit = findRow(v, rowId);
      if (hit) return hit;
    }
  } else if (value && typeof value === "object") {
    if ((value as { id?: unknown }).id === rowId) return value;
    for (const v of Object.values(value as Record<string, unknown>)) {
      const hit = findRow(v, rowId);
      if (hit) return hit;
    }
  }
  return null;
}

export interface AnchorInfo {
  /** null when the element (or row) no longer exists: shown as "element removed". */
  kind: string | null;
  stageId: string | null;
  title: string | null;
  number: string | null;
  removed: boolean;
}

/** What a comment is attached to, for lists: kind, number (1.2.3) and title, or "removed". */
export function describeAnchor(
  anchor: string,
  data: ProgramData,
  stageIds: readonly string[],
  numbers: Record<string, string> = {},
): AnchorInfo {
  const a = parseAnchor(anchor);
  if (!a) return { kind: null, stageId: null, title: null, number: null, removed: true };
  if (a.type === "stage") return { kind: "stage", stageId: a.stageId, title: null, number: null, removed: !stageIds.includes(a.stageId) };
  const el = Object.values(data.byKind)
    .flat()
    .find((e) => e.id === a.elementId);
  if (!el) return { kind: null, stageId: null, title: null, number: null, removed: true };
  const row = a.rowId ? findRow(el.data, a.rowId) : null;
  if (a.rowId && !row) return { kind: el.kind, stageId: null, title: elementTitle(el.data), number: numbers[el.id] ?? null, removed: true };
  return { kind: el.kind, stageId: null, title: elementTitle(row ?? el.data), number: numbers[el.id] ?? null, removed: false };
}
