/**
 * The baseline forecast page (stage 4): what the loader offers, a save, a bad number answered
 * with a field error and nothing stored, a stale form, and a deputy who may read but not save.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FORECAST_KIND, type ForecastData } from "~/domain/forecast";
import { action, loader } from "~/routes/programs.$programId.situation.forecast";
import { cookieFor, get, post, statusOf } from "../support/requests";
import { useTestDatabase } from "../support/test-db";

describe("baseline forecast page", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  const params = () => ({ programId: String(programId) });
  const url = () => `/programs/${programId}/situation/forecast`;
  const stored = async () => {
    const row = await t.db
      .selectFrom("program_element")
      .select(["data", "version"])
      .where("program_id", "=", programId)
      .where("kind", "=", FORECAST_KIND)
      .executeTakeFirstOrThrow();
    return { data: JSON.parse(row.data) as ForecastData, version: row.version };
  };
  const save = async (cookie: string, fields: Record<string, string>) =>
    action({ request: post(url(), cookie, fields), params: params(), context: {} });

  beforeEach(async () => {
    t = useTestDatabase();
    programId = (await t.db.selectFrom("program").select("id").where("title", "like", "Кок-Жайык%").executeTakeFirstOrThrow()).id;
  });
  afterEach(() => t.close());

  it("offers the template's indicators, the actual and program years and the outcome indicators to link", async () => {
    const data = await (
      await loader({ request: get(url(), await cookieFor("planner@kok-jaiyk.demo")), params: params(), context: {} })
    ).json();
    expect(data.rows.map((r: { id: string }) => r.id)).toEqual([
      "population",
      "households",
      "registered_unemployed",
      "individual_entrepreneurs",
      "livestock",
      "own_revenue",
      "drinking_water",
      "preschool",
    ]);
    expect(data.years).toEqual({
      actual: [2022, 2023, 2024],
      forecast: [2025, 2026, 2027, 2028, 2029],
      all: [2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029],
    });
    expect(data.indicators.find((i: { id: string }) => i.id === "ind-1-1-1a")?.label).toMatch(/^1\.1\.1\.a Коопсуз түтүк суусу/);
    // Output indicators are not offered: a forecast informs outcomes.
    expect(data.indicators.every((i: { id: string }) => i.id.startsWith("ind-"))).toBe(true);
    expect(data.defaultValue.rows.drinking_water.indicatorId).toBe("ind-1-1-1a");
    expect(data.canEdit).toBe(true);
  });

  it("saves the figures, the link and the assumptions in one new version", async () => {
    const before = await stored();
    const response = (await save(await cookieFor("planner@kok-jaiyk.demo"), {
      version: String(before.version),
      "rows.population.values.2024": "14860",
      "rows.population.values.2029": "15 920,5",
      "rows.preschool.values.2029": "27",
      "rows.preschool.indicatorId": "ind-1-2-1a",
      assumptions: "Калк жылына 1,4 %га өсөт.",
    })) as Response;
    expect(response.status).toBe(302);
    const after = await stored();
    expect(after.version).toBe(before.version + 1);
    expect(after.data.rows.population.values).toEqual({ 2024: 14860, 2029: 15920.5 });
    expect(after.data.rows.preschool).toEqual({ values: { 2029: 27 }, indicatorId: "ind-1-2-1a" });
    expect(after.data.assumptions).toBe("Калк жылына 1,4 %га өсөт.");
  });

  it("answers a word in a number cell with 400 and a field error, and stores nothing", async () => {
    const before = await stored();
    const response = (await save(await cookieFor("planner@kok-jaiyk.demo"), {
      version: String(before.version),
      "rows.population.values.2025": "көп",
    })) as Response;
    expect(response.status).toBe(400);
    const body = (await response.json()) as { result: { error: Record<string, string[]> } };
    expect(Object.keys(body.result.error)).toContain("rows.population.values.2025");
    expect(await stored()).toEqual(before);
  });

  it("answers a stale form with 409 and keeps the newer data", async () => {
    const before = await stored();
    const response = (await save(await cookieFor("planner@kok-jaiyk.demo"), {
      version: String(before.version - 1),
      "rows.population.values.2025": "1",
    })) as Response;
    expect(response.status).toBe(409);
    expect(await stored()).toEqual(before);
  });

  it("lets a deputy read the forecast but not save it", async () => {
    const deputy = await cookieFor("deputy@kok-jaiyk.demo");
    const data = await (await loader({ request: get(url(), deputy), params: params(), context: {} })).json();
    expect(data.canEdit).toBe(false);
    const before = await stored();
    expect(await statusOf(save(deputy, { version: String(before.version), "rows.population.values.2025": "1" }))).toBe(403);
    expect(await stored()).toEqual(before);
  });
});
