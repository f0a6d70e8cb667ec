/**
 * Two editors open the same thing at the same version and both save: the first save wins, the
 * second gets 409 and the first one's data is what is stored. For every element form (through its
 * route's loader and action, as a browser would post it), the program title and a compliance
 * justification.
 */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cookieFor, get, post, statusOf } from "../support/requests";
import { useTestDatabase } from "../support/test-db";

type Json = Record<string, unknown>;
type Route = { loader: (a: unknown) => Promise<Response>; action: (a: unknown) => Promise<Response> };

const ROUTES = path.resolve(import.meta.dirname, "../../app/routes");
const route = async (name: string) => (await import(path.join(ROUTES, `${name}.tsx`))) as Route;

/** A form's default value as the fields a browser posts (Conform's names: `a.b`, `rows[0].x`; a ticked box is "on"). */
function toFields(value: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) value.forEach((v, i) => toFields(v, `${prefix}[${i}]`, out));
  else if (typeof value === "object") for (const [k, v] of Object.entries(value)) toFields(v, prefix ? `${prefix}.${k}` : k, out);
  else if (typeof value === "boolean") {
    if (value) out[prefix] = "on";
  } else out[prefix] = String(value);
  return out;
}

/**
 * Each editor's change, recognisable in the stored data: words appended to the first free-text field
 * (not an id or a choice); on a form of figures only, a figure of its own in the first figure field.
 */
function marked(fields: Record<string, string>, editor: "A" | "B"): { fields: Record<string, string>; token: string } {
  const free = (k: string) => !/id$/i.test(k);
  const text =
    Object.keys(fields).find((k) => free(k) && /\p{L}\s\p{L}/u.test(fields[k])) ??
    Object.keys(fields).find((k) => free(k) && /\p{L}{3}/u.test(fields[k]));
  if (text) return { fields: { ...fields, [text]: `${fields[text]} (editor ${editor})` }, token: `(editor ${editor})` };
  const figure = Object.keys(fields).find((k) => free(k) && k !== "version" && /^\d+$/.test(fields[k]));
  if (!figure) throw new Error("no field to change");
  const token = editor === "A" ? "97531" : "97532";
  return { fields: { ...fields, [figure]: token }, token };
}

/** The element forms: route file and which element it edits (the demo program's first action, indicator, node, meeting). */
const FORMS: { route: string; params?: (ids: Record<string, string>) => Record<string, string>; extra?: Record<string, string> }[] = [
  { route: "programs.$programId.startup" },
  { route: "programs.$programId.working-group" },
  { route: "programs.$programId.passport.general" },
  { route: "programs.$programId.passport.population" },
  { route: "programs.$programId.passport.economy" },
  { route: "programs.$programId.passport.budget" },
  { route: "programs.$programId.passport.services" },
  { route: "programs.$programId.passport.vulnerable" },
  { route: "programs.$programId.situation.narrative" },
  { route: "programs.$programId.situation.problems" },
  { route: "programs.$programId.situation.swot" },
  { route: "programs.$programId.situation.forecast" },
  { route: "programs.$programId.consultations_.$meetingId", params: (ids) => ({ meetingId: ids.meeting }) },
  { route: "programs.$programId.lens.$blockId", params: () => ({ blockId: "A" }) },
  { route: "programs.$programId.gender.harvard" },
  { route: "programs.$programId.gender.gaps" },
  { route: "programs.$programId.strategy._index" },
  { route: "programs.$programId.strategy.$nodeId", params: (ids) => ({ nodeId: ids.strategy_node }) },
  { route: "programs.$programId.actions.$actionId", params: (ids) => ({ actionId: ids.action }) },
  { route: "programs.$programId.indicators.$indicatorId", params: (ids) => ({ indicatorId: ids.indicator }) },
];

