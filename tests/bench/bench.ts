/**
 * `npm run bench`: server time of every program page on a large program (tests/bench/generate.ts),
 * a few heavy tasks, the DOCX export next to packing the same Document (tests/bench/docx-bench.ts),
 * and the first-load JavaScript of every page (tests/bench/js-size.ts).
 * Needs a production build (`npx remix build`). Each page is requested through the real Remix
 * handler (loaders, rendering, reading the whole body), 3 warm-ups, then the median of 15 runs.
 *
 * To add a timing, add an entry to `pages` (a URL path) or to `tasks` (any async function, e.g.
 * a DOCX export or the compliance check). The exit code is 1 when something is over budget.
 * BENCH_ONLY=<text> times only the matching entries and skips the JS sizes.
 */
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabase, type DbHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { createLucia } from "../../app/auth/lucia.server";
import { generateLargeProgram, insertGeneratedProgram } from "./generate";
import { compliancePages, complianceTasks } from "./compliance-bench";
import { checkJsSizes } from "./js-size";
import { reportDocx } from "./docx-bench";

export interface BenchContext {
  handle: DbHandle;
  programId: number;
  userId: string;
  cookie: string;
  /** GET a path through the Remix handler and read the body; throws on a non-200 answer. */
  get: (path: string) => Promise<string>;
}

export interface BenchPage {
  name: string;
  /** `{id}` is replaced by the program id. */
  path: string;
  budgetMs: number;
}
export interface BenchTask {
  name: string;
  budgetMs: number;
  run: (ctx: BenchContext) => Promise<unknown>;
}

/** Product budget: any page of the large program renders in under 50 ms on the server. */
const PAGE_MS = 50;
/**
 * Every page of a program. Element ids are the generator's fixed ids (tests/bench/generate.ts);
 * lens block "A" is the first block of templates/lens.json.
 */
const programPages: [name: string, path: string][] = [
  ["Workspace", ""],
  ["Startup", "/startup"],
  ["Working group", "/working-group"],
  ["Passport overview", "/passport"],
  ["Passport: general", "/passport/general"],
  ["Passport: population", "/passport/population"],
  ["Passport: vulnerable groups", "/passport/vulnerable"],
  ["Passport: economy", "/passport/economy"],
  ["Passport: services", "/passport/services"],
  ["Passport: budget", "/passport/budget"],
  ["Situation overview", "/situation"],
  ["Situation: narrative", "/situation/narrative"],
  ["Situation: problems", "/situation/problems"],
  ["Situation: SWOT", "/situation/swot"],
  ["Situation: forecast", "/situation/forecast"],
  ["Lens overview", "/lens"],
  ["Lens block A", "/lens/A"],
  ["Gender overview", "/gender"],
  ["Gender: gaps", "/gender/gaps"],
  ["Gender: Harvard", "/gender/harvard"],
  ["Consultations list", "/consultations"],
  ["Consultation meet-1", "/consultations/meet-1"],
  ["Strategy overview", "/strategy"],
  ["Strategy node goal-1-1", "/strategy/goal-1-1"],
  ["Action plan page", "/actions"],
  ["Action form act-1-1", "/actions/act-1-1"],
  ["Indicators page", "/indicators"],
  ["Indicator form ind-1", "/indicators/ind-1"],
  ["Financing", "/financing"],
  ["Review", "/review"],
  ["Traceability page", "/trace"],
  // The compliance page also runs the full check (compliance-bench.ts times the check alone). It is
  // held to the same 50 ms as every page, not the 150 ms compliance-bench.ts gives it.
  ...compliancePages.map((p): [string, string] => [p.name, p.path.replace("/programs/{id}", "")]),
  ["Comments", "/comments"],
  ["Versions", "/versions"],
  ["History", "/history"],
  ["Export page", "/export"],
  ["Status", "/status"],
  ["Settings", "/settings"],
];
export const pages: BenchPage[] = programPages.map(([name, suffix]) => ({ name, path: `/programs/{id}${suffix}`, budgetMs: PAGE_MS }));
export const tasks: BenchTask[] = [
  ...complianceTasks,
  // DOCX export through its route (DB read + build + pack); tests/bench/docx-bench.ts compares it with packing alone.
  { name: "DOCX export (route)", budgetMs: 1000, run: (c) => c.get(`/programs/${c.programId}/export/docx`) },
];

const WARMUPS = 3;
// BENCH_RUNS=200 gives a profiler (node --cpu-prof) enough samples of one page.
const RUNS = Number(process.env.BENCH_RUNS) || 15;
const root = path.resolve(import.meta.dirname, "../..");

