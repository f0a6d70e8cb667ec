import { describe, expect, it } from "vitest";
import { budgetYears } from "~/domain/passport";
import { vulnerableFlags } from "~/domain/passport-vulnerable";
import {
  budgetFormSchema,
  budgetTotals,
  economyFlags,
  ownRevenueForecast,
  passportCompleteness,
  populationFlags,
  populationFormSchema,
  populationTotals,
} from "../support/shipped-methodology";
import { buildProgramData, type ProgramMeta } from "~/domain/program-data";
import { methodology } from "~/methodology/templates.server";
import { populationTable } from "~/domain/tables/passport-population";

const program: ProgramMeta = {
  id: 1,
  title: "P",
  startYear: 2025,
  endYear: 2029,
  language: "ky",
  status: "draft",
  methodologyVersion: "x",
  municipality: { id: 1, nameRu: "A", nameKy: "A", kind: "aa", raion: "R", oblast: "O" },
};
const withElements = (els: { kind: string; data: unknown }[]) =>
  buildProgramData(
    program,
    els.map((e, i) => ({ id: `e${i}`, kind: e.kind, parent_id: null, position: i, version: 1, data: JSON.stringify(e.data) })),
  );

const bands = ["a", "b"];
const population = {
  villages: [
    { id: "v1", name: "One", households: 10, femaleHeaded: 2, byAge: { a: { m: 5, f: 4 }, b: { m: 10, f: 11 } }, totalEntered: 30 },
    { id: "v2", name: "Two", households: 3, femaleHeaded: 4, byAge: { a: { m: 1 }, b: { f: 2 } }, totalEntered: 4 },
  ],
  officialTotal: 30,
};

describe("population (T2)", () => {
  it("computes village, band, sex and grand totals", () => {
    const t = populationTotals(population, bands);
    expect(t.villages.map((v) => [v.total, v.m, v.f])).toEqual([
      [30, 15, 15],
      [3, 1, 2],
    ]);
    expect(t.byBand).toEqual({ a: { m: 6, f: 4, total: 10 }, b: { m: 10, f: 13, total: 23 } });
    expect([t.total, t.m, t.f, t.households, t.femaleHeaded]).toEqual([33, 16, 17, 13, 6]);
  });

  it("works on live form strings too", () => {
    expect(populationTotals({ villages: [{ id: "x", name: "X", byAge: { a: { m: "7" as never, f: "" as never } } }] }, bands).total).toBe(
      7,
    );
  });

  it("flags a typed village total that differs, female-headed over households and a sum over the official total", () => {
    const flags = populationFlags(population, bands);
    expect(flags).toContainEqual({ type: "villageTotal", villageId: "v2", name: "Two", entered: 4, computed: 3 });
    expect(flags).toContainEqual({ type: "femaleHeadedOverHouseholds", villageId: "v2", name: "Two" });
    expect(flags).toContainEqual({ type: "overOfficial", sum: 33, official: 30 });
    expect(flags.some((f) => f.type === "villageTotal" && f.villageId === "v1")).toBe(false);
  });

  it("the table definition shows computed totals in the footer", () => {
    const ctx = {
      generalFields: [],
      ageBands: bands.map((id) => ({ id, label: id })),
      vulnerableGroups: [],
      economyRows: [],
      serviceRows: [],
      budgetRows: [],
      villages: [],
    };
    const table = populationTable(population, ctx);
    const total = table.columns.find((c) => c.id === "total")!;
    expect(table.rows.map((r) => total.accessor(r))).toEqual([30, 3]);
    expect(total.accessor(table.footer[0])).toBe(33);
    expect(table.columns.map((c) => c.id)).toContain("a.m");
  });

  it("rejects a negative count and text in a number field", () => {
    const r = populationFormSchema(bands).safeParse({
      version: 0,
      villages: [{ name: "X", households: -1, byAge: { a: { m: Number.NaN }, b: {} } }],
    });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages["villages.0.households"]).toBe("errors.negative");
    expect(messages["villages.0.byAge.a.m"]).toBe("errors.notWholeNumber");
  });
});

describe("vulnerable groups (T3) and economy (T4) flags", () => {
  it("flags men + women ≠ total and children over total", () => {
    const flags = vulnerableFlags({
      rows: [
        { id: "r1", groupId: "pwd", total: 448, male: 241, female: 207, children: 97 },
        { id: "r2", groupId: "elderly", total: 100, male: 40, female: 50 },
        { id: "r3", groupId: "low_income", total: 412, children: 1890 },
        { id: "r4", groupId: "large_families", total: 530 },
      ],
    });
    expect(flags).toEqual([
      { type: "sexSum", rowId: "r2", index: 1, sum: 90, total: 100 },
      { type: "childrenOverTotal", rowId: "r3", index: 2 },
    ]);
  });

  it("checks the sex split only on rows split by sex", () => {
    const rows = [
      { id: "active", bySex: true },
      { id: "cattle", bySex: false },
    ];
    expect(economyFlags({ rows: { active: { total: 10, men: 4, women: 5 }, cattle: { total: 10, men: 1 } } }, rows)).toEqual([
      { type: "sexSum", rowId: "active", sum: 9, total: 10 },
    ]);
  });
});

