import type { Db } from "./client";

/**
 * The demo program of Кок-Жайык (§7 of the domain brief, fictional). Each stage adds its part
 * in its own file under db/demo/ and one line here. Runs once: an existing demo program is kept.
 */
export const DEMO_PROGRAM_TITLE = "Кок-Жайык айыл аймагынын 2025–2029-жылдарга социалдык-экономикалык өнүктүрүү программасы";

export async function seedDemoProgram(db: Db, municipalityId: number): Promise<void> {
  const existing = await db
    .selectFrom("program")
    .select("id")
    .where("municipality_id", "=", municipalityId)
    .where("title", "=", DEMO_PROGRAM_TITLE)
    .executeTakeFirst();
  if (existing) return;
  const author = await db.selectFrom("user").select("id").where("email", "=", "coordinator@kok-jaiyk.demo").executeTakeFirstOrThrow();
  const { seedElements } = await import("./demo/elements");
  await db.transaction().execute(async (trx) => {
    const program = await trx
      .insertInto("program")
      .values({
        municipality_id: municipalityId,
        title: DEMO_PROGRAM_TITLE,
        start_year: 2025,
        end_year: 2029,
        language: "ky",
        status: "draft",
        methodology_version: "kg-2024.1",
        archived_at: null,
        created_at: new Date().toISOString(),
        created_by: author.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const add = seedElements(trx, program.id, author.id);
    const stages = await import("./demo/stages");
    for (const seedStage of stages.demoStages) await seedStage(add);
  });
}
