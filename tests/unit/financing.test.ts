import { describe, expect, it } from "vitest";
import { seedStrategy } from "../../db/demo/strategy";
import { actionPlanCompleteness, actionProblems } from "~/domain/actions";
import {
  affordability,
  annualPlan,
  financingMatrix,
  financingPlan,
  nextBudgetActions,
  ownRevenueByYear,
  UNIDENTIFIED,
} from "~/domain/financing";
import { defaultFinancingContext, financingCompleteness, strategyCompleteness } from "../support/shipped-methodology";
import { buildProgramData, type ProgramMeta } from "~/domain/program-data";
import { actionPlanGroups, actionPlanTotals } from "~/domain/tables/action-plan";
import { financingRows } from "~/domain/tables/financing";

const program: ProgramMeta = {
  id: 1,
  title: "Demo",
  startYear: 2025,
  endYear: 2029,
  language: "ky",
  status: "draft",
  methodologyVersion: "x",
  municipality: { id: 1, nameRu: "", nameKy: "", kind: "aa", raion: "", oblast: "" },
};
type Row = { id: string; kind: string; parent_id: string | null; position: number; version: number; data: string };

async function demo(extra: Row[] = []) {
  const rows: Row[] = [];
  const pos = new Map<string, number>();
  await seedStrategy(async (kind, data, opts = {}) => {
    const id = opts.id ?? `${kind}-${rows.length}`;
    const key = `${kind}:${opts.parentId ?? ""}`;
    const position = pos.get(key) ?? 0;
    pos.set(key, position + 1);
    rows.push({ id, kind, parent_id: opts.parentId ?? null, position, version: 1, data: JSON.stringify(data) });
    return id;
  });
  return buildProgramData(program, [...rows, ...extra]);
}
const budget = (rows: Record<string, Record<string, number>>): Row => ({
  id: "b",
  kind: "passport_budget",
  parent_id: null,
  position: 0,
  version: 1,
  data: JSON.stringify({ rows }),
});
const ctx = defaultFinancingContext();
const ids = ctx.sources.map((s) => s.id);

describe("demo action plan (§7.6)", () => {
  it("reproduces the totals by source", async () => {
    const data = await demo();
    const groups = actionPlanGroups(data, 3);
    const totals = actionPlanTotals(groups.flatMap((g) => g.rows));
    expect(totals.count).toBe(12);
    expect(totals.totalCost).toBe(95610);
    expect(totals.bySource).toEqual({ local: 19860, republican: 30640, donor: 36540, private: 4030, community: 4540 });
    expect(groups.flatMap((g) => g.rows).filter((r) => actionProblems(r.action, data.program).length > 0)).toEqual([]);
    expect(groups[0].rows.map((r) => r.number)).toEqual(["1.1.1.1", "1.1.1.2"]);
    expect(actionPlanCompleteness(data)).toMatchObject({ done: 2, total: 2 });
    expect(strategyCompleteness(data)).toMatchObject({ done: 2, total: 2 });
  });
});

describe("financing matrix", () => {
  it("adds up to the actions' totals, by source, by year and overall", async () => {
    const data = await demo();
    const m = financingMatrix(data, ids);
    expect(m.total).toBeCloseTo(95610, 6);
    expect(m.bySource.local).toBeCloseTo(19860, 6);
    expect(m.bySource.republican).toBeCloseTo(30640, 6);
    expect(m.bySource.donor).toBeCloseTo(36540, 6);
    expect(m.bySource.private).toBeCloseTo(4030, 6);
    expect(m.bySource.community).toBeCloseTo(4540, 6);
    // Each year column = what the actions plan for that year.
    expect(m.byYear[2025]).toBeCloseTo(450 + 600 + 600 + 3100 + 50 + 120, 6);
    for (const y of m.years) expect(ids.reduce((t, s) => t + (m.cells[s]?.[y] ?? 0), 0)).toBeCloseTo(m.byYear[y], 6);
    // A1.1 (2026: 19 000 of 38 000, local 3 800) puts 1 900 of local money into 2026.
    const { rows, totals } = financingRows(m);
    expect(rows.map((r) => r.sourceId)).toEqual(["local", "republican", "donor", "private", "community"]);
    expect(totals.total).toBeCloseTo(95610, 6);
  });

  it("splits a year by the action's source shares and marks actions with no source as unidentified", () => {
    const rows: Row[] = [
      { id: "o", kind: "strategy_node", parent_id: null, position: 0, version: 1, data: JSON.stringify({ title: "o" }) },
      {
        id: "a",
        kind: "action",
        parent_id: "o",
        position: 0,
        version: 1,
        data: JSON.stringify({
          title: "a",
          startYear: 2025,
          endYear: 2026,
          totalCost: 100,
          funding: { local: 25, donor: 75 },
          byYear: { "2025": 40, "2026": 60 },
        }),
      },
      {
        id: "b",
        kind: "action",
        parent_id: "o",
        position: 1,
        version: 1,
        data: JSON.stringify({ title: "b", startYear: 2027, endYear: 2028, totalCost: 50, funding: {}, byYear: {} }),
      },
    ];
    const m = financingMatrix(buildProgramData(program, rows), ids);
    expect(m.cells.local[2025]).toBeCloseTo(10);
    expect(m.cells.donor[2026]).toBeCloseTo(45);
    // No split by year: spread evenly over the action's own years.
    expect(m.cells[UNIDENTIFIED][2027]).toBeCloseTo(25);
    expect(m.total).toBeCloseTo(150);
    expect(financingPlan(buildProgramData(program, rows), ctx).unidentified.share).toBeCloseTo(50 / 150);
  });
});

