import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seed";

export const TEMPLATE_DB = path.resolve(import.meta.dirname, "../.tmp/template.sqlite");

/** Builds one migrated, seeded database; every test copies it (a fresh DB per test). */
export default async function setup() {
  fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  // Built under a name of its own and renamed into place, so two test runs at once (two
  // developers' terminals, a watch run beside CI) never copy a half-built template.
  const building = `${TEMPLATE_DB}.${process.pid}`;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(building + suffix, { force: true });
  const { db, sqlite } = openDatabase(building);
  await migrateToLatest(db);
  await seedDemo(db);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  await db.destroy();
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(building + suffix, { force: true });
  fs.renameSync(building, TEMPLATE_DB);
}
