/**
 * Bodies a browser would never send, answered 4xx before anything is parsed, with stored data
 * unchanged (issue #16, defects 1, 2, 7, 8): an index far beyond a list's maximum, a body over the
 * route's size, more fields than a form has, JSON on a form action, ids that name nothing.
 * Each is called on the route's action itself; the HTTP-level variants (with /healthz timed
 * alongside) are in hostile-http.test.ts.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { action as login } from "~/routes/login";
import { action as vulnerable } from "~/routes/programs.$programId.passport.vulnerable";
import { action as population } from "~/routes/programs.$programId.passport.population";
import { action as forecast } from "~/routes/programs.$programId.situation.forecast";
import { action as services } from "~/routes/programs.$programId.passport.services";
import { MAX_FORM_FIELDS } from "~/domain/form-bounds";
import { FORM_MAX_BYTES } from "~/http/read-form.server";
import { cookieFor } from "../support/requests";
import { useTestDatabase } from "../support/test-db";

type Action = (args: ActionFunctionArgs) => Promise<unknown>;

function rawPost(url: string, cookie: string, body: string, contentType = "application/x-www-form-urlencoded"): Request {
  return new Request(`http://localhost${url}`, { method: "POST", headers: { cookie, "Content-Type": contentType }, body });
}

/** What the action answered, thrown or returned, with how long it took. */
async function answer(run: Promise<unknown>): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  let response: Response;
  try {
    response = (await run) as Response;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  return { status: response.status, body: await response.text(), ms: performance.now() - started };
}

describe("hostile form bodies", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  let planner: string;
  const params = () => ({ programId: String(programId) });
  const elementOf = async (kind: string) =>
    t.db
      .selectFrom("program_element")
      .select(["data", "version"])
      .where("program_id", "=", programId)
      .where("kind", "=", kind)
      .executeTakeFirstOrThrow();
  const revisions = async () =>
    (
      await t.db
        .selectFrom("program_revision")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n;
  const post = (route: Action, path: string, body: string, contentType?: string) =>
    answer(route({ request: rawPost(`/programs/${programId}/${path}`, planner, body, contentType), params: params(), context: {} }));

  beforeEach(async () => {
    t = useTestDatabase();
    programId = (await t.db.selectFrom("program").select("id").where("title", "like", "Кок-Жайык%").executeTakeFirstOrThrow()).id;
    planner = await cookieFor("planner@kok-jaiyk.demo");
  });
  afterEach(() => t.close());

  it("answers an anonymous login with email[10000000] at once, echoing nothing", async () => {
    // `email` is not a list: the indexed name is dropped, so the form lacks its email (400).
    // One ordinary wrong login first: the timing is of a running server, not of loading modules.
    await answer(login({ request: rawPost("/login", "", "email=a%40b.c"), params: {}, context: {} }));
    for (const name of ["email[10000000]", "email[100000000]"]) {
      const reply = await answer(login({ request: rawPost("/login", "", `${name}=a%40b.c&password=x`), params: {}, context: {} }));
      expect(reply.status).toBe(400);
      expect(reply.ms).toBeLessThan(1000);
      expect(reply.body.length).toBeLessThan(500);
      expect(JSON.parse(reply.body).error.email).toEqual(["errors.required"]);
    }
  });

  it("refuses rows[100000] on a stage form before parsing, and stores nothing", async () => {
    const before = await elementOf("passport_vulnerable");
    const revisionsBefore = await revisions();
    const reply = await post(vulnerable, "passport/vulnerable", `version=${before.version}&rows[0].groupId=pwd&rows[100000].groupId=pwd`);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ reason: "tooManyRows", max: 60 });
    expect(reply.ms).toBeLessThan(1000);
    expect(await elementOf("passport_vulnerable")).toEqual(before);
    expect(await revisions()).toBe(revisionsBefore);
  });

  it("refuses a body over the route's size and more fields than any form has", async () => {
    const big = await post(vulnerable, "passport/vulnerable", `version=1&rows[0].note=${"я".repeat(FORM_MAX_BYTES)}`);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).reason).toBe("tooLarge");
    const many = await post(vulnerable, "passport/vulnerable", Array.from({ length: MAX_FORM_FIELDS + 1 }, (_, i) => `f${i}=1`).join("&"));
    expect(many.status).toBe(413);
    expect(JSON.parse(many.body).reason).toBe("tooManyFields");
  });

  it("answers JSON on a form action with 415, not 500", async () => {
    const reply = await post(vulnerable, "passport/vulnerable", JSON.stringify({ version: 1, rows: [] }), "application/json");
    expect(reply.status).toBe(415);
    const anonymous = await answer(login({ request: rawPost("/login", "", "{}", "application/json"), params: {}, context: {} }));
    expect(anonymous.status).toBe(415);
  });

  it("never echoes indexed fields the form does not have", async () => {
    const before = await elementOf("passport_vulnerable");
    const reply = await post(
      vulnerable,
      "passport/vulnerable",
      `version=${before.version}&rows[0].groupId=pwd&rows[0].total=x&zzz[59]=junk`,
    );
    expect(reply.status).toBe(400);
    expect(reply.body).not.toContain("zzz");
    expect(reply.body).not.toContain("junk");
  });

  it("refuses ids that name nothing and negative counts, with a field error and nothing stored", async () => {
    const cases: [Action, string, string, string][] = [
      [vulnerable, "passport/vulnerable", "passport_vulnerable", "rows[0].groupId=__proto__&rows[0].total=3"],
      [vulnerable, "passport/vulnerable", "passport_vulnerable", "rows[0].groupId=zzz&rows[0].total=3"],
      [forecast, "situation/forecast", "baseline_forecast", "rows.population.values.2025=100&rows.population.indicatorId=not-an-indicator"],
      [population, "passport/population", "passport_population", "villages[0].name=Кок-Жайык&villages[0].households=-1"],
      [population, "passport/population", "passport_population", "villages[0].name=Кок-Жайык&villages[0].byAge.0-2.m=%E2%88%921"],
      [services, "passport/services", "passport_services", "rows.tap_water.villageIds=nowhere"],
      [services, "passport/services", "passport_services", "rows.tap_water.groupsAffected=__proto__"],
    ];
    for (const [route, path, kind, fields] of cases) {
      const before = await t.db
        .selectFrom("program_element")
        .select(["data", "version"])
        .where("program_id", "=", programId)
        .where("kind", "=", kind)
        .executeTakeFirst();
      const reply = await post(route, path, `version=${before?.version ?? 0}&${fields}`);
      expect([reply.status, fields]).toEqual([400, fields]);
      expect(JSON.parse(reply.body).result.error).toBeTruthy();
      const after = await t.db
        .selectFrom("program_element")
        .select(["data", "version"])
        .where("program_id", "=", programId)
        .where("kind", "=", kind)
        .executeTakeFirst();
      expect(after).toEqual(before);
    }
  });

  it("still saves an ordinary form", async () => {
    const before = await elementOf("passport_vulnerable");
    const reply = await post(vulnerable, "passport/vulnerable", `version=${before.version}&rows[0].groupId=pwd&rows[0].total=12`);
    expect(reply.status).toBe(302);
    expect((await elementOf("passport_vulnerable")).version).toBe(before.version + 1);
  });
});
