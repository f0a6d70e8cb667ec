/**
 * `npm run fuzz` (not in CI; a few minutes): the long version of the hostile-input tests. Starts
 * the real server on a scratch copy of the demo database, signs in as each role, finds every form
 * on every page a planner and a deputy can reach, and sends ~1 000 generated bad bodies to their
 * actions: huge and negative indexes, numbers where text goes and text where numbers go, ids that
 * name nothing, stale and missing versions, oversized fields, duplicated fields, JSON. Prints the
 * status codes per route and exits 1 on any 5xx, any request unanswered within 5 s, or any
 * refused (4xx) request after which the stored program changed.
 *
 * Needs a production build (`npx remix build`) and the integration template DB
 * (`npx vitest run --config tests/vitest.config.ts tests/integration/elements.test.ts` builds it),
 * or set FUZZ_DB to a migrated, seeded database to copy. FUZZ_REQUESTS sets the count.
 */
import Database from "better-sqlite3";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD } from "../../db/seed";
import { freePort, ROOT, signIn, startServer } from "../support/child-server";
import { formsIn, mutations, type FoundForm } from "./mutations";

const TEMPLATE = process.env.FUZZ_DB ?? path.join(ROOT, "tests/.tmp/template.sqlite");
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1000);
const HANG_MS = 5000;

if (!fs.existsSync(path.join(ROOT, "build/index.js")) || !fs.existsSync(TEMPLATE)) {
  console.error(
    "npm run fuzz needs build/ (`npx remix build`) and tests/.tmp/template.sqlite (any integration test run builds it), or FUZZ_DB.",
  );
  process.exit(2);
}

const file = path.join(ROOT, `tests/.tmp/fuzz-${crypto.randomUUID()}.sqlite`);
fs.copyFileSync(TEMPLATE, file);
const server = await startServer(file, await freePort());
const reader = new Database(file, { readonly: true });
/** A fingerprint of everything a program holds: elements, revisions, the program rows. */
const fingerprint = () =>
  crypto
    .createHash("sha256")
    .update(JSON.stringify(reader.prepare("select id, version, data from program_element order by id").all()))
    .update(JSON.stringify(reader.prepare("select id, title, status from program order by id").all()))
    .update(String((reader.prepare("select count(*) as n from program_revision").get() as { n: number }).n))
    .digest("hex");

const accounts = {
  planner: "planner@kok-jaiyk.demo",
  deputy: "deputy@kok-jaiyk.demo",
  coordinator: "coordinator@kok-jaiyk.demo",
  admin: "admin@kadam.demo",
};
const cookies = Object.fromEntries(
  await Promise.all(Object.entries(accounts).map(async ([role, email]) => [role, await signIn(server.base, email, DEMO_PASSWORD)])),
) as Record<keyof typeof accounts, string>;

/** Every page reachable from the start pages in a few steps, and the post forms on them. */
async function crawl(cookie: string, starts: string[]): Promise<FoundForm[]> {
  const seen = new Set<string>();
  const queue = [...starts];
  const forms = new Map<string, FoundForm>();
  while (queue.length && seen.size < 150) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await fetch(`${server.base}${url}`, { headers: { cookie }, redirect: "manual" });
    if (res.status !== 200 || !(res.headers.get("content-type") ?? "").includes("text/html")) continue;
    const html = await res.text();
    for (const form of formsIn(html, url)) forms.set(`${form.action} ${form.fields.join(",")}`, form);
    for (const [, href] of html.matchAll(/href="(\/(?:programs|admin)[^"#?]*)"/g))
      if (!href.includes("/export") && !seen.has(href)) queue.push(href);
  }
  return [...forms.values()];
}

const programs = await (await fetch(`${server.base}/programs`, { headers: { cookie: cookies.planner } })).text();
const programPath = /href="(\/programs\/\d+)"/.exec(programs)![1];
const targets: { role: keyof typeof accounts; form: FoundForm }[] = [];
for (const role of ["planner", "deputy", "admin"] as const) {
  for (const form of await crawl(cookies[role], role === "admin" ? ["/admin"] : [programPath])) {
    // Left out: what would end the session, only set a cookie, or take the program out of the
    // planner's hands (archive, workflow steps, restoring a version) and so stop the other forms.
    if (/\/logout$|\/language$|\/status$|\/versions/.test(form.action)) continue;
    if (form.hidden.some(([name, value]) => name === "intent" && /archive|deactivate/.test(value))) continue;
    targets.push({ role, form });
  }
}
console.log(`${targets.length} forms found on the pages of ${Object.keys(accounts).length} roles; sending ${REQUESTS} bodies`);

const byRoute = new Map<string, Record<string, number>>();
const failures: string[] = [];
let sent = 0;
for (const { role, form, body, contentType, label } of mutations(targets, REQUESTS)) {
  const before = fingerprint();
  const started = performance.now();
  let status: number;
  try {
    const res = await fetch(`${server.base}${form.action}`, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(HANG_MS),
      headers: { cookie: cookies[role], Origin: server.base, "Content-Type": contentType },
      body,
    });
    await res.arrayBuffer();
    status = res.status;
  } catch (error) {
    status = (error as Error).name === "TimeoutError" ? -1 : 0;
  }
  sent++;
  const route = form.action.replace(/\/\d+(?=\/|$)/g, "/:id").replace(/\/[0-9a-f-]{20,}(?=\/|$)/g, "/:eid");
  const counts = byRoute.get(route) ?? {};
  counts[status] = (counts[status] ?? 0) + 1;
  byRoute.set(route, counts);
  const ms = Math.round(performance.now() - started);
  if (status >= 500 || status <= 0)
    failures.push(
      `${status === -1 ? "no answer in 5 s" : status === 0 ? "connection dropped" : status} ${ms} ms  ${role} ${form.action}  ${label}`,
    );
  else if (status >= 400 && fingerprint() !== before)
    failures.push(`${status} but the stored program changed  ${role} ${form.action}  ${label}`);
}

console.log(`\n${"route".padEnd(60)} statuses`);
for (const [route, counts] of [...byRoute].sort())
  console.log(
    `${route.padEnd(60)} ${Object.entries(counts)
      .map(([s, n]) => `${s}×${n}`)
      .join("  ")}`,
  );
console.log(`\n${sent} requests, ${failures.length} failures`);
for (const f of failures.slice(0, 50)) console.log(`  ✖ ${f}`);

reader.close();
server.process.kill("SIGTERM");
await server.exited;
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
process.exit(failures.length ? 1 : 0);