describe("affordability", () => {
  it("fails the demo in its peak year although the program average (≈ 18 % of 21 900) is within the limit", async () => {
    const data = await demo([
      budget({
        land_tax: { "2024": 6100 },
        property_tax: { "2024": 2400 },
        other_own: { "2024": 13400 },
        equalisation_grant: { "2024": 29800 },
      }),
    ]);
    const revenue = ownRevenueByYear(data, ctx.ownRevenueRowIds);
    expect(revenue[2025]).toEqual({ value: 21900, fromYear: 2024, carried: true });
    const a = affordability(financingMatrix(data, ids), ctx, revenue);
    expect(a.average.local).toBeCloseTo(3972, 6);
    expect(a.average.share).toBeCloseTo(3972 / 21900, 6);
    expect(a.average.over).toBe(false);
    // Rule 14 asks for "each year": one year over the limit is a failure, not a footnote.
    expect(a.overYears).toContain(2027);
    expect(a.overYears).toEqual(a.years.filter((y) => y.share !== null && y.share > ctx.maxLocalShare).map((y) => y.year));
    expect(a.passes).toBe(false);
    expect(financingCompleteness(data)).toEqual({
      done: 1,
      total: 2,
      summaryKey: "completeness.financingOver",
      params: { years: a.overYears.join(", "), count: a.overYears.length },
    });
  });

  it("passes when every year is within the limit", async () => {
    const data = await demo([budget({ land_tax: { "2025": 60000 } })]);
    const plan = financingPlan(data, ctx);
    expect(plan.affordability.overYears).toEqual([]);
    expect(plan.affordability.passes).toBe(true);
    expect(financingCompleteness(data)).toEqual({ done: 2, total: 2, summaryKey: "completeness.financing" });
  });

  it("is flagged when the local budget pays more than the threshold of own revenue", async () => {
    const data = await demo([budget({ land_tax: { "2025": 5000, "2026": 5000, "2027": 5000, "2028": 5000, "2029": 5000 } })]);
    const plan = financingPlan(data, ctx);
    expect(plan.affordability.average.over).toBe(true);
    expect(plan.affordability.passes).toBe(false);
    expect(plan.affordability.years.find((y) => y.year === 2025)).toMatchObject({ ownRevenue: 5000, carried: false });
    expect(financingCompleteness(data)).toMatchObject({ done: 1, total: 2 });
  });

  it("does not pass without any own-revenue figure", async () => {
    const plan = financingPlan(await demo(), ctx);
    expect(plan.affordability.missingRevenue).toBe(true);
    expect(plan.affordability.passes).toBe(false);
    expect(financingCompleteness(await demo())).toMatchObject({
      done: 1,
      summaryKey: "completeness.financingNoRevenue",
      params: { years: plan.affordability.missingRevenueYears.join(", ") },
    });
  });
});

describe("budget lists", () => {
  it("lists next year's measures and the first year's implementation plan", async () => {
    const data = await demo();
    const next = nextBudgetActions(data).map((a) => a.id);
    expect(next).toEqual(["act-a1-3b", "act-a1-4", "act-a2-1", "act-a3-1", "act-a4-1", "act-a4-2"]);
    const plan = annualPlan(data, 2025);
    expect(plan.reduce((t, a) => t + a.amount, 0)).toBeCloseTo(450 + 600 + 600 + 3100 + 50 + 120);
    const a31 = plan.find((a) => a.id === "act-a3-1")!;
    expect(a31.bySource.local).toBeCloseTo(1240);
    expect(annualPlan(data, 2028).map((a) => a.id)).toEqual(["act-a1-2", "act-a2-1", "act-a4-1"]);
  });
});
