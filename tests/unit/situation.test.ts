import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { parseWithZod } from "@conform-to/zod";
import { parseStageForm } from "~/domain/form-values";
import { buildProgramData, type ProgramMeta } from "~/domain/program-data";
import {
  narrativeFormSchema,
  narrativeToData,
  problemsByRank,
  problemsFormSchema,
  rankProblems,
  situationCompleteness,
  situationParts,
} from "~/domain/situation";
import { problemsTable, problemTableRows, swotTableRows } from "~/domain/tables/problems";
import { problemsOf } from "~/domain/element-kinds";
import { seedSituation } from "../../db/demo/situation";

const meta: ProgramMeta = {
  id: 1,
  title: "T",
  startYear: 2025,
  endYear: 2029,
  language: "ky",
  status: "draft",
  methodologyVersion: "x",
  municipality: { id: 1, nameRu: "", nameKy: "", kind: "aiyl_aimak", raion: "", oblast: "" },
};
function program(elements: { kind: string; data: unknown }[]) {
  return buildProgramData(
    meta,
    elements.map((e, i) => ({ id: `e${i}`, kind: e.kind, parent_id: null, position: i, version: 1, data: JSON.stringify(e.data) })),
  );
}
const p = (id: string, priorityScore?: number | null) => ({ id, priorityScore });

describe("rankProblems", () => {
  it("ranks the highest score first and keeps the table order", () => {
    const ranked = rankProblems([p("a", 10), p("b", 50), p("c", 30)]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ["a", 3],
      ["b", 1],
      ["c", 2],
    ]);
  });
  it("breaks ties by table order: ranks are never shared", () => {
    expect(rankProblems([p("a", 20), p("b", 40), p("c", 20)]).map((r) => r.rank)).toEqual([2, 1, 3]);
  });
  it("leaves rows without a score unranked, zero is a score", () => {
    expect(rankProblems([p("a"), p("b", 0), p("c", null), p("d", 5)]).map((r) => r.rank)).toEqual([null, 2, null, 1]);
  });
  it("does not reorder or change the input", () => {
    const rows = [p("a", 1), p("b", 2)];
    rankProblems(rows);
    expect(rows).toEqual([p("a", 1), p("b", 2)]);
    expect(rankProblems([])).toEqual([]);
  });
  it("problemsByRank lists ranked rows first, unranked last in table order", () => {
    expect(problemsByRank([p("a"), p("b", 3), p("c"), p("d", 9)]).map((r) => r.id)).toEqual(["d", "b", "a", "c"]);
  });
});

describe("problems form", () => {
  const schema = problemsFormSchema({ sectorIds: ["water", "education"], villageIds: ["v1", "v2"], groupIds: ["women"] });
  const fd = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [k, v] of entries) data.append(k, v);
    return data;
  };
  const form = (entries: [string, string][]) => parseWithZod(fd(entries), { schema });
  it("accepts checkbox lists and an empty score", () => {
    const s = form([
      ["version", "0"],
      ["rows[0].title", "Суу жок"],
      ["rows[0].sectorId", "water"],
      ["rows[0].villageIds", "v1"],
      ["rows[0].villageIds", "v2"],
      ["rows[0].priorityScore", ""],
    ]);
    expect(s.status).toBe("success");
    if (s.status === "success") expect(s.value.rows[0]).toMatchObject({ villageIds: ["v1", "v2"], groups: [], priorityScore: undefined });
  });
  it("refuses a negative or fractional score and an unknown sector or village", () => {
    const s = form([
      ["version", "0"],
      ["rows[0].title", "x"],
      ["rows[0].sectorId", "mars"],
      ["rows[0].villageIds", "v9"],
      ["rows[0].priorityScore", "-1"],
      ["rows[1].title", "y"],
      ["rows[1].sectorId", "water"],
      ["rows[1].priorityScore", "2.5"],
    ]);
    expect(s.status).toBe("error");
    const errors = s.reply().error!;
    expect(errors["rows[0].sectorId"]).toEqual(["errors.choose"]);
    expect(errors["rows[0].villageIds[0]"]).toEqual(["errors.choose"]);
    expect(errors["rows[0].priorityScore"]).toEqual(["errors.negative"]);
    expect(errors["rows[1].priorityScore"]).toBeDefined();
  });
  it("tells a fractional or written score it must be a whole number, as the hint says, in every language", () => {
    const s = parseStageForm(
      fd([
        ["version", "0"],
        ["rows[0].title", "x"],
        ["rows[0].priorityScore", "12,5"],
        ["rows[1].title", "y"],
        ["rows[1].priorityScore", "много"],
      ]),
      schema,
    );
    expect(s.status).toBe("error");
    const errors = s.reply().error!;
    expect(errors["rows[0].priorityScore"]).toEqual(["errors.notWholeNumber"]);
    expect(errors["rows[1].priorityScore"]).toEqual(["errors.notWholeNumber"]);
    const locale = (lang: string, ns: string) => JSON.parse(fs.readFileSync(`app/i18n/locales/${lang}/${ns}.json`, "utf8"));
    for (const [lang, words] of [
      ["ru", /целое число/i],
      ["ky", /бүтүн сан/i],
      ["en", /whole number/i],
    ] as const) {
      const message: string = locale(lang, "common").errors.notWholeNumber;
      expect(locale(lang, "analysis").problems.scoreHint).toMatch(words);
      expect(message).toMatch(words);
      // Its example must be one the field accepts: no decimals.
      expect(message).not.toMatch(/\d[.,]\d/);
    }
  });
});

