import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import fs from "node:fs";
import path from "node:path";
import type { DB } from "./schema";

export type Db = Kysely<DB>;

export interface DbHandle {
  /** The raw connection, shared with the session adapter. */
  sqlite: Database.Database;
  db: Db;
}

export function defaultDatabasePath(): string {
  return process.env.DATABASE_PATH || path.join(process.cwd(), "data", "kadam.sqlite");
}

/**
 * Opens one SQLite connection with the settings the whole app relies on.
 * WAL lets readers continue while a save commits; foreign keys are per connection in SQLite.
 */
export function openDatabase(file: string = defaultDatabasePath()): DbHandle {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, db };
}
