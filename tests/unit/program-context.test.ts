/**
 * ProgramContext (issue #18): the methodology projected once, in one language, and the plan
 * tables' totals rows that the page, the DOCX and the XLSX all print.
 */
import { describe, expect, it } from "vitest";
import { seedStrategy } from "../../db/demo/strategy";
import { annualPlan, financingMatrix } from "~/domain/financing";
import { levelsOf, methodologyFacts } from "~/domain/program-context";
import { programContextFrom } from "~/domain/program-context-build";
import { buildProgramData, type ProgramMeta } from "~/domain/program-data";
import { actionPlanGroups, actionPlanTotals, actionPlanTotalsRow, planLabelContext } from "~/domain/tables/action-plan";
import { annualPlanBySource, annualPlanTotalsRow, financingRows, financingTotalsRow, usedSourceIds } from "~/domain/tables/financing";
import { localize, methodology } from "~/methodology/templates.server";

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
const vision = (form: string): Row => ({
  id: "v",
  kind: "vision",
  parent_id: null,
  position: 0,
  version: 1,
  data: JSON.stringify({ text: "", form }),
});

describe("ProgramContext", () => {
  it("projects the methodology in the asked language, once per methodology", async () => {
    const data = await demo();
    const ky = programContextFrom(data, methodology, "ky");
    expect(ky.sourceIds).toEqual(methodology.reference.fundingSources.map((s) => s.id));
    expect(ky.sources.map((s) => s.label)).toEqual(methodology.reference.fundingSources.map((s) => localize(s.label, "ky")));
    expect(ky.sources.find((s) => s.id === "local")?.budgetKind).toBe("local");
    expect(ky.financing.sources.filter((s) => s.unidentified).map((s) => s.id)).toEqual(["other"]);
    expect(ky.financing.maxLocalShare).toBe(methodology.thresholds.affordability.maxLocalShareOfOwnRevenue);
    expect(ky.passport.budgetRows.map((r) => r.id)).toEqual(methodology.passport.budget.rows.map((r) => r.id));
    // The language-free facts are shared by every context of the methodology, not rebuilt.
    expect(programContextFrom(data, methodology, "en").financing).toBe(ky.financing);
    expect(methodologyFacts(methodology)).toBe(methodologyFacts(methodology));
  });

  it("takes the strategy form from the vision, the default one when the vision names none it knows", () => {
    const shape = {
      forms: [
        { id: "a", levels: 3 },
        { id: "b", levels: 2 },
      ],
      defaultForm: "a",
    };
    expect(levelsOf(buildProgramData(program, [vision("b")]), shape)).toBe(2);
    expect(levelsOf(buildProgramData(program, [vision("gone")]), shape)).toBe(3);
    expect(levelsOf(buildProgramData(program, []), shape)).toBe(3);
    const pc = programContextFrom(buildProgramData(program, [vision("priorities")]), methodology, "ru");
    expect(pc.chosenForm.id).toBe("priorities");
    expect(pc.levels).toBe(pc.chosenForm.levels.length);
  });

  it("labels plan tables from the context: sources and gender tags, the id when unknown", async () => {
    const pc = programContextFrom(await demo(), methodology, "ru");
    const labels = planLabelContext(pc, (k) => k);
    expect(labels.source("local")).toBe(localize(methodology.reference.fundingSources[0].label, "ru"));
    expect(labels.source("nope")).toBe("nope");
    expect(labels.genderTag("")).toBe("");
  });
});

describe("plan tables carry their totals rows", () => {
  it("T12: total cost, each source and the beneficiaries, by column id", async () => {
    const data = await demo();
    const rows = actionPlanGroups(data, 3).flatMap((g) => g.rows);
    const totals = actionPlanTotals(rows);
    expect(actionPlanTotalsRow(rows)).toEqual({
      totalCost: 95610,
      "source.local": 19860,
      "source.republican": 30640,
      "source.donor": 36540,
      "source.private": 4030,
      "source.community": 4540,
      benTotal: totals.beneficiaries.total,
      benWomen: totals.beneficiaries.women,
      benMen: totals.beneficiaries.men,
      benPwd: totals.beneficiaries.pwd,
    });
  });

  it("T13: each year and the whole plan, the sums of the matrix rows", async () => {
    const data = await demo();
    const matrix = financingMatrix(
      data,
      methodology.reference.fundingSources.map((s) => s.id),
    );
    const row = financingTotalsRow(matrix);
    const { rows } = financingRows(matrix);
    for (const y of matrix.years)
      expect(row[`y${y}`]).toBeCloseTo(
        rows.reduce((s, r) => s + (r.byYear[y] ?? 0), 0),
        6,
      );
    expect(row.total).toBeCloseTo(95610, 6);
  });

  it("the first year's plan: the year's amount and the sources it uses, template order first", async () => {
    const unfunded: Row = {
      id: "a-x",
      kind: "action",
      parent_id: null,
      position: 99,
      version: 1,
      data: JSON.stringify({
        title: "X",
        type: "measure",
        responsible: "",
        startYear: 2025,
        endYear: 2025,
        totalCost: 10,
        byYear: { "2025": 10 },
        funding: {},
        beneficiaries: {},
        tags: [],
      }),
    };
    const rows = annualPlan(await demo([unfunded]), 2025);
    const bySource = annualPlanBySource(rows);
    const ids = usedSourceIds(
      methodology.reference.fundingSources.map((s) => s.id),
      bySource,
    );
    expect(ids[ids.length - 1]).toBe("unidentified");
    expect(ids.every((id) => bySource[id] > 0)).toBe(true);
    const row = annualPlanTotalsRow(rows, ids);
    expect(row.amount).toBeCloseTo(
      rows.reduce((s, r) => s + r.amount, 0),
      6,
    );
    expect(ids.reduce((s, id) => s + row[`source.${id}`], 0)).toBeCloseTo(row.amount, 6);
  });
});
