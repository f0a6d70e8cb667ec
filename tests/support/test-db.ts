import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openDatabase, type DbHandle } from "../../db/client";

const TMP = path.resolve(import.meta.dirname, "../.tmp");
const TEMPLATE = path.join(TMP, "template.sqlite");

/**
 * A fresh copy of the migrated, seeded template database for one test, installed as the app's
 * process-wide handle so services and loaders under test use it.
 */
export function useTestDatabase(): DbHandle & { file: string; close: () => Promise<void> } {
  const file = path.join(TMP, `test-${crypto.randomUUID()}.sqlite`);
  fs.copyFileSync(TEMPLATE, file);
  const handle = openDatabase(file);
  globalThis.__kadamDb = handle;
  return {
    ...handle,
    file,
    close: async () => {
      await handle.db.destroy();
      if (globalThis.__kadamDb === handle) globalThis.__kadamDb = undefined;
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

export async function userIdByEmail(handle: DbHandle, email: string): Promise<string> {
  const row = await handle.db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return row.id;
}
