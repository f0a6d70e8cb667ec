/**
 * Programs in the workflow states that matter for access, made the way users make them: the demo
 * program's file imported into a municipality, then taken through the review workflow by the
 * services (as db/demo/submitted.ts does). Every program has at least one frozen version, so
 * version pages have something to show.
 */
import type { Kysely } from "kysely";
import type { DB, Role } from "../../db/schema";
import { saveJustification, unjustifiedBlockersFor } from "~/services/compliance.server";
import { exportProgramFile, importProgramFile } from "~/services/program-file.server";
import { transition } from "~/services/workflow.server";
import type { WorkflowAction } from "~/domain/workflow";

export type Place = "kok" | "other";
export interface ProgramFixture {
  name: string;
  place: Place;
  municipalityId: number;
  programId: number;
  status: string;
  /** Has it ever been sent to the ministry? The ministry reads it from then on. */
  sent: boolean;
}

/**
 * The steps from a fresh import to each state. "draft" goes round once (to the ministry and back),
 * so it has versions and the ministry still reads it; "changes_requested" was never sent to the ministry.
 */
const PATHS: Record<string, WorkflowAction[]> = {
  changes_requested: ["submit_to_council", "request_changes"],
  draft: ["submit_to_council", "approve", "submit_to_ministry", "return", "reopen"],
  council_review: ["submit_to_council"],
  approved: ["submit_to_council", "approve"],
  submitted: ["submit_to_council", "approve", "submit_to_ministry"],
  published: ["submit_to_council", "approve", "submit_to_ministry", "accept", "publish"],
};

const ACTOR: Record<WorkflowAction, Role> = {
  submit_to_council: "coordinator",
  resubmit: "coordinator",
  submit_to_ministry: "coordinator",
  reopen: "coordinator",
  publish: "coordinator",
  restore: "coordinator",
  correct_approval: "coordinator",
  withdraw_approval: "coordinator",
  request_changes: "deputy",
  approve: "deputy",
  return: "ministry",
  accept: "ministry",
};

export async function municipalityIds(db: Kysely<DB>): Promise<Record<Place, number>> {
  const rows = await db.selectFrom("municipality").select(["id", "name_ru"]).orderBy("id").execute();
  const kok = rows.find((r) => r.name_ru.startsWith("Кок-Жайык"))!.id;
  const other = rows.find((r) => r.name_ru.startsWith("Сары-Булак"))!.id;
  return { kok, other };
}

/** A new program of the demo's content in `place`, taken to `status`. */
export async function programInState(db: Kysely<DB>, place: Place, status: keyof typeof PATHS): Promise<ProgramFixture> {
  const ids = await municipalityIds(db);
  const demo = await db.selectFrom("program").select("id").where("municipality_id", "=", ids.kok).orderBy("id").executeTakeFirstOrThrow();
  const user = await db
    .selectFrom("user")
    .select("id")
    .where("email", "=", place === "kok" ? "coordinator@kok-jaiyk.demo" : "planner@other.demo")
    .executeTakeFirstOrThrow();
  const file = await exportProgramFile(db, demo.id);
  const programId = await importProgramFile(db, {
    file: { ...file, program: { ...file.program, title: `${place} ${status}` } },
    municipalityId: ids[place],
    userId: user.id,
  });
  for (const action of PATHS[status]) {
    if (action === "submit_to_ministry") {
      for (const r of await unjustifiedBlockersFor(db, programId))
        await saveJustification({ programId, ruleId: r.rule.id, text: "Будет исправлено.", userId: user.id });
    }
    await transition({
      programId,
      action,
      userId: user.id,
      roles: [ACTOR[action]],
      comment: action === "return" || action === "request_changes" ? "Вернуть на доработку." : undefined,
      approval:
        action === "approve"
          ? { resolutionNumber: "7", resolutionDate: new Date().toISOString().slice(0, 10), chairName: "К. Осмонов" }
          : undefined,
      publicationUrl: action === "publish" ? "https://example.org/program" : undefined,
    });
  }
  const row = await db.selectFrom("program").select("status").where("id", "=", programId).executeTakeFirstOrThrow();
  return {
    name: `${place}/${status}`,
    place,
    municipalityId: ids[place],
    programId,
    status: row.status,
    sent: PATHS[status].includes("submit_to_ministry"),
  };
}

/** Own (Кок-Жайык) programs in every state that changes who may do what, and two of the other municipality. */
export async function matrixPrograms(db: Kysely<DB>): Promise<ProgramFixture[]> {
  const out: ProgramFixture[] = [];
  for (const status of ["changes_requested", "draft", "council_review", "approved", "submitted", "published"] as const)
    out.push(await programInState(db, "kok", status));
  for (const status of ["draft", "submitted"] as const) out.push(await programInState(db, "other", status));
  return out;
}
