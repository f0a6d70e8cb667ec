/**
 * A second demo program, in Сары-Булак, already submitted to the ministry, so the ministry's
 * dashboard and review have something to show. It is made the way users would make it: the
 * Кок-Жайык program file imported, then taken through the council workflow by the services.
 */
import type { Db } from "../client";
import { saveJustification, unjustifiedBlockersFor } from "../../app/services/compliance.server";
import { exportProgramFile, importProgramFile } from "../../app/services/program-file.server";
import { transition } from "../../app/services/workflow.server";

export const SUBMITTED_DEMO_TITLE = "Сары-Булак айыл аймагынын 2025–2029-жылдарга социалдык-экономикалык өнүктүрүү программасы";

export async function seedSubmittedProgram(db: Db, sourceProgramId: number, municipalityId: number): Promise<void> {
  const exists = await db.selectFrom("program").select("id").where("title", "=", SUBMITTED_DEMO_TITLE).executeTakeFirst();
  if (exists) return;
  const user = await db.selectFrom("user").select("id").where("email", "=", "planner@other.demo").executeTakeFirstOrThrow();
  const file = await exportProgramFile(db, sourceProgramId);
  const programId = await importProgramFile(db, {
    file: { ...file, program: { ...file.program, title: SUBMITTED_DEMO_TITLE } },
    municipalityId,
    userId: user.id,
  });
  // Demo only: the seed acts as the council and the coordinator of Сары-Булак.
  await transition({ programId, action: "submit_to_council", userId: user.id, roles: ["coordinator"] }, db);
  await transition(
    {
      programId,
      action: "approve",
      userId: user.id,
      roles: ["deputy"],
      approval: { resolutionNumber: "7", resolutionDate: new Date().toISOString().slice(0, 10), chairName: "К. Осмонов" },
    },
    db,
  );
  for (const r of await unjustifiedBlockersFor(db, programId)) {
    await saveJustification({ programId, ruleId: r.rule.id, text: "Демо: будет исправлено в следующей редакции.", userId: user.id }, db);
  }
  await transition({ programId, action: "submit_to_ministry", userId: user.id, roles: ["coordinator"] }, db);
}
