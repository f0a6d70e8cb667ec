/**
 * Queries on program elements. Every function takes `db | trx` first (Kysely's repository style),
 * so services compose them inside one transaction.
 */
import type { Kysely, Transaction, Updateable } from "kysely";
import type { DB, ProgramElementRow, ProgramElementTable } from "../../db/schema";

export type Executor = Kysely<DB> | Transaction<DB>;

export function listElements(db: Executor, programId: number): Promise<ProgramElementRow[]> {
  return db
    .selectFrom("program_element")
    .selectAll()
    .where("program_id", "=", programId)
    .orderBy("kind")
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export function listElementsOfKind(db: Executor, programId: number, kind: string): Promise<ProgramElementRow[]> {
  return db
    .selectFrom("program_element")
    .selectAll()
    .where("program_id", "=", programId)
    .where("kind", "=", kind)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

/** The elements of many programs at once (the dashboard), in no particular order. */
export function elementsOfPrograms(db: Executor, programIds: number[]) {
  return db
    .selectFrom("program_element")
    .select(["program_id", "id", "kind", "parent_id", "position", "version", "data"])
    .where("program_id", "in", programIds)
    .execute();
}

export function findElement(db: Executor, programId: number, id: string): Promise<ProgramElementRow | undefined> {
  return db.selectFrom("program_element").selectAll().where("program_id", "=", programId).where("id", "=", id).executeTakeFirst();
}

export function findSingleton(db: Executor, programId: number, kind: string): Promise<ProgramElementRow | undefined> {
  return db.selectFrom("program_element").selectAll().where("program_id", "=", programId).where("kind", "=", kind).executeTakeFirst();
}

/** The highest position among the elements of `kind` under `parentId`, or -1 when there are none. */
export async function maxPosition(db: Executor, programId: number, kind: string, parentId: string | null): Promise<number> {
  let q = db
    .selectFrom("program_element")
    .select((eb) => eb.fn.max("position").as("max"))
    .where("program_id", "=", programId)
    .where("kind", "=", kind);
  q = parentId === null ? q.where("parent_id", "is", null) : q.where("parent_id", "=", parentId);
  const row = await q.executeTakeFirst();
  return row?.max === null || row?.max === undefined ? -1 : Number(row.max);
}

/** The element and its siblings (same kind, same parent), in order. */
export function listSiblings(db: Executor, el: Pick<ProgramElementRow, "program_id" | "kind" | "parent_id">): Promise<ProgramElementRow[]> {
  let q = db.selectFrom("program_element").selectAll().where("program_id", "=", el.program_id).where("kind", "=", el.kind);
  q = el.parent_id === null ? q.where("parent_id", "is", null) : q.where("parent_id", "=", el.parent_id);
  return q.orderBy("position").orderBy("id").execute();
}

export async function insertElement(db: Executor, row: ProgramElementRow): Promise<void> {
  await db.insertInto("program_element").values(row).execute();
}

/** Many rows in one statement (the caller keeps batches under SQLite's limit of variables). */
export async function insertElements(db: Executor, rows: ProgramElementRow[]): Promise<void> {
  await db.insertInto("program_element").values(rows).execute();
}

export async function updateElementData(
  db: Executor,
  id: string,
  data: string,
  version: number,
  userId: string,
  now: string,
): Promise<void> {
  await db.updateTable("program_element").set({ data, version, updated_at: now, updated_by: userId }).where("id", "=", id).execute();
}

export async function updateElementPlacement(db: Executor, id: string, parentId: string | null, position: number): Promise<void> {
  await db.updateTable("program_element").set({ parent_id: parentId, position }).where("id", "=", id).execute();
}

export async function updateElementRow(db: Executor, id: string, patch: Updateable<ProgramElementTable>): Promise<void> {
  await db.updateTable("program_element").set(patch).where("id", "=", id).execute();
}

export async function deleteElementRows(db: Executor, programId: number, ids: string[]): Promise<void> {
  await db.deleteFrom("program_element").where("program_id", "=", programId).where("id", "in", ids).execute();
}

export async function deleteElementRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("program_element").where("id", "=", id).execute();
}

export async function insertRevision(
  db: Executor,
  r: {
    programId: number;
    elementId: string;
    kind: string;
    change: "create" | "update" | "delete";
    before: string | null;
    after: string | null;
    userId: string;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto("program_revision")
    .values({
      program_id: r.programId,
      element_id: r.elementId,
      kind: r.kind,
      change: r.change,
      before: r.before,
      after: r.after,
      user_id: r.userId,
      created_at: r.now,
    })
    .execute();
}

export function listRevisions(db: Executor, programId: number, limit = 100, beforeId?: number) {
  let q = db
    .selectFrom("program_revision")
    .leftJoin("user", "user.id", "program_revision.user_id")
    .select([
      "program_revision.id",
      "element_id",
      "kind",
      "change",
      "before",
      "after",
      "program_revision.created_at",
      "user.display_name as userName",
    ])
    .where("program_id", "=", programId);
  if (beforeId) q = q.where("program_revision.id", "<", beforeId);
  return q.orderBy("program_revision.id", "desc").limit(limit).execute();
}
