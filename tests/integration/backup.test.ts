/**
 * Issue #16, defect 13: `kadam backup` is consistent while another connection keeps committing
 * (a plain copy of the file misses what is still in the WAL), and `kadam restore` brings the
 * backup back, keeps what it replaces, and refuses a held database or a file that is not Kadam's.
 */
import Database from "better-sqlite3";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs the CLI as a user would, without blocking this process (its writer must go on). */
function kadam(db: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "app/cli/kadam.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: db },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

function revisionIds(file: string): Set<number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return new Set((db.prepare("SELECT id FROM program_revision").all() as { id: number }[]).map((r) => r.id));
  } finally {
    db.close();
  }
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma("integrity_check", { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe("kadam backup and restore", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let dir: string;
  beforeEach(() => {
    t = useTestDatabase();
    dir = fs.mkdtempSync(path.join(ROOT, "tests/.tmp/backup-"));
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
    for (const f of fs.readdirSync(path.dirname(t.file)))
      if (f.startsWith(`${path.basename(t.file)}.before-restore-`)) fs.rmSync(path.join(path.dirname(t.file), f), { force: true });
  });

  it("copies every revision committed before it started, while another connection keeps committing", async () => {
    const { sqlite } = t;
    // Keep the commits in the WAL (no automatic checkpoint), as on a busy server between checkpoints.
    sqlite.pragma("wal_autocheckpoint = 0");
    const program = sqlite.prepare("SELECT id, created_by FROM program ORDER BY id LIMIT 1").get() as { id: number; created_by: string };
    const insert = sqlite.prepare(
      "INSERT INTO program_revision (program_id, element_id, kind, change, before, after, user_id, created_at) VALUES (?, 'program', 'program', 'update', NULL, ?, ?, ?)",
    );
    const acknowledged: number[] = [];
    let writing = true;
    let reachedTarget: () => void = () => {};
    const warmedUp = new Promise<void>((resolve) => (reachedTarget = resolve));
    const step = () => {
      if (!writing) return;
      const n = acknowledged.length;
      acknowledged.push(
        Number(insert.run(program.id, JSON.stringify({ n }), program.created_by, new Date().toISOString()).lastInsertRowid),
      );
      if (acknowledged.length === 50) reachedTarget();
      // Paced, not a wait: the CLI child needs the other core to start and copy.
      setTimeout(step, 1);
    };
    step();
    await warmedUp;

    // The defect: the main file alone (what a plain copy takes) lacks commits still in the WAL.
    const plain = path.join(dir, "plain.sqlite");
    // Copied by another process: closing any descriptor of the file in this one would drop this
    // process's SQLite locks on it (POSIX locks are per process), as if the server had stopped.
    execFileSync("cp", [t.file, plain]);
    const inPlainCopy = revisionIds(plain);
    expect(acknowledged.filter((id) => !inPlainCopy.has(id)).length).toBeGreaterThan(0);

    const before = [...acknowledged];
    const out = path.join(dir, "kadam-backup.sqlite");
    const result = await kadam(t.file, "backup", "--out", out);
    const duringBackup = acknowledged.length - before.length;
    writing = false;
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(duringBackup).toBeGreaterThan(0);
    expect(integrity(out)).toBe("ok");
    const inBackup = revisionIds(out);
    expect(before.filter((id) => !inBackup.has(id))).toEqual([]);
    // One committed state: the backup holds a prefix of the writer's commits, with no gaps.
    const last = Math.max(...acknowledged.filter((id) => inBackup.has(id)));
    expect(acknowledged.filter((id) => id <= last && !inBackup.has(id))).toEqual([]);
    // A second backup to the same name is refused, the first is left as it was.
    expect((await kadam(t.file, "backup", "--out", out)).code).toBe(1);
    expect(revisionIds(out)).toEqual(inBackup);

    // Restore refuses while this test's connection (a running server) holds the database.
    const refused = await kadam(t.file, "restore", out);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/in use by another process/);
    const live = revisionIds(t.file);
    expect(acknowledged.every((id) => live.has(id))).toBe(true);

    t.sqlite.close(); // the server stops
    const restored = await kadam(t.file, "restore", out);
    expect(restored.err).toBe("");
    expect(restored.code).toBe(0);
    expect(integrity(t.file)).toBe("ok");
    expect(revisionIds(t.file)).toEqual(inBackup);
    // What it replaced is kept beside it, with the commits made after the backup.
    const kept = restored.out.match(/kept as (.+)$/m)?.[1];
    expect(kept && fs.existsSync(kept)).toBeTruthy();
    expect(integrity(kept!)).toBe("ok");
    expect(revisionIds(kept!)).toEqual(new Set([...live]));
  }, 60_000);

  it("refuses to restore a file that is not a Kadam database, leaving the database as it was", async () => {
    t.sqlite.close();
    const before = revisionIds(t.file);
    const text = path.join(dir, "notes.txt");
    fs.writeFileSync(text, "not a database at all ".repeat(100));
    const other = path.join(dir, "other.sqlite");
    const db = new Database(other);
    db.exec("CREATE TABLE program_revision (id INTEGER PRIMARY KEY)");
    db.close();
    const asText = await kadam(t.file, "restore", text);
    expect(asText.code).toBe(1);
    expect(asText.err).toMatch(/is not a SQLite database/);
    const asOther = await kadam(t.file, "restore", other);
    expect(asOther.code).toBe(1);
    expect(asOther.err).toMatch(/is not a Kadam database/);
    expect(revisionIds(t.file)).toEqual(before);
    expect(fs.readdirSync(path.dirname(t.file)).filter((f) => f.startsWith(`${path.basename(t.file)}.before-restore-`))).toEqual([]);
  }, 60_000);
});
