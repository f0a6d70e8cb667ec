/**
 * Route × role authorization matrix: every loader and action of every module in app/routes (read from
 * the folder, so a new route is covered, or refused until it is classified in tests/support/route-access.ts),
 * called directly for every demo account and anonymous, against programs of the own and the other
 * municipality in each workflow state that changes access. Expected answers come from the permission
 * map and the route's need (tests/support/expected-access.ts); a refused call must write nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { methodology } from "~/methodology/templates.server";
import { demoAccounts } from "../../db/seed";
import { expectedAnswer, type Account, type Expected } from "../support/expected-access";
import { matrixPrograms, municipalityIds, type Place, type ProgramFixture } from "../support/program-fixtures";
import { answerOf, cookieFor, get, post, type Answer } from "../support/requests";
import { routeAccess, type Need, type RouteContext, type Variant } from "../support/route-access";
import { useTestDatabase, userIdByEmail } from "../support/test-db";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
const routeFiles = fs
  .readdirSync(ROUTES_DIR)
  .filter((f) => /\.tsx?$/.test(f))
  .sort();
type RouteModule = { loader?: (args: unknown) => Promise<unknown>; action?: (args: unknown) => Promise<unknown> };

const accounts: (Account | null)[] = [...demoAccounts.map((a) => ({ email: a.email, role: a.role, place: a.municipality })), null];
const label = (a: Account | null) => a?.email ?? "anonymous";

/** The URL of a flat-route file name: dots are segments, `_index` and a trailing `_` add nothing, `$x` is a param. */
function urlOf(name: string, params: Record<string, string>, search = ""): string {
  const segments = name
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? params[s.slice(1)] : s.replace(/_$/, "")));
  return `/${segments.join("/")}${search}`;
}

function paramsOf(name: string, ctx: RouteContext): Record<string, string> {
  const own = routeAccess[name].params?.(ctx) ?? {};
  return name.includes("$programId") ? { programId: String(ctx.programId), ...own } : own;
}

/** Why an answer does not match the expectation, or null. */
function mismatch(expected: Expected, answer: Answer, wrote: boolean): string | null {
  const toLogin = answer.status === 302 && (answer.location ?? "").startsWith("/login");
  if (expected === "login")
    return toLogin
      ? wrote
        ? "wrote to the database"
        : null
      : `expected a redirect to /login, got ${answer.status} ${answer.location ?? ""}`;
  if (expected === "allowed") {
    if ([401, 403, 404].includes(answer.status) || answer.status >= 500) return `expected access, got ${answer.status}`;
    return null;
  }
  if (answer.status !== expected) return `expected ${expected}, got ${answer.status} ${answer.location ?? ""}`;
  return wrote ? `answered ${expected} but wrote to the database` : null;
}

