/**
 * Queries behind "waiting for me": programs in given states and places, and open comments.
 * Which states wait for whom is decided in services/inbox.server.ts; these only ask.
 */
import { sql, type ExpressionBuilder } from "kysely";
import type { DB } from "../../db/schema";
import type { Executor } from "./program-element.server";

/** Programs in `statuses` (or, when `reopened`, drafts reopened after a return) of these municipalities (null: all). */
export interface WaitingTerm {
  municipalityIds: number[] | null;
  statuses: readonly string[];
  reopened: boolean;
}

const latestAction = sql<string>`(select t.action from program_transition t where t.program_id = program.id order by t.id desc limit 1)`;

/** The SQL condition "matches one of the terms"; never true without terms. */
function waitingCondition(eb: ExpressionBuilder<DB, "program">, terms: WaitingTerm[]) {
  if (terms.length === 0) return sql<boolean>`0 = 1`;
  return eb.or(
    terms.map((w) => {
      const place = w.municipalityIds === null ? [] : [eb("program.municipality_id", "in", w.municipalityIds)];
      const status = eb("program.status", "in", [...w.statuses]);
      const state = w.reopened ? eb.or([status, eb.and([eb("program.status", "=", "draft"), eb(latestAction, "=", "reopen")])]) : status;
      return eb.and([...place, state]);
    }),
  );
}

export async function countWaitingPrograms(db: Executor, terms: WaitingTerm[]): Promise<number> {
  const row = await db
    .selectFrom("program")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("program.archived_at", "is", null)
    .where((eb) => waitingCondition(eb, terms))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The latest request's text, by correlated subqueries: the inbox says what was asked, not only that something was. */
const latestRequest = (column: "action" | "comment" | "name") =>
  sql<
    string | null
  >`(select ${sql.raw(column === "name" ? "u.display_name" : `t.${column}`)} from program_transition t left join "user" u on u.id = t.user_id
      where t.program_id = program.id and t.action in ('request_changes', 'return') order by t.id desc limit 1)`;

/** The programs matching the terms, not archived, with their municipality (and, `withRequest`, the latest request for changes). */
export function waitingPrograms(db: Executor, terms: WaitingTerm[], withRequest: boolean) {
  return db
    .selectFrom("program")
    .innerJoin("municipality", "municipality.id", "program.municipality_id")
    .select([
      "program.id",
      "program.title",
      "program.status",
      "municipality.name_ru as municipalityRu",
      "municipality.name_ky as municipalityKy",
    ])
    .$if(withRequest, (q) =>
      q.select([
        latestRequest("action").as("requestAction"),
        latestRequest("comment").as("requestComment"),
        latestRequest("name").as("requestBy"),
      ]),
    )
    .where("program.archived_at", "is", null)
    .where((eb) => waitingCondition(eb, terms))
    .orderBy("program.id")
    .execute();
}

/** Open comment threads on the not archived programs of these municipalities, oldest first. */
export function openCommentsIn(db: Executor, municipalityIds: number[], limit: number) {
  return db
    .selectFrom("comment")
    .innerJoin("program", "program.id", "comment.program_id")
    .innerJoin("user", "user.id", "comment.author_id")
    .select([
      "comment.id",
      "comment.program_id as programId",
      "program.title as programTitle",
      "comment.element_id as elementId",
      "comment.body",
      "user.display_name as authorName",
      "comment.created_at as createdAt",
    ])
    .where("program.municipality_id", "in", municipalityIds)
    .where("program.archived_at", "is", null)
    .where("comment.parent_id", "is", null)
    .where("comment.status", "=", "open")
    .orderBy("comment.id")
    .limit(limit)
    .execute();
}
