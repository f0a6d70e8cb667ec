/** "Waiting for me": what each role has to act on now, across the user's programs. */
import type { Role } from "../../db/schema";
import { db } from "~/db.server";
import { countWaitingPrograms, openCommentsIn, waitingPrograms, type WaitingTerm } from "~/models/inbox.server";

type Memberships = readonly { municipalityId: number | null; role: Role }[];

/**
 * What waits for whom, in one place for the inbox and the header's count: the deputies review
 * what reaches the council, the ministry what reaches it, and the whole working group (planners
 * too, they do the rework) answers requests for changes, returns and drafts reopened after a
 * return (the ministry's findings still to address).
 */
const WAITING: {
  roles: readonly Role[];
  statuses: readonly string[];
  reopened?: boolean;
  global?: boolean;
  list: "toReview" | "toRework" | "submitted";
}[] = [
  { roles: ["deputy"], statuses: ["council_review"], list: "toReview" },
  { roles: ["planner", "coordinator"], statuses: ["changes_requested", "returned"], reopened: true, list: "toRework" },
  { roles: ["ministry"], statuses: ["submitted"], global: true, list: "submitted" },
];

/** Which programs wait for the user in some of the lists (a query's terms; none: nothing waits). */
function waitingTerms(memberships: Memberships, lists: readonly string[]): WaitingTerm[] {
  const terms: WaitingTerm[] = [];
  for (const w of WAITING) {
    if (!lists.includes(w.list)) continue;
    const held = memberships.filter((m) => w.roles.includes(m.role));
    if (held.length === 0) continue;
    const ids = [...new Set(held.filter((m) => m.municipalityId !== null).map((m) => m.municipalityId!))];
    if (!w.global && ids.length === 0) continue;
    terms.push({ municipalityIds: w.global ? null : ids, statuses: w.statuses, reopened: !!w.reopened });
  }
  return terms;
}

/** How many programs wait for the user (the header's badge): one query, whatever the roles. */
export async function countWaiting(memberships: Memberships): Promise<number> {
  return countWaitingPrograms(
    db,
    waitingTerms(
      memberships,
      WAITING.map((w) => w.list),
    ),
  );
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
  const where = (roles: Role[]) => [
    ...new Set(memberships.filter((m) => roles.includes(m.role) && m.municipalityId !== null).map((m) => m.municipalityId!)),
  ];
  const programs = (list: "toReview" | "toRework" | "submitted") =>
    waitingPrograms(db, waitingTerms(memberships, [list]), list === "toRework") as Promise<InboxProgram[]>;
  const wg = where(["planner", "coordinator"]);
  const [toReview, toRework, submitted, comments] = await Promise.all([
    programs("toReview"),
    programs("toRework"),
    programs("submitted"),
    wg.length === 0 ? Promise.resolve([]) : openCommentsIn(db, wg, 200),
  ]);
  return { toReview, toRework, submitted, comments };
}
