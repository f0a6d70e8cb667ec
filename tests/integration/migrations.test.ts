import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrations } from "../../db/migrations/index";
import { schemaColumns } from "../../db/schema";
import { useTestDatabase } from "../support/test-db";

describe("migrations and schema types", () => {
  let t: ReturnType<typeof useTestDatabase>;
  beforeEach(() => {
    t = useTestDatabase();
  });
  afterEach(async () => {
    await t.close();
  });

  it("lists every migration file in the static registry", () => {
    const dir = path.resolve(import.meta.dirname, "../../db/migrations");
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d{4}_.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ""));
    expect(files.length).toBeGreaterThan(0);
    expect(Object.keys(migrations).sort()).toEqual(files.sort());
  });

  it("has hand-written types that match the migrated tables column for column", async () => {
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(t.db);
    expect(tables.rows.map((r) => r.name).sort()).toEqual(Object.keys(schemaColumns).sort());
    for (const [table, columns] of Object.entries(schemaColumns)) {
      const info = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(t.db);
      expect(info.rows.map((r) => r.name).sort(), table).toEqual([...columns].sort());
    }
  });

  it("0008 turns the old free-text oblast and raion into codes and keeps text that matches nothing", async () => {
    // The demo's values as seeded before 0008, and other spellings typed into the old text fields.
    const old = [
      { name_ru: "Кок-Жайык (до 0008)", oblast: "Нарынская (пример)", raion: "Ала-Тоо (вымышленный)" },
      { name_ru: "Сары-Булак (до 0008)", oblast: "Иссык-Кульская (пример)", raion: "Тоо-Этек (вымышленный)" },
      { name_ru: "Кара-Суу (до 0008)", oblast: "Ошская обл.", raion: "Кара-Суйский р-н" },
      { name_ru: "Неизвестный (до 0008)", oblast: "Тестовая", raion: "—" },
    ];
    const now = new Date().toISOString();
    for (const m of old)
      await t.db
        .insertInto("municipality")
        .values({ ...m, name_ky: m.name_ru, kind: "aiyl_aimak", created_at: now })
        .execute();
    await migrations["0008_place_codes"].up(t.db);
    const rows = await t.db
      .selectFrom("municipality")
      .select(["name_ru", "oblast", "raion"])
      .where("name_ru", "like", "%(до 0008)")
      .orderBy("id")
      .execute();
    expect(rows.map((r) => [r.oblast, r.raion])).toEqual([
      ["naryn", "Ала-Тоо (вымышленный)"],
      ["issyk-kul", "Тоо-Этек (вымышленный)"],
      ["osh", "osh.kara-suu"],
      ["Тестовая", "—"],
    ]);
    // Down gives Russian names back for what became codes.
    await migrations["0008_place_codes"].down!(t.db);
    const back = await t.db
      .selectFrom("municipality")
      .select(["oblast", "raion"])
      .where("name_ru", "=", "Кара-Суу (до 0008)")
      .executeTakeFirstOrThrow();
    expect(back).toEqual({ oblast: "Ошская область", raion: "Кара-Суйский район" });
  });
});
