/**
 * Queries behind comments. Every function takes `db | trx` first, so services compose them
 * inside one transaction.
 */
import { sql, type Insertable, type Updateable } from "kysely";
import type { CommentTable } from "../../db/schema";
import type { Executor } from "./program-element.server";

export function findComment(db: Executor, programId: number, commentId: number) {
  return db
    .selectFrom("comment")
    .select(["id", "element_id", "parent_id"])
    .where("id", "=", commentId)
    .where("program_id", "=", programId)
    .executeTakeFirst();
}

export async function insertComment(db: Executor, values: Insertable<CommentTable>): Promise<number> {
  const row = await db.insertInto("comment").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCommentStatus(db: Executor, id: number, patch: Updateable<CommentTable>): Promise<void> {
  await db.updateTable("comment").set(patch).where("id", "=", id).execute();
}

/** A program's comments (optionally one element's) in order, with the names of author and decider. */
export function commentRows(db: Executor, programId: number, elementId?: string) {
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
  return q.orderBy("comment.id").execute();
}

/** The memberships of these users (their roles decide how their comments are shown). */
export async function membershipsOf(db: Executor, userIds: string[]) {
  if (!userIds.length) return [];
  return db
    .selectFrom("membership")
    .select(["user_id", "municipality_id as municipalityId", "role"])
    .where("user_id", "in", userIds)
    .execute();
}

/** Per element: how many threads, and how many of them are open. */
export function openThreadCounts(db: Executor, programId: number) {
  return db
    .selectFrom("comment")
    .select(["element_id", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.sum<number>(sql<number>`status = 'open'`).as("open")])
    .where("program_id", "=", programId)
    .where("parent_id", "is", null)
    .groupBy("element_id")
    .execute();
}
