/** "Waiting for me": what each role has to act on now, across the user's programs. */
import type { Kysely } from "kysely";
import type { DB, Role } from "../../db/schema";

export interface InboxProgram {
  id: number;
  title: string;
  status: string;
  municipalityRu: string;
  municipalityKy: string;
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

export async function loadInbox(db: Kysely<DB>, memberships: readonly { municipalityId: number | null; role: Role }[]): Promise<Inbox> {
  const where = (roles: Role[]) => [...new Set(memberships.filter((m) => roles.includes(m.role) && m.municipalityId !== null).map((m) => m.municipalityId!))];
  const programs = (municipalityIds: number[] | "all", statuses: string[]) => {
    if (municipalityIds !== "all" && municipalityIds.length === 0) return Promise.resolve([] as InboxProgram[]);
    let q = db
      .selectFrom("program")
      .innerJoin("municipality", "municipality.id", "program.municipality_id")
      .select(["program.id", "program.title", "program.status", "municipality.name_ru as municipalityRu", "municipality.name_ky as municipalityKy"])
      .where("program.status", "in", statuses)
      .where("program.archived_at", "is", null);
    if (municipalityIds !== "all") q = q.where("program.municipality_id", "in", municipalityIds);
    return q.orderBy("program.id").execute();
  };
  const wg = where(["planner", "coordinator"]);
  const [toReview, toRework, submitted, comments] = await Promise.all([
    programs(where(["deputy"]), ["council_review"]),
    programs(where(["coordinator"]), ["changes_requested", "returned"]),
    memberships.some((m) => m.role === "ministry") ? programs("all", ["submitted"]) : Promise.resolve([]),
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