describe("two editors save the same version", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  let ids: Record<string, string>;
  let first: string;
  let second: string;

  beforeEach(async () => {
    t = useTestDatabase();
    const demo = await t.db.selectFrom("program").select("id").where("status", "=", "draft").orderBy("id").executeTakeFirstOrThrow();
    programId = demo.id;
    const rows = await t.db
      .selectFrom("program_element")
      .select(["kind", "id", "data"])
      .where("program_id", "=", programId)
      .orderBy("position")
      .execute();
    ids = {};
    for (const r of rows) ids[r.kind] ??= r.id;
    const consultations = rows.find((r) => r.kind === "consultations")!;
    ids.meeting = (JSON.parse(consultations.data) as { meetings: { id: string }[] }).meetings[0].id;
    first = await cookieFor("planner@kok-jaiyk.demo");
    second = await cookieFor("coordinator@kok-jaiyk.demo");
  });
  afterEach(async () => {
    await t.close();
  });

  for (const form of FORMS) {
    it(`${form.route}: the second save gets 409 and the first one's data stays`, async () => {
      const mod = await route(form.route);
      const params = { programId: String(programId), ...(form.params?.(ids) ?? {}) };
      const url = `/programs/${programId}/${form.route
        .split(".")
        .slice(2)
        .join("/")
        .replace(/\$\w+/, (p) => params[p.slice(1) as keyof typeof params])}`;
      const load = async (cookie: string) => (await (await mod.loader({ request: get(url, cookie), params, context: {} })).json()) as Json;
      // Both open the form at the same version.
      const [a, b] = [await load(first), await load(second)];
      expect(a.version).toBe(b.version);
      const fields = { ...toFields(a.defaultValue), version: String(a.version) };
      const [byA, byB] = [marked(fields, "A"), marked(fields, "B")];
      expect(JSON.stringify(a.defaultValue)).not.toContain(byA.token);
      const save = (cookie: string, body: Record<string, string>) => mod.action({ request: post(url, cookie, body), params, context: {} });

      expect(await statusOf(save(first, byA.fields))).toBe(302);
      expect(await statusOf(save(second, byB.fields))).toBe(409);

      const stored = JSON.stringify((await load(first)).defaultValue);
      expect(stored).toContain(byA.token);
      expect(stored).not.toContain(byB.token);
    });
  }

  it("program title: the second rename gets 409 and the first title stays", async () => {
    const mod = await route("programs.$programId.settings");
    const url = `/programs/${programId}/settings`;
    const params = { programId: String(programId) };
    const load = async (cookie: string) => (await (await mod.loader({ request: get(url, cookie), params, context: {} })).json()) as Json;
    const [a, b] = [await load(first), await load(second)];
    expect(a.version, "the settings page must give the program's version to the form (defect 9)").toBeDefined();
    expect(a.version).toBe(b.version);
    const rename = (cookie: string, title: string) =>
      mod.action({ request: post(url, cookie, { intent: "rename", title, version: String(a.version) }), params, context: {} });
    expect(await statusOf(rename(first, "Title by editor A"))).toBe(302);
    expect(await statusOf(rename(second, "Title by editor B"))).toBe(409);
    const row = await t.db.selectFrom("program").select("title").where("id", "=", programId).executeTakeFirstOrThrow();
    expect(row.title).toBe("Title by editor A");
  });

  it("compliance justification: the second save gets 409 and the first text stays", async () => {
    const mod = await route("programs.$programId.check");
    const url = `/programs/${programId}/check`;
    const params = { programId: String(programId) };
    const load = async (cookie: string) =>
      (await (await mod.loader({ request: get(url, cookie), params, context: {} })).json()) as {
        rules: { id: string; justification: { text: string; version?: number } | null; version?: number }[];
      };
    const [a, b] = [await load(first), await load(second)];
    const rule = a.rules[0];
    // The version the form carries: the justification's (0 when there is none yet).
    const versionOf = (r: (typeof a.rules)[number]) => r.justification?.version ?? r.version ?? 0;
    expect(versionOf(rule)).toBe(versionOf(b.rules[0]));
    const justify = (cookie: string, text: string) =>
      mod.action({
        request: post(url, cookie, { intent: "justify", ruleId: rule.id, text, version: String(versionOf(rule)) }),
        params,
        context: {},
      });
    expect(await statusOf(justify(first, "Justified by editor A"))).toBe(302);
    expect(await statusOf(justify(second, "Justified by editor B"))).toBe(409);
    const row = await t.db
      .selectFrom("compliance_justification")
      .select("text")
      .where("program_id", "=", programId)
      .where("rule_id", "=", rule.id)
      .executeTakeFirstOrThrow();
    expect(row.text).toBe("Justified by editor A");
  });
});
