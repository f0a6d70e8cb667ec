/**
 * `kadam backup` and `kadam restore`: consistent copies of the SQLite database while the server
 * runs. A plain file copy is not one: in WAL mode committed saves may live only in the -wal file
 * until the next checkpoint (issue #16 saw a copy miss three). SQLite's online backup API reads
 * through a connection, so it sees the WAL, and it starts over when another process writes
 * mid-copy, so the result is one committed state.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { migrations } from "../../db/migrations/index";

export class BackupError extends Error {}

/** The table Kysely's Migrator keeps; its presence is what makes a SQLite file a Kadam database. */
const MIGRATION_TABLE = "kysely_migration";
/** How long a backup waits for a writer to finish its transaction before giving up. */
const BUSY_TIMEOUT_MS = 5000;

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, "-");
}

function open(file: string, options: Database.Options = {}): Database.Database {
  try {
    return new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS, ...options });
  } catch (error) {
    throw new BackupError(`Cannot open ${file}: ${(error as Error).message}`);
  }
}

/**
 * Refuses a file that is not an intact Kadam database: not SQLite, damaged, without the
 * migrations table, or migrated by a newer Kadam than this one.
 */
export function assertKadamDatabase(db: Database.Database, label: string): void {
  let check: unknown[];
  try {
    check = db.pragma("integrity_check") as unknown[];
  } catch (error) {
    throw new BackupError(`${label} is not a SQLite database (${(error as Error).message})`);
  }
  const problems = check.map((r) => Object.values(r as Record<string, string>)[0]).filter((v) => v !== "ok");
  if (problems.length > 0) throw new BackupError(`${label} is damaged: ${problems.slice(0, 3).join("; ")}`);
  const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATION_TABLE);
  if (!table) throw new BackupError(`${label} is not a Kadam database (no ${MIGRATION_TABLE} table)`);
  const applied = (db.prepare(`SELECT name FROM ${MIGRATION_TABLE}`).all() as { name: string }[]).map((r) => r.name);
  if (applied.length === 0) throw new BackupError(`${label} is not a Kadam database (no migrations applied)`);
  const unknown = applied.filter((name) => !(name in migrations));
  if (unknown.length > 0) throw new BackupError(`${label} was made by a newer Kadam (migration ${unknown[0]}); update Kadam first`);
}

/**
 * True when another connection (a running server, a CLI command) has the database open.
 * An exclusive lock cannot be taken while any other WAL connection is open, even an idle one.
 */
export function isHeldByAnother(file: string): boolean {
  const db = open(file, { timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw new BackupError(`Cannot lock ${file}: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/**
 * Copies `source` into a new file `out` with the online backup API, as one self-contained file
 * (rollback journal, not WAL, so copying it further needs no -wal beside it), checked before it
 * is put in place under its name.
 */
async function copyWithBackupApi(source: Database.Database, out: string): Promise<void> {
  const partial = `${out}.partial-${process.pid}`;
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(partial + suffix, { force: true });
  try {
    // After the first step, copy all remaining pages in one step: one read transaction, so
    // writers elsewhere cannot make it start over again and again.
    await source.backup(partial, { progress: ({ remainingPages }) => remainingPages });
    const copy = open(partial);
    try {
      copy.pragma("journal_mode = DELETE");
      assertKadamDatabase(copy, out);
    } finally {
      copy.close();
    }
    fs.renameSync(partial, out);
  } finally {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(partial + suffix, { force: true });
  }
}

export async function backupDatabase(source: string, out: string): Promise<void> {
  if (!fs.existsSync(source)) throw new BackupError(`No database at ${source}`);
  if (fs.existsSync(out)) throw new BackupError(`${out} exists already; give a new file name`);
  if (!fs.existsSync(path.dirname(path.resolve(out)))) throw new BackupError(`No folder ${path.dirname(path.resolve(out))}`);
  const db = open(source);
  try {
    await copyWithBackupApi(db, out);
  } finally {
    db.close();
  }
}

/**
 * Puts the backup `from` in place of the database `target`. Refuses a file that is not a Kadam
 * database, and a target another process holds open (a running server would go on writing into
 * what was replaced) unless `force`. The database it replaces is kept beside it first; the
 * returned path names that copy (null when there was no database yet).
 */
export async function restoreDatabase(target: string, from: string, options: { force?: boolean } = {}): Promise<{ kept: string | null }> {
  if (!fs.existsSync(from)) throw new BackupError(`No file ${from}`);
  if (path.resolve(from) === path.resolve(target)) throw new BackupError("The backup and the database are the same file");
  const source = open(from, { readonly: true });
  try {
    assertKadamDatabase(source, from);
    let kept: string | null = null;
    if (fs.existsSync(target)) {
      if (!options.force && isHeldByAnother(target)) {
        throw new BackupError(`${target} is in use by another process (a running server?); stop it first, or add --force`);
      }
      kept = `${target}.before-restore-${stamp()}`;
      const current = open(target);
      try {
        await copyWithBackupApi(current, kept);
      } catch (error) {
        // A damaged current database is exactly when one restores: keep its raw file instead.
        if (!(error instanceof BackupError)) throw error;
        for (const suffix of ["", "-wal"]) if (fs.existsSync(target + suffix)) fs.copyFileSync(target + suffix, kept + suffix);
      } finally {
        current.close();
      }
    } else {
      fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    }
    // The backup API writes into the target through SQLite's own locks, so even a forced restore
    // under a running server leaves a consistent database (the server sees it on its next read).
    await source.backup(target, { progress: ({ remainingPages }) => remainingPages });
    const restored = open(target);
    try {
      restored.pragma("journal_mode = WAL");
      assertKadamDatabase(restored, target);
    } finally {
      restored.close();
    }
    return { kept };
  } finally {
    source.close();
  }
}
