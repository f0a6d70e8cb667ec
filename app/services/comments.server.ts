/**
 * Comments on plan elements: creating, replying, changing a thread's status, and reading
 * threads with the authors' roles (needed to show who wrote what and who may decide).
 */
import { sql, type Kysely } from "kysely";
import type { DB, Role } from "../../db/schema";
import { anchorExists, buildThreads, canChangeStatus, type CommentRecord, type CommentStatus, type Thread } from "~/domain/comments";
import type { CommentCounts } from "~/domain/comment-counts";
import { rolesForProgram } from "~/domain/workflow";
import { methodology } from "~/methodology/templates.server";
import { loadProgramData } from "./program-data.server";
import { WorkflowError } from "./workflow.server";

export { WorkflowError as CommentError };

export async function addComment(
  db: Kysely<DB>,
  input: { programId: number; elementId: string; parentId?: number | null; authorId: string; body: string },
): Promise<number> {
  const body = input.body.trim();
  if (!body) throw new WorkflowError(400, "errors.required", { body: ["errors.required"] });
  return db.transaction().execute(async (trx) => {
    let elementId = input.elementId;
    if (input.parentId) {
      const parent = await trx.selectFrom("comment").select(["id", "element_id"]).where("id", "=", input.parentId).where("program_id", "=", input.programId).executeTakeFirst();
      if (!parent) throw new WorkflowError(404, "errors.notFound");
      elementId = parent.element_id; // a reply belongs to its thread's element, whatever the form said
    } else {
      const data = await loadProgramData(trx as unknown as Kysely<DB>, input.programId);
      if (!anchorExists(elementId, data, methodology.stages.map((s) => s.id))) throw new WorkflowError(404, "review:comments.noElement");
    }
    const now = new Date().toISOString();
    const row = await trx
      .insertInto("comment")
      .values({ program_id: input.programId, element_id: elementId, parent_id: input.parentId ?? null, author_id: input.authorId, body, status: "open", status_reason: null, status_by: null, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

export async function setCommentStatus(
  db: Kysely<DB>,
  input: { programId: number; commentId: number; status: CommentStatus; reason?: string | null; userId: string; roles: readonly Role[] },
): Promise<void> {
  const c = await db.selectFrom("comment").select(["id", "parent_id"]).where("id", "=", input.commentId).where("program_id", "=", input.programId).executeTakeFirst();
  if (!c) throw new WorkflowError(404, "errors.notFound");
  if (!canChangeStatus(input.roles, { parentId: c.parent_id })) throw new WorkflowError(403, "review:comments.statusForbidden");
  const reason = input.reason?.trim() || null;
  if (input.status === "rejected" && !reason) throw new WorkflowError(400, "review:comments.reasonRequired", { reason: ["review:comments.reasonRequired"] });
  await db
    .updateTable("comment")
    .set({ status: input.status, status_reason: reason, status_by: input.status === "open" ? null : input.userId, updated_at: new Date().toISOString() })
    .where("id", "=", c.id)
    .execute();
}

/** All comments of a program (optionally one element's), with names and roles of their authors. */
export async function listComments(db: Kysely<DB>, programId: number, elementId?: string): Promise<CommentRecord[]> {
  const program = await db.selectFrom("program").select("municipality_id").where("id", "=", programId).executeTakeFirstOrThrow();
  let q = db
    .selectFrom("comment")
    .innerJoin("user as author", "author.id", "comment.author_id")
    .leftJoin("user as decider", "decider.id", "comment.status_by")
    .select([
      "comment.id",
      "comment.element_id",
      "comment.parent_id",
      "comment.author_id",
      "author.display_name as authorName",
      "comment.body",
      "comment.status",
      "comment.status_reason",
      "decider.display_name as deciderName",
      "comment.created_at",
      "comment.updated_at",
    ])
    .where("comment.program_id", "=", programId);
  if (elementId) q = q.where("comment.element_id", "=", elementId);
  const rows = await q.orderBy("comment.id").execute();
  const authorIds = [...new Set(rows.map((r) => r.author_id))];
  const memberships = authorIds.length
    ? await db.selectFrom("membership").select(["user_id", "municipality_id as municipalityId", "role"]).where("user_id", "in", authorIds).execute()
    : [];
  const rolesOf = (userId: string) => rolesForProgram(memberships.filter((m) => m.user_id === userId), program.municipality_id);
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

/**
 * Threads per anchor (all, and still open), for the "Comments (n)" links and the row markers of
 * every program page: the program layout loads them once (routes/programs.$programId.tsx), so a
 * count is right on every page and after every post (the layout revalidates).
 */
export async function commentCounts(db: Kysely<DB>, programId: number): Promise<CommentCounts> {
  const rows = await db
    .selectFrom("comment")
    .select(["element_id", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.sum<number>(sql<number>`status = 'open'`).as("open")])
    .where("program_id", "=", programId)
    .where("parent_id", "is", null)
    .groupBy("element_id")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.element_id, { n: Number(r.n), open: Number(r.open) }]));
}