describe("budget (T6)", () => {
  const rows = [
    { id: "land_tax", group: "revenue", ownRevenue: true },
    { id: "property_tax", group: "revenue", ownRevenue: true },
    { id: "equalisation_grant", group: "revenue", ownRevenue: false },
    { id: "expenditure_total", group: "expenditure", ownRevenue: false },
  ];
  it("years are three actuals before the start and the program years", () => {
    expect(budgetYears(program)).toEqual({
      actual: [2022, 2023, 2024],
      forecast: [2025, 2026, 2027, 2028, 2029],
      all: [2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029],
    });
  });

  it("sums own revenue, all revenue and the balance per year", () => {
    const data = {
      rows: {
        land_tax: { 2024: 6100 },
        property_tax: { 2024: 2400 },
        equalisation_grant: { 2024: 29800 },
        expenditure_total: { 2024: 37000 },
      },
    };
    const t = budgetTotals(data, [2024, 2025], rows);
    expect(t.own).toEqual({ 2024: 8500, 2025: 0 });
    expect(t.revenue[2024]).toBe(38300);
    expect(t.balance[2024]).toBe(1300);
  });

  it("ownRevenueForecast sums own-revenue rows for the years that have them", () => {
    const data = withElements([
      {
        kind: "passport_budget",
        data: { rows: { land_tax: { 2024: 6100, 2025: 6283 }, property_tax: { 2025: 2472 }, equalisation_grant: { 2026: 30000 } } },
      },
    ]);
    expect(ownRevenueForecast(data, rows)).toEqual({ 2024: 6100, 2025: 8755 });
    expect(ownRevenueForecast(withElements([]))).toEqual({});
    // Default rows come from templates/passport.json.
    expect(ownRevenueForecast(data)).toEqual({ 2024: 6100, 2025: 8755 });
  });

  it("the form accepts the year columns and rejects negative amounts", () => {
    const schema = budgetFormSchema([2024], ["land_tax"]);
    expect(schema.safeParse({ version: 0, rows: { land_tax: { 2024: 6100.5 } } }).success).toBe(true);
    expect(schema.safeParse({ version: 0, rows: { land_tax: { 2024: -1 } } }).success).toBe(false);
  });
});

describe("passport completeness", () => {
  it("counts the filled tables out of 6", () => {
    expect(passportCompleteness(withElements([]))).toEqual({ done: 0, total: 6, summaryKey: "completeness.passport" });
    const data = withElements([
      { kind: "passport_population", data: { villages: [{ id: "v", name: "V", byAge: { "0-2": { m: 3 } } }] } },
      { kind: "passport_vulnerable", data: { rows: [{ id: "r", groupId: "pwd", total: 3 }] } },
      { kind: "passport_budget", data: { rows: { land_tax: {} } } },
    ]);
    expect(passportCompleteness(data).done).toBe(2);
  });
});

describe("demo seed (§7.1)", async () => {
  const { seedPassport } = await import("../../db/demo/passport");
  const { seedWorkingGroup } = await import("../../db/demo/working-group");
  const { generalFormSchema } = await import("../support/shipped-methodology");
  const { vulnerableFormSchema } = await import("~/domain/passport-vulnerable");
  const { economyFormSchema } = await import("../support/shipped-methodology");
  const { servicesFormSchema } = await import("~/domain/passport-services");
  const { workingGroupFormSchema, compositionCheck } = await import("~/domain/working-group");
  const els: { kind: string; data: any }[] = [];
  const add = async (kind: string, data: unknown) => {
    els.push({ kind, data: JSON.parse(JSON.stringify(data)) });
    return kind;
  };
  await seedPassport(add);
  await seedWorkingGroup(add);
  const get = (kind: string) => els.find((e) => e.kind === kind)!.data;

  it("population matches the village table and the sex totals", () => {
    const t = populationTotals(get("passport_population"));
    expect([t.total, t.m, t.f, t.households, t.femaleHeaded]).toEqual([14860, 7349, 7511, 3310, 610]);
    expect(t.villages.map((v) => v.total)).toEqual([5120, 3480, 2760, 2150, 1350]);
    expect(populationFlags(get("passport_population"))).toEqual([]);
  });

  it("every table parses with its form schema and has no flags", () => {
    const v = { version: 0 };
    expect(generalFormSchema().safeParse({ ...v, ...get("passport_general") }).success).toBe(true);
    expect(populationFormSchema().safeParse({ ...v, ...get("passport_population") }).success).toBe(true);
    const groupIds = methodology.reference.vulnerableGroups.map((g) => g.id);
    expect(vulnerableFormSchema(groupIds).safeParse({ ...v, ...get("passport_vulnerable") }).success).toBe(true);
    expect(economyFormSchema().safeParse({ ...v, ...get("passport_economy") }).success).toBe(true);
    const villageIds = (get("passport_population") as { villages: { id: string }[] }).villages.map((x) => x.id);
    const serviceRows = methodology.passport.services.rows.map((r) => r.id);
    expect(servicesFormSchema(serviceRows, { villageIds, groupIds }).safeParse({ ...v, ...get("passport_services") }).success).toBe(true);
    expect(budgetFormSchema(budgetYears(program).all).safeParse({ ...v, ...get("passport_budget") }).success).toBe(true);
    expect(workingGroupFormSchema.safeParse({ ...v, ...get("working_group") }).success).toBe(true);
    expect(vulnerableFlags(get("passport_vulnerable"))).toEqual([]);
    expect(economyFlags(get("passport_economy"))).toEqual([]);
  });

  it("budget 2024 and own revenue growth, a complete passport, a balanced working group", () => {
    const data = withElements(els);
    const own = ownRevenueForecast(data);
    expect(own[2024]).toBe(21900);
    expect(own[2029] / own[2024]).toBeCloseTo(1.03 ** 5, 2);
    expect(budgetTotals(get("passport_budget"), [2024]).revenue[2024]).toBe(58400);
    expect(passportCompleteness(data).done).toBe(6);
    const c = compositionCheck(get("working_group").members, { minWomenShare: 0.4, minYouthShare: 0.1, minPwdMembers: 1, youthMaxAge: 29 });
    expect(c.total).toBe(12);
    expect(c.ok).toBe(true);
  });
});
