/**
 * Demo data (fictional, from §7 of the domain brief). Idempotent: running it again changes nothing.
 */
import type { Db } from "./client";
import type { Role } from "./schema";
import { createUser } from "../app/services/admin.server";

export const DEMO_PASSWORD = "kadam-demo-2026";

export const demoAccounts: { email: string; name: string; role: Role; municipality: "kok" | "other" | null }[] = [
  { email: "planner@kok-jaiyk.demo", name: "Айгүл Токтогулова", role: "planner", municipality: "kok" },
  { email: "coordinator@kok-jaiyk.demo", name: "Бакыт Асанов", role: "coordinator", municipality: "kok" },
  { email: "deputy@kok-jaiyk.demo", name: "Нурлан Жумабеков", role: "deputy", municipality: "kok" },
  { email: "ministry@mec.demo", name: "Динара Сыдыкова", role: "ministry", municipality: null },
  { email: "admin@kadam.demo", name: "Администратор Кадам", role: "admin", municipality: null },
  { email: "planner@other.demo", name: "Эрлан Маматов", role: "planner", municipality: "other" },
];

// The aiyl aimaks are fictional; they are placed in real raions (codes of templates/geography.json)
// so the demo shows oblast and raion names in every language.
const demoMunicipalities = {
  kok: {
    name_ru: "Кок-Жайык айылный аймак",
    name_ky: "Кок-Жайык айыл аймагы",
    kind: "aiyl_aimak",
    raion: "naryn.kochkor",
    oblast: "naryn",
  },
  other: {
    name_ru: "Сары-Булак айылный аймак",
    name_ky: "Сары-Булак айыл аймагы",
    kind: "aiyl_aimak",
    raion: "issyk-kul.tup",
    oblast: "issyk-kul",
  },
} as const;

export async function ensureMunicipality(db: Db, key: keyof typeof demoMunicipalities): Promise<number> {
  const m = demoMunicipalities[key];
  const existing = await db.selectFrom("municipality").select("id").where("name_ru", "=", m.name_ru).executeTakeFirst();
  if (existing) return existing.id;
  const row = await db
    .insertInto("municipality")
    .values({ ...m, created_at: new Date().toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  const ids = { kok: await ensureMunicipality(db, "kok"), other: await ensureMunicipality(db, "other") };
  let created = false;
  for (const account of demoAccounts) {
    const exists = await db.selectFrom("user").select("id").where("email", "=", account.email).executeTakeFirst();
    if (exists) continue;
    await createUser(db, {
      email: account.email,
      name: account.name,
      password: DEMO_PASSWORD,
      role: account.role,
      municipalityId: account.municipality ? ids[account.municipality] : null,
    });
    created = true;
  }
  const { seedDemoProgram, DEMO_PROGRAM_TITLE } = await import("./seed-program");
  await seedDemoProgram(db, ids.kok);
  const demo = await db.selectFrom("program").select("id").where("title", "=", DEMO_PROGRAM_TITLE).executeTakeFirstOrThrow();
  const { seedSubmittedProgram } = await import("./demo/submitted");
  await seedSubmittedProgram(db, demo.id, ids.other);
  return { created };
}
