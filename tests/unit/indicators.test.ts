import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod";
import {
  indicatorDataFromForm,
  indicatorFormSchema,
  indicatorNumbers,
  indicatorsByParent,
  isCompleteOutcome,
  type IndicatorData,
} from "~/domain/indicators";
import { indicatorParents, indicatorsCompleteness, meMatrixRows, objectivesMissingIndicator } from "../support/shipped-methodology";
import { groupComposition, reviewCompleteness, riskScore } from "~/domain/monitoring";
import { buildProgramData, type ProgramMeta } from "~/domain/program-data";
import { numbering } from "~/domain/strategy-tree";
import { meMatrixTable } from "~/domain/tables/me-matrix";

const program: ProgramMeta = {
  id: 1,
  title: "Test",
  startYear: 2025,
  endYear: 2029,
  language: "ky",
  status: "draft",
  methodologyVersion: "kg-2024.1",
  municipality: { id: 1, nameRu: "М", nameKy: "М", kind: "aiyl_aimak", raion: "R", oblast: "O" },
};
let pos = 0;
const el = (id: string, kind: string, parentId: string | null, data: unknown) => ({
  id,
  kind,
  parent_id: parentId,
  position: pos++,
  version: 1,
  data: JSON.stringify(data),
});
const node = (id: string, parent: string | null, title = id) =>
  el(id, "strategy_node", parent, { title, nationalPrograms: [], priorityIds: [], problemIds: [] });
const outcome = (over: Partial<IndicatorData> = {}): IndicatorData => ({
  type: "outcome",
  name: "Safe water, %",
  unit: "%",
  baselineValue: 76.4,
  baselineYear: 2024,
  targets: { "2029": 100 },
  bySex: false,
  targetsWomen: {},
  targetsMen: {},
  source: "AO records",
  ...over,
});

function tree(extra: ReturnType<typeof el>[] = []) {
  pos = 0;
  return buildProgramData(program, [
    node("dir-1", null),
    node("goal-1-1", "dir-1"),
    node("obj-1-1-1", "goal-1-1"),
    node("obj-1-1-2", "goal-1-1"),
    el("act-1", "action", "obj-1-1-1", { title: "Water pipe", totalCost: 38000 }),
    ...extra,
  ]);
}

const schema = indicatorFormSchema({ startYear: 2025, endYear: 2029, parentIds: ["obj-1-1-1", "act-1"], frequencies: ["annual"] });
const form = (entries: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries({ version: "0", parentId: "obj-1-1-1", name: "Safe water", unit: "%", ...entries })) fd.append(k, v);
  return parseWithZod(fd, { schema });
};
/** Field errors of a failed submission (the Submission type only exposes them on "error"). */
const errors = (s: ReturnType<typeof form>) => (s.status === "error" ? s.error : undefined) ?? {};

