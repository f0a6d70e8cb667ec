/**
 * Comments on plan elements: creating, replying, changing a thread's status, and reading
 * threads with the authors' roles (needed to show who wrote what and who may decide).
 */
import type { Kysely } from "kysely";
import type { DB, Role } from "../../db/schema";
import { db } from "~/db.server";
import { anchorExists, buildThreads, canChangeStatus, type CommentRecord, type CommentStatus, type Thread } from "~/domain/comments";
import type { CommentCounts } from "~/domain/comment-counts";
import { rolesForProgram } from "~/domain/workflow";
import { methodology } from "~/methodology/templates.server";
import { commentRows, findComment, insertComment, membershipsOf, openThreadCounts, updateCommentStatus } from "~/models/comment.server";
import { findProgram } from "~/models/program.server";
import { loadProgramData } from "./program-data.server";
import { ExpectedFailure } from "~/http/expected-failure";

export async function addComment(input: {
  programId: number;
  elementId: string;
  parentId?: number | null;
  authorId: string;
  body: string;
}): Promise<number> {
  const body = input.body.trim();
  if (!body) throw new ExpectedFailure("invalid", "errors.required", { body: ["errors.required"] });
  return db.transaction().execute(async (trx) => {
    let elementId = input.elementId;
    if (input.parentId) {
      const parent = await findComment(trx, input.programId, input.parentId);
      if (!parent) throw new ExpectedFailure("notFound", "errors.notFound");
      elementId = parent.element_id; // a reply belongs to its thread's element, whatever the form said
    } else {
      const data = await loadProgramData(trx as unknown as Kysely<DB>, input.programId);
      if (
        !anchorExists(
          elementId,
          data,
          methodology.stages.map((s) => s.id),
        )
      )
        throw new ExpectedFailure("notFound", "review:comments.noElement");
    }
    const now = new Date().toISOString();
    return insertComment(trx, {
      program_id: input.programId,
      element_id: elementId,
      parent_id: input.parentId ?? null,
      author_id: input.authorId,
      body,
      status: "open",
      status_reason: null,
      status_by: null,
      created_at: now,
      updated_at: now,
    });
  });
}

export async function setCommentStatus(input: {
  programId: number;
  commentId: number;
  status: CommentStatus;
  reason?: string | null;
  userId: string;
  roles: readonly Role[];
}): Promise<void> {
  const c = await findComment(db, input.programId, input.commentId);
  if (!c) throw new ExpectedFailure("notFound", "errors.notFound");
  if (!canChangeStatus(input.roles, { parentId: c.parent_id })) throw new ExpectedFailure("forbidden", "review:comments.statusForbidden");
  const reason = input.reason?.trim() || null;
  if (input.status === "rejected" && !reason)
    throw new ExpectedFailure("invalid", "review:comments.reasonRequired", { reason: ["review:comments.reasonRequired"] });
  await updateCommentStatus(db, c.id, {
    status: input.status,
    status_reason: reason,
    status_by: input.status === "open" ? null : input.userId,
    updated_at: new Date().toISOString(),
  });
}

/** All comments of a program (optionally one element's), with names and roles of their authors. */
export async function listComments(db: Kysely<DB>, programId: number, elementId?: string): Promise<CommentRecord[]> {
  const program = await findProgram(db, programId);
  if (!program) throw new Error(`no program ${programId}`);
  const rows = await commentRows(db, programId, elementId);
  const memberships = await membershipsOf(db, [...new Set(rows.map((r) => r.author_id))]);
  const rolesOf = (userId: string) =>
    rolesForProgram(
      memberships.filter((m) => m.user_id === userId),
      program.municipality_id,
    );
  return rows.map((r) => ({
    id: r.id,
    elementId: r.element_id,
    parentId: r.parent_id,
    authorId: r.author_id,
    authorName: r.authorName,
    authorRoles: rolesOf(r.author_id),
    body: r.body,
    status: r.status,
    statusReason: r.status_reason,
    statusByName: r.deciderName ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function listThreads(db: Kysely<DB>, programId: number, elementId?: string): Promise<Thread[]> {
  return buildThreads(await listComments(db, programId, elementId));
}

/** A program's comment threads (optionally one element's), for the comments pages. */
export const programThreads = (programId: number, elementId?: string) => listThreads(db, programId, elementId);

/**
 * Threads per anchor (all, and still open), for the "Comments (n)" links and the row markers of
 * every program page: the program layout loads them once (routes/programs.$programId.tsx), so a
 * count is right on every page and after every post (the layout revalidates).
 */
export async function commentCounts(programId: number): Promise<CommentCounts> {
  const rows = await openThreadCounts(db, programId);
  return Object.fromEntries(rows.map((r) => [r.element_id, { n: Number(r.n), open: Number(r.open) }]));
}