describe("route × role authorization matrix", () => {
  let t: ReturnType<typeof useTestDatabase>;
  const modules = new Map<string, RouteModule>();
  const cookies = new Map<string, string>();
  let fixtures: ProgramFixture[] = [];
  const contexts = new Map<number, RouteContext>();
  let places: Record<Place, number>;
  let base: RouteContext;
  const counted = { cells: 0, routes: new Set<string>() };
  /** Heavy routes whose allowed call has run once (see `heavy` in route-access.ts). */
  const heavyDone = new Set<string>();

  const changes = () => (t.sqlite.prepare("SELECT total_changes() AS n").get() as { n: number }).n;

  async function contextOf(fx: ProgramFixture): Promise<RouteContext> {
    const first = async (kind: string) =>
      (
        await t.db
          .selectFrom("program_element")
          .select("id")
          .where("program_id", "=", fx.programId)
          .where("kind", "=", kind)
          .orderBy("position")
          .executeTakeFirstOrThrow()
      ).id;
    const consultations = await t.db
      .selectFrom("program_element")
      .select("data")
      .where("program_id", "=", fx.programId)
      .where("kind", "=", "consultations")
      .executeTakeFirstOrThrow();
    const versions = await t.db.selectFrom("program_version").select("id").where("program_id", "=", fx.programId).orderBy("id").execute();
    return {
      ...base,
      programId: fx.programId,
      municipalityId: fx.municipalityId,
      actionId: await first("action"),
      indicatorId: await first("indicator"),
      nodeId: await first("strategy_node"),
      meetingId: (JSON.parse(consultations.data) as { meetings: { id: string }[] }).meetings[0].id,
      versionIds: versions.map((v) => v.id),
    };
  }

  beforeAll(async () => {
    t = useTestDatabase();
    for (const file of routeFiles) modules.set(file.replace(/\.tsx?$/, ""), (await import(path.join(ROUTES_DIR, file))) as RouteModule);
    fixtures = await matrixPrograms(t.db);
    places = await municipalityIds(t.db);
    base = {
      programId: 0,
      municipalityId: places.kok,
      actionId: "",
      indicatorId: "",
      nodeId: "",
      meetingId: "",
      blockId: methodology.lens.blocks[0].id,
      versionIds: [],
      accountId: await userIdByEmail(t, "planner@kok-jaiyk.demo"),
    };
    for (const fx of fixtures) contexts.set(fx.programId, await contextOf(fx));
    for (const a of accounts) if (a) cookies.set(a.email, await cookieFor(a.email));
  }, 60_000);

  afterAll(async () => {
    console.log(
      `authorization matrix: ${counted.routes.size} route modules, ${accounts.length} roles, ${fixtures.length} programs, ${counted.cells} cells`,
    );
    await t?.close();
  });

  it("has an expectation for every loader and action in app/routes", () => {
    const problems: string[] = [];
    for (const [name, mod] of modules) {
      const entry = routeAccess[name];
      const file = `app/routes/${routeFiles.find((f) => f.replace(/\.tsx?$/, "") === name)}`;
      const classify =
        "add it to routeAccess in tests/support/route-access.ts with what it needs (public, user, admin, ministry, create, read, edit, comment, justify, finding or a transition)";
      if (!entry) {
        if (mod.loader || mod.action) problems.push(`${file} is not classified: ${classify}`);
        continue;
      }
      if (mod.loader && !entry.loader) problems.push(`${file} has a loader without an expectation: ${classify}`);
      if (mod.action && !entry.action) problems.push(`${file} has an action without an expectation: ${classify}`);
      if (!mod.loader && entry.loader) problems.push(`${file} has no loader, but route-access.ts expects one`);
      if (!mod.action && entry.action) problems.push(`${file} has no action, but route-access.ts expects one`);
    }
    for (const name of Object.keys(routeAccess))
      if (!modules.has(name)) problems.push(`route-access.ts lists ${name}, which is not in app/routes any more: remove it`);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  /** Every call of one account: [route, loader/action, need, body, target] → the answer it got vs the expected one. */
  async function cellsOf(account: Account | null): Promise<string[]> {
    const found: string[] = [];
    const cookie = account ? cookies.get(account.email)! : "";
    for (const [name, entry] of Object.entries(routeAccess)) {
      const mod = modules.get(name);
      if (!mod) continue;
      const calls: { kind: "loader" | "action"; variant: Variant }[] = [
        ...(entry.loader && mod.loader ? [{ kind: "loader" as const, variant: { need: entry.loader, body: {} } }] : []),
        ...(mod.action ? (entry.action ?? []).map((variant) => ({ kind: "action" as const, variant })) : []),
      ];
      const targets: { ctx: RouteContext; target?: { place: Place; status?: string; sent?: boolean }; what: string }[] =
        entry.scope === "program"
          ? fixtures.map((fx) => ({
              ctx: contexts.get(fx.programId)!,
              target: { place: fx.place, status: fx.status, sent: fx.sent },
              what: fx.name,
            }))
          : entry.scope === "municipality"
            ? (["kok", "other"] as const).map((place) => ({
                ctx: { ...base, municipalityId: places[place] },
                target: { place },
                what: place,
              }))
            : [{ ctx: base, what: "" }];
      for (const { kind, variant } of calls) {
        for (const { ctx, target, what } of targets) {
          const expected = expectedAnswer(account, variant.need as Need, target);
          const key = `${name} ${kind} ${variant.need}`;
          if (entry.heavy && expected === "allowed") {
            if (heavyDone.has(key)) continue;
            heavyDone.add(key);
          }
          const params = paramsOf(name, ctx);
          const url = urlOf(name, params, entry.search?.(ctx));
          const sessionCookie = account && entry.ownSession ? await cookieFor(account.email) : cookie;
          const request = kind === "loader" ? get(url, sessionCookie) : post(url, sessionCookie, variant.body);
          const before = changes();
          const where = `${name} ${kind}${Object.keys(variant.body).length ? " " + JSON.stringify(variant.body).slice(0, 60) : ""} ${what} (${variant.need})`;
          counted.cells++;
          counted.routes.add(name);
          try {
            const answer = await answerOf(mod[kind]!({ request, params, context: {} }));
            const wrong = mismatch(expected, answer, changes() !== before);
            if (wrong) found.push(`${where}: ${wrong}`);
          } catch (error) {
            found.push(`${where}: threw ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
    }
    return found;
  }

  for (const account of accounts) {
    it(`${label(account)}: every route answers as the permission map says`, { timeout: 150_000 }, async () => {
      const wrong = await cellsOf(account);
      expect(wrong, wrong.join("\n")).toEqual([]);
    });
  }
});