describe("indicator form", () => {
  it("accepts a complete outcome indicator and keeps the year targets", () => {
    const s = form({
      baselineValue: "76.4",
      baselineYear: "2024",
      "targets.2029": "100",
      "targets.2027": "90",
      source: "AO",
      frequency: "annual",
    });
    expect(s.status).toBe("success");
    if (s.status !== "success") return;
    const d = indicatorDataFromForm(s.value, "outcome", [2025, 2026, 2027, 2028, 2029]);
    expect(d.targets).toEqual({ "2027": 90, "2029": 100 });
    expect(d.targetsWomen).toEqual({});
    expect(isCompleteOutcome(d, 2029)).toBe(true);
  });

  it("rejects a baseline year after the program start or more than 10 years before", () => {
    for (const year of ["2026", "2014"]) {
      const s = form({ baselineValue: "1", baselineYear: year });
      expect(s.status).toBe("error");
      expect(errors(s).baselineYear?.[0]).toMatch(/^monitoring:errors\.baselineYear\|/);
    }
    expect(form({ baselineValue: "1", baselineYear: "2015", "targets.2029": "5" }).status).toBe("success");
  });

  it("rejects a target that is not a number", () => {
    const s = form({ "targets.2029": "lots" });
    expect(s.status).toBe("error");
    expect(errors(s)["targets.2029"]).toEqual(["errors.notNumber"]);
  });

  it("requires the target for the last program year", () => {
    const s = form({ baselineValue: "1", baselineYear: "2024", "targets.2027": "3" });
    expect(s.status).toBe("error");
    expect(errors(s)["targets.2029"]).toEqual([`monitoring:errors.finalTarget|${JSON.stringify({ year: 2029 })}`]);
  });

  it("requires the women and men baselines and last-year targets when the indicator is by sex", () => {
    const s = form({ bySex: "on", baselineValue: "24", baselineYear: "2024", "targets.2029": "18" });
    expect(s.status).toBe("error");
    expect(errors(s).baselineWomen).toEqual(["monitoring:errors.bySexBaseline"]);
    expect(errors(s).baselineMen).toEqual(["monitoring:errors.bySexBaseline"]);
    const finalTarget = [`monitoring:errors.bySexFinalTarget|${JSON.stringify({ year: 2029 })}`];
    expect(errors(s)["targetsWomen.2029"]).toEqual(finalTarget);
    expect(errors(s)["targetsMen.2029"]).toEqual(finalTarget);
    // Women's target given, men's missing: still refused, the error next to the men's field only.
    const noMen = form({
      bySex: "on",
      baselineValue: "24",
      baselineYear: "2024",
      baselineWomen: "31",
      baselineMen: "17",
      "targets.2029": "18",
      "targetsWomen.2029": "22",
    });
    expect(noMen.status).toBe("error");
    expect(Object.keys(errors(noMen))).toEqual(["targetsMen.2029"]);
    const ok = form({
      bySex: "on",
      baselineValue: "24",
      baselineYear: "2024",
      baselineWomen: "31",
      baselineMen: "17",
      "targets.2029": "18",
      "targetsWomen.2029": "22",
      "targetsMen.2029": "14",
    });
    expect(ok.status).toBe("success");
    if (ok.status === "success")
      expect(indicatorDataFromForm(ok.value, "outcome", [2029])).toMatchObject({
        targetsWomen: { "2029": 22 },
        targetsMen: { "2029": 14 },
      });
  });

  it("only attaches to objectives and actions of the program", () => {
    expect(form({ parentId: "goal-1-1" }).status).toBe("error");
    expect(form({ parentId: "act-1", "targets.2029": "1" }).status).toBe("success");
  });
});

