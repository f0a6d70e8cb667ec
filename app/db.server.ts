import { openDatabase, type DbHandle } from "../db/client";

declare global {
  var __kadamDb: DbHandle | undefined;
}

/**
 * One better-sqlite3 handle per process, shared by Kysely and the session adapter.
 * Kept on globalThis so a rebuilt module in development does not open a second one.
 */
export function getDbHandle(): DbHandle {
  if (!globalThis.__kadamDb) globalThis.__kadamDb = openDatabase();
  return globalThis.__kadamDb;
}

export const db = new Proxy({} as DbHandle["db"], {
  get(_target, prop) {
    const real = getDbHandle().db as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});