async function setup(): Promise<BenchContext> {
  // React picks its development or production build from NODE_ENV when the app build loads it.
  process.env.NODE_ENV = "production";
  const file = path.join(os.tmpdir(), `kadam-bench-${crypto.randomUUID()}.sqlite`);
  const handle = openDatabase(file);
  // The built app opens no database of its own: it uses this handle.
  globalThis.__kadamDb = handle;
  await migrateToLatest(handle.db);
  const now = new Date().toISOString();
  const municipality = await handle.db
    .insertInto("municipality")
    .values({ name_ru: "Бенчмарк аймак", name_ky: "Бенчмарк аймагы", kind: "aiyl_aimak", raion: "Тест", oblast: "Тест", created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  const userId = crypto.randomUUID();
  await handle.db
    .insertInto("user")
    .values({
      id: userId,
      email: "bench@kadam.test",
      display_name: "Bench",
      preferred_language: "ru",
      active: 1,
      must_change_password: 0,
      created_at: now,
    })
    .execute();
  await handle.db.insertInto("membership").values({ user_id: userId, municipality_id: municipality.id, role: "planner" }).execute();
  const programId = await insertGeneratedProgram(handle.db, {
    municipalityId: municipality.id,
    userId,
    program: await generateLargeProgram(),
  });
  const lucia = createLucia(handle.sqlite, false);
  const session = await lucia.createSession(userId, {});
  const cookie = lucia.createSessionCookie(session.id).serialize().split(";")[0];

  const buildFile = path.join(root, "build/index.js");
  if (!fs.existsSync(buildFile)) throw new Error("No build: run `npx remix build` first.");
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  const get = async (p: string) => {
    const response = await handler(new Request(`http://localhost${p}`, { headers: { cookie } }), { nonce: "bench" });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${p} answered ${response.status}`);
    return body;
  };
  const ctx: BenchContext = { handle, programId, userId, cookie, get };
  process.on("exit", () => {
    handle.sqlite.close();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  });
  return ctx;
}

const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Median wall time, and median CPU time of this process: on a busy machine the wall time also
 * counts waiting for a core, the CPU time does not (SQLite runs in-process, so it is included).
 */
async function measure(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < WARMUPS; i++) await run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await run();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: mid(wall), cpu: mid(cpu) };
}

async function main() {
  const ctx = await setup();
  const results: { name: string; ms: number | null; cpu?: number; budgetMs: number; note?: string }[] = [];
  // BENCH_ONLY=trace runs only the entries whose name (or path) contains the text, for profiling.
  const only = process.env.BENCH_ONLY?.toLowerCase();
  const all: BenchTask[] = [
    ...pages.map((p) => ({
      name: p.name,
      path: p.path,
      budgetMs: p.budgetMs,
      run: (c: BenchContext) => c.get(p.path.replace("{id}", String(c.programId))),
    })),
    ...tasks,
  ].filter((task) => !only || `${task.name} ${"path" in task ? task.path : ""}`.toLowerCase().includes(only));
  for (const task of all) {
    try {
      const m = await measure(() => task.run(ctx));
      results.push({ name: task.name, ms: m.wall, cpu: m.cpu, budgetMs: task.budgetMs });
    } catch (error) {
      results.push({ name: task.name, ms: null, budgetMs: task.budgetMs, note: (error as Error).message });
    }
  }
  const counts = await ctx.handle.db
    .selectFrom("program_element")
    .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
    .where("program_id", "=", ctx.programId)
    .groupBy("kind")
    .execute();
  console.log(`Program ${ctx.programId}: ${counts.map((c) => `${c.kind} ${c.n}`).join(", ")}`);
  const load = os.loadavg()[0];
  console.log(
    `Median of ${RUNS} runs after ${WARMUPS} warm-ups (server time, body read). Load average ${load.toFixed(1)} on ${os.cpus().length} CPUs.`,
  );
  if (load > os.cpus().length) console.log("The machine is busy: wall times include waiting for a CPU; see the cpu ms column.");
  console.log("");
  const nameWidth = Math.max(4, ...results.map((r) => r.name.length));
  console.log(`${"Page".padEnd(nameWidth)}  ${"median ms".padStart(9)}  ${"cpu ms".padStart(6)}  ${"budget".padStart(6)}  result`);
  for (const r of results) {
    const verdict = r.ms === null ? `FAIL (${r.note})` : r.ms <= r.budgetMs ? "PASS" : "FAIL";
    console.log(
      `${r.name.padEnd(nameWidth)}  ${(r.ms === null ? "—" : r.ms.toFixed(1)).padStart(9)}  ${(r.cpu === undefined ? "—" : r.cpu.toFixed(1)).padStart(6)}  ${String(r.budgetMs).padStart(6)}  ${verdict}`,
    );
  }
  const timesOk = results.every((r) => r.ms !== null && r.ms <= r.budgetMs);
  let jsOk = true;
  let docxOk = true;
  if (!only) {
    console.log("");
    docxOk = await reportDocx();
    console.log("");
    jsOk = await checkJsSizes();
  }
  process.exitCode = timesOk && docxOk && jsOk ? 0 : 1;
}

await main();