describe("indicator parents and completeness", () => {
  it("lists objectives (outcome) followed by their actions (output), numbered", () => {
    const parents = indicatorParents(tree());
    expect(parents.map((p) => [p.id, p.type, p.number])).toEqual([
      ["obj-1-1-1", "outcome", "1.1.1"],
      ["act-1", "output", "1.1.1.1"],
      ["obj-1-1-2", "outcome", "1.1.2"],
    ]);
  });

  it("counts objectives with a complete outcome indicator", () => {
    expect(indicatorsCompleteness(buildProgramData(program, []))).toMatchObject({
      done: 0,
      total: 1,
      summaryKey: "completeness.indicatorsNoObjectives",
    });
    const incomplete = tree([el("i1", "indicator", "obj-1-1-1", outcome({ source: undefined }))]);
    expect(indicatorsCompleteness(incomplete)).toMatchObject({ done: 0, total: 2 });
    const half = tree([el("i1", "indicator", "obj-1-1-1", outcome())]);
    expect(indicatorsCompleteness(half)).toMatchObject({ done: 1, total: 2, summaryKey: "completeness.indicators" });
    expect(objectivesMissingIndicator(half).map((o) => o.element.id)).toEqual(["obj-1-1-2"]);
    // An output indicator or a target for a year other than the last does not count.
    const wrong = tree([
      el("i1", "indicator", "obj-1-1-1", outcome({ targets: { "2028": 100 } })),
      el("i2", "indicator", "obj-1-1-2", outcome({ type: "output" })),
    ]);
    expect(indicatorsCompleteness(wrong).done).toBe(0);
    const full = tree([el("i1", "indicator", "obj-1-1-1", outcome()), el("i2", "indicator", "obj-1-1-2", outcome())]);
    expect(indicatorsCompleteness(full)).toMatchObject({ done: 2, total: 2 });
  });

  it("builds the T14 matrix rows and columns from the indicators", () => {
    const data = tree([
      el(
        "i1",
        "indicator",
        "obj-1-1-1",
        outcome({
          bySex: true,
          baselineValue: 24,
          baselineWomen: 31,
          baselineMen: 17,
          targetsWomen: { "2029": 22 },
          targetsMen: { "2029": 14 },
          targets: { "2029": 18 },
        }),
      ),
      el("i2", "indicator", "act-1", { ...outcome(), type: "output", name: "People connected", unit: "people", frequency: "annual" }),
    ]);
    expect(indicatorNumbers(data)).toEqual({ i1: "1.1.1.a", i2: "1.1.1.1.a" });
    const table = meMatrixTable(data.program);
    expect(table.columns.filter((c) => c.id.startsWith("target-")).map((c) => c.headerParams?.year)).toEqual([
      2025, 2026, 2027, 2028, 2029,
    ]);
    const ctx = {
      t: (k: string) => ({ "monitoring:matrix.womenShort": "W", "monitoring:matrix.menShort": "M" })[k] ?? k,
      frequency: (id: string) => `freq:${id}`,
      lang: "en" as const,
    };
    const rows = meMatrixRows(data);
    const cell = (row: number, id: string) => table.columns.find((c) => c.id === id)!.accessor(rows[row], ctx);
    expect(cell(0, "baseline")).toBe("24 (W 31 / M 17)");
    expect(cell(0, "target-2029")).toBe("18 (W 22 / M 14)");
    expect(cell(0, "target-2026")).toBe(null);
    expect(cell(1, "type")).toBe("monitoring:type.output");
    expect(cell(1, "frequency")).toBe("freq:annual");
    // The indicators page passes what it already computed: the same rows come out.
    const treeNumbers = numbering(data);
    const byParent = indicatorsByParent(data);
    const parents = indicatorParents(data, treeNumbers);
    expect(parents).toEqual(indicatorParents(data));
    expect(indicatorNumbers(data, byParent, treeNumbers)).toEqual(indicatorNumbers(data));
    expect(meMatrixRows(data, { parents, byParent, numbers: indicatorNumbers(data, byParent, treeNumbers) })).toEqual(rows);
  });
});

describe("monitoring group and risks", () => {
  it("counts the group's composition and the review completeness", () => {
    const members = [
      { name: "A", sex: "f" as const, group: "pwd" },
      { name: "B", sex: "m" as const, group: "youth" },
      { name: "C", sex: "f" as const },
    ];
    expect(groupComposition({ members })).toMatchObject({ total: 3, women: 2, pwd: 1, youth: 1 });
    pos = 0;
    const none = buildProgramData(program, []);
    expect(reviewCompleteness(none)).toMatchObject({ done: 0, total: 3 });
    const some = buildProgramData(program, [
      el("m", "monitoring", null, { members, reportingFrequency: "annual" }),
      el("r", "risks", null, { rows: [] }),
    ]);
    expect(reviewCompleteness(some).done).toBe(2);
    const all = buildProgramData(program, [
      el("m", "monitoring", null, { members, reportingFrequency: "annual" }),
      el("r", "risks", null, {
        rows: [{ id: "r1", risk: "No donor", probability: "medium", impact: "high", mitigation: "Two donors", owner: "Head" }],
      }),
    ]);
    expect(reviewCompleteness(all).done).toBe(3);
    expect(riskScore({ probability: "medium", impact: "high" })).toBe(6);
  });
});