describe("narrative", () => {
  it("drops empty sectors and limits each text to 5000 characters", () => {
    expect(narrativeToData({ sectors: { water: " Суу ", health: "", roads: undefined } })).toEqual({ sectors: { water: "Суу" } });
    const fd = new FormData();
    fd.append("version", "0");
    fd.append("sectors.water", "x".repeat(5001));
    const s = parseWithZod(fd, { schema: narrativeFormSchema(["water"]) });
    expect(s.status).toBe("error");
  });
});

describe("situation completeness", () => {
  it("is 0 of 4 for an empty program", () => {
    expect(situationCompleteness(program([]))).toEqual({ done: 0, total: 4, summaryKey: "completeness.situation" });
  });
  it("needs 3 written sectors, 3 problems, every SWOT quadrant and 3 forecast rows", () => {
    const rows = [1, 2, 3].map((i) => ({ id: `p${i}`, title: `P${i}`, sectorId: "water", villageIds: [], groups: [] }));
    const almost = program([
      { kind: "situation_narrative", data: { sectors: { water: "a", education: "b", health: "  " } } },
      { kind: "problems", data: { rows: rows.slice(0, 2) } },
      {
        kind: "swot",
        data: {
          strengths: [{ id: "1", text: "s" }],
          weaknesses: [{ id: "2", text: "w" }],
          opportunities: [{ id: "3", text: "o" }],
          threats: [],
        },
      },
      // Actual years only (before 2025) and a single program year: the forecast proper is missing.
      {
        kind: "forecast",
        data: { rows: { population: { values: { 2023: 14000, 2024: 14500 } }, households: { values: { 2026: 3400 } } } },
      },
    ]);
    expect(situationCompleteness(almost).done).toBe(0);
    expect(situationParts(almost).swot.count).toBe(3);
    expect(situationParts(almost).forecast).toEqual({ count: 1, done: false });
    const full = program([
      { kind: "situation_narrative", data: { sectors: { water: "a", education: "b", health: "c" } } },
      { kind: "problems", data: { rows } },
      {
        kind: "swot",
        data: {
          strengths: [{ id: "1", text: "s" }],
          weaknesses: [{ id: "2", text: "w" }],
          opportunities: [{ id: "3", text: "o" }],
          threats: [{ id: "4", text: "t" }],
        },
      },
      {
        kind: "forecast",
        data: {
          rows: { population: { values: { 2029: 15000 } }, households: { values: { 2026: 3400 } }, livestock: { values: { 2025: 21000 } } },
        },
      },
    ]);
    expect(situationCompleteness(full)).toMatchObject({ done: 4, total: 4 });
  });
});

describe("demo seed and tables", () => {
  it("seeds the 7 problems of §7.2 with fixed ids, ranked 1..7, and a complete stage", async () => {
    const elements: { kind: string; data: unknown }[] = [];
    await seedSituation(async (kind, data) => {
      elements.push({ kind, data });
      return kind;
    });
    const data = program(elements);
    const problems = problemsOf(data);
    expect(problems.map((x) => x.id)).toEqual([
      "prob-water",
      "prob-preschool",
      "prob-jobs",
      "prob-access",
      "prob-waste",
      "prob-mudflow",
      "prob-participation",
    ]);
    expect(problems[0].priorityScore).toBe(120);
    expect(problems[6].priorityScore).toBe(40);
    expect(rankProblems(problems).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(situationCompleteness(data)).toMatchObject({ done: 4, total: 4 });
    const swot = elements.find((e) => e.kind === "swot")!.data as never;
    expect(swotTableRows(swot)[0].quadrant).toBe("strengths");
  });
  it("the T7 definition reads rank, labels and score", () => {
    const [row] = problemTableRows([{ id: "a", title: "Суу", sectorId: "water", villageIds: ["v1"], groups: [], priorityScore: 7 }]);
    const ctx = { sector: (id?: string) => `S:${id}`, village: (id: string) => `V:${id}`, group: (id: string) => id, t: (k: string) => k };
    expect(problemsTable.columns.map((c) => c.accessor(row, ctx))).toEqual([1, "Суу", "S:water", "V:v1", "—", "", 7]);
  });
});
