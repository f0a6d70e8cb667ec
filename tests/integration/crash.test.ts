/**
 * Crash safety: the real server, a stream of concurrent saves, SIGKILL in the middle of it, a
 * restart on the same file. The database must be intact and every save the server acknowledged
 * (a redirect after the transaction) must be there with its revision; unacknowledged ones may or
 * may not be. Needs build/ (npm test builds first); without it the test is skipped and says why.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed";
import { DEMO_PROGRAM_TITLE } from "../../db/seed-program";
import { BUILD_INDEX, freePort, ROOT, signIn, startServer, type ChildServer } from "../support/child-server";

const TEMPLATE = path.join(ROOT, "tests/.tmp/template.sqlite");
const hasBuild = fs.existsSync(BUILD_INDEX);
if (!hasBuild) console.warn("crash.test.ts skipped: build/index.js is missing; run `npx remix build` (npm test does) to run it.");

/** Saves offered in all; the server is killed once KILL_AFTER of them are acknowledged, with others in flight. */
const SAVES = 400;
const KILL_AFTER = 40;
const CONCURRENCY = 8;

describe.skipIf(!hasBuild)("a server killed during saves", () => {
  const file = path.join(ROOT, `tests/.tmp/crash-${crypto.randomUUID()}.sqlite`);
  const servers: ChildServer[] = [];

  afterAll(async () => {
    for (const s of servers) {
      if (s.process.exitCode === null && s.process.signalCode === null) s.process.kill("SIGTERM");
      await s.exited;
    }
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  });

  it("keeps every acknowledged save and an intact database", { timeout: 60_000 }, async () => {
    // A copy of the migrated, seeded template the integration setup built: the same as db/setup.ts gives.
    fs.copyFileSync(TEMPLATE, file);
    const first = await startServer(file, await freePort());
    servers.push(first);
    const cookie = await signIn(first.base, "planner@kok-jaiyk.demo", DEMO_PASSWORD);
    const lookup = new Database(file, { readonly: true });
    const programId = (lookup.prepare("SELECT id FROM program WHERE title = ?").get(DEMO_PROGRAM_TITLE) as { id: number }).id;
    lookup.close();

    // New top-level strategy nodes, each from a fresh form (version 0), titled by their number.
    const acknowledged: string[] = [];
    let failedInFlight = 0;
    let next = 0;
    let killed = false;
    const save = async (title: string) => {
      const res = await fetch(`${first.base}/programs/${programId}/strategy/new`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: first.base, cookie },
        body: new URLSearchParams({ version: "0", title, description: "" }).toString(),
      });
      await res.arrayBuffer();
      return res.status;
    };
    const worker = async () => {
      while (!killed && next < SAVES) {
        const title = `crash-${next++}`;
        try {
          const status = await save(title);
          if (status !== 302 && status !== 303) throw new Error(`save ${title} answered ${status}`);
          acknowledged.push(title);
          if (acknowledged.length >= KILL_AFTER && !killed) {
            killed = true;
            first.process.kill("SIGKILL");
          }
        } catch (error) {
          if (!killed) throw error;
          failedInFlight++;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await first.exited;
    expect(first.process.signalCode).toBe("SIGKILL");
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // Killed mid-stream: saves were on their way when the process died.
    expect(failedInFlight).toBeGreaterThan(0);

    const second = await startServer(file, await freePort());
    servers.push(second);
    // The restarted server reads the program the saves went to.
    const page = await fetch(`${second.base}/programs/${programId}/strategy`, {
      headers: { cookie: await signIn(second.base, "planner@kok-jaiyk.demo", DEMO_PASSWORD) },
    });
    expect(page.status).toBe(200);

    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
      const stored = check
        .prepare(
          `SELECT e.id, json_extract(e.data, '$.title') AS title, (SELECT count(*) FROM program_revision r WHERE r.element_id = e.id AND r.change = 'create') AS revisions
         FROM program_element e WHERE e.program_id = ? AND e.kind = 'strategy_node' AND json_extract(e.data, '$.title') LIKE 'crash-%'`,
        )
        .all(programId) as { id: string; title: string; revisions: number }[];
      const byTitle = new Map(stored.map((s) => [s.title, s]));
      const missing = acknowledged.filter((t) => !byTitle.has(t));
      expect(missing, `acknowledged but lost: ${missing.join(", ")}`).toEqual([]);
      const withoutRevision = acknowledged.filter((t) => byTitle.get(t)!.revisions !== 1);
      expect(withoutRevision, `saved without exactly one 'create' revision: ${withoutRevision.join(", ")}`).toEqual([]);
    } finally {
      check.close();
    }
  });
});
