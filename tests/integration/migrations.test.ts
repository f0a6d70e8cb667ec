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
    const files = fs.readdirSync(dir).filter((f) => /^\d{4}_.+\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, ""));
    expect(files.length).toBeGreaterThan(0);
    expect(Object.keys(migrations).sort()).toEqual(files.sort());
  });

  it("has hand-written types that match the migrated tables column for column", async () => {
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(t.db);
    expect(tables.rows.map((r) => r.name).sort()).toEqual(Object.keys(schemaColumns).sort());
    for (const [table, columns] of Object.entries(schemaColumns)) {
      const info = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(t.db);
      expect(info.rows.map((r) => r.name).sort(), table).toEqual([...columns].sort());
    }
  });
});
