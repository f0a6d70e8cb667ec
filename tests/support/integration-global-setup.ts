import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seed";

export const TEMPLATE_DB = path.resolve(import.meta.dirname, "../.tmp/template.sqlite");

/** Builds one migrated, seeded database; every test copies it (a fresh DB per test). */
export default async function setup() {
  fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(TEMPLATE_DB + suffix, { force: true });
  const { db, sqlite } = openDatabase(TEMPLATE_DB);
  await migrateToLatest(db);
  await seedDemo(db);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  await db.destroy();
}
