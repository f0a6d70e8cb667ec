/** "Waiting for me": what each role has to act on now, across the user's programs. */
import { sql, type ExpressionBuilder } from "kysely";
import type { DB, Role } from "../../db/schema";
import { db } from "~/db.server";

type Memberships = readonly { municipalityId: number | null; role: Role }[];

/**
 * What waits for whom, in one place for the inbox and the header's count: the deputies review
 * what reaches the council, the ministry what reaches it, and the whole working group (planners
 * too, they do the rework) answers requests for changes, returns and drafts reopened after a
 * return (the ministry's findings still to address).
 */
const WAITING: { roles: readonly Role[]; statuses: readonly string[]; reopened?: boolean; global?: boolean; list: "toReview" | "toRework" | "submitted" }[] = [
  { roles: ["deputy"], statuses: ["council_review"], list: "toReview" },
  { roles: ["planner", "coordinator"], statuses: ["changes_requested", "returned"], reopened: true, list: "toRework" },
  { roles: ["ministry"], statuses: ["submitted"], global: true, list: "submitted" },
];

const latestAction = sql<string>`(select t.action from program_transition t where t.program_id = program.id order by t.id desc limit 1)`;

/** The SQL condition "this program waits for this user" for some of the lists, or null when none applies. */
function waitingCondition(eb: ExpressionBuilder<DB, "program">, memberships: Memberships, lists: readonly string[]) {
  const ors = [];
  for (const w of WAITING) {
    if (!lists.includes(w.list)) continue;
    const held = memberships.filter((m) => w.roles.includes(m.role));
    if (held.length === 0) continue;
    const ids = [...new Set(held.filter((m) => m.municipalityId !== null).map((m) => m.municipalityId!))];
    if (!w.global && ids.length === 0) continue;
    const place = w.global ? [] : [eb("program.municipality_id", "in", ids)];
    const status = eb("program.status", "in", [...w.statuses]);
    const state = w.reopened ? eb.or([status, eb.and([eb("program.status", "=", "draft"), eb(latestAction, "=", "reopen")])]) : status;
    ors.push(eb.and([...place, state]));
  }
  return ors.length === 0 ? null : eb.or(ors);
}

/** How many programs wait for the user (the header's badge): one query, whatever the roles. */
export async function countWaiting(memberships: Memberships): Promise<number> {
  const lists = WAITING.map((w) => w.list);
  const row = await db
    .selectFrom("program")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("program.archived_at", "is", null)
    .where((eb) => waitingCondition(eb, memberships, lists) ?? sql<boolean>`0 = 1`)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface InboxProgram {
  id: number;
  title: string;
  status: string;
  municipalityRu: string;
  municipalityKy: string;
  /** The open request's text and author (the deputy's request, the ministry's findings), if any. */
  requestAction?: string | null;
  requestComment?: string | null;
  requestBy?: string | null;
}
export interface InboxComment {
  id: number;
  programId: number;
  programTitle: string;
  elementId: string;
  body: string;
  authorName: string;
  createdAt: string;
}

export interface Inbox {
  toReview: InboxProgram[];
  toRework: InboxProgram[];
  submitted: InboxProgram[];
  comments: InboxComment[];
}

export async function loadInbox(memberships: Memberships): Promise<Inbox> {
  const where = (roles: Role[]) => [...new Set(memberships.filter((m) => roles.includes(m.role) && m.municipalityId !== null).map((m) => m.municipalityId!))];
  // The latest request's text, by correlated subqueries: the inbox says what was asked, not only that something was.
  const latestRequest = (column: "action" | "comment" | "name") =>
    sql<string | null>`(select ${sql.raw(column === "name" ? "u.display_name" : `t.${column}`)} from program_transition t left join "user" u on u.id = t.user_id
      where t.program_id = program.id and t.action in ('request_changes', 'return') order by t.id desc limit 1)`;
  const programs = (list: "toReview" | "toRework" | "submitted") =>
    db
      .selectFrom("program")
      .innerJoin("municipality", "municipality.id", "program.municipality_id")
      .select(["program.id", "program.title", "program.status", "municipality.name_ru as municipalityRu", "municipality.name_ky as municipalityKy"])
      .$if(list === "toRework", (q) => q.select([latestRequest("action").as("requestAction"), latestRequest("comment").as("requestComment"), latestRequest("name").as("requestBy")]))
      .where("program.archived_at", "is", null)
      .where((eb) => waitingCondition(eb, memberships, [list]) ?? sql<boolean>`0 = 1`)
      .orderBy("program.id")
      .execute() as Promise<InboxProgram[]>;
  const wg = where(["planner", "coordinator"]);
  const [toReview, toRework, submitted, comments] = await Promise.all([
    programs("toReview"),
    programs("toRework"),
    programs("submitted"),
    wg.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom("comment")
          .innerJoin("program", "program.id", "comment.program_id")
          .innerJoin("user", "user.id", "comment.author_id")
          .select(["comment.id", "comment.program_id as programId", "program.title as programTitle", "comment.element_id as elementId", "comment.body", "user.display_name as authorName", "comment.created_at as createdAt"])
          .where("program.municipality_id", "in", wg)
          .where("program.archived_at", "is", null)
          .where("comment.parent_id", "is", null)
          .where("comment.status", "=", "open")
          .orderBy("comment.id")
          .limit(200)
          .execute(),
  ]);
  return { toReview, toRework, submitted, comments };
}
