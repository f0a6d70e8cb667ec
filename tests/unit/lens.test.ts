import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod";
import { buildProgramData, type ProgramMeta } from "~/domain/program-data";
import {
  isOpenGap,
  lensBlockFormSchema,
  lensCompleteness,
  lensSummary,
  mergeBlockAnswers,
  OPEN_GAP_MESSAGE,
  openGaps,
  vulnerableGroupCoverage,
  type LensAnswer,
  type LensData,
} from "~/domain/lens";
import { methodology } from "~/methodology/templates.server";

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
const a = (answer: LensAnswer["answer"], extra: Partial<LensAnswer> = {}): LensAnswer => ({
  answer,
  problemIds: [],
  actionIds: [],
  ...extra,
});
function program(elements: { kind: string; data: unknown; id?: string }[]) {
  return buildProgramData(
    meta,
    elements.map((e, i) => ({ id: e.id ?? `e${i}`, kind: e.kind, parent_id: null, position: i, version: 1, data: JSON.stringify(e.data) })),
  );
}

describe("openGaps", () => {
  it("lists answers other than yes with no link and no justification", () => {
    const lens: LensData = {
      answers: {
        q01: a("yes"),
        q02: a("no"),
        q03: a("partly", { problemIds: ["p1"] }),
        q04: a("no_data", { justification: "Survey planned in 2026" }),
        q05: a("partly", { actionIds: ["act1"] }),
        q06: a("no", { justification: "   " }),
        q07: a(undefined, { evidence: "draft" }),
      },
    };
    expect(openGaps(lens)).toEqual(["q02", "q06"]);
  });
  it("stops counting links to problems or actions that no longer exist", () => {
    const lens: LensData = { answers: { q01: a("no", { problemIds: ["gone"] }) } };
    expect(openGaps(lens)).toEqual([]);
    expect(openGaps(lens, { problemIds: ["p1"], actionIds: [] })).toEqual(["q01"]);
  });
  it("counts an action that names the question as a link", () => {
    expect(isOpenGap("q08", a("no"), { questionsLinkedByActions: ["q08"] })).toBe(false);
  });
  it("is empty for no data", () => expect(openGaps(undefined)).toEqual([]));
});

describe("lensSummary", () => {
  it("counts answered, gaps, linked, justified and open per block and overall", () => {
    const lens: LensData = {
      answers: { q01: a("partly", { actionIds: ["x"] }), q02: a("yes"), q03: a("no"), q04: a("no_data", { justification: "j" }) },
    };
    const s = lensSummary(lens, methodology.lens);
    expect(s.blocks[0]).toEqual({ blockId: "A", questions: 3, answered: 3, gaps: 2, linked: 1, justified: 0, open: 1 });
    expect(s.blocks[1]).toMatchObject({ blockId: "B", questions: 4, answered: 1, gaps: 1, justified: 1, open: 0 });
    expect(s.total).toMatchObject({ questions: 22, answered: 4, gaps: 3, linked: 1, justified: 1, open: 1 });
  });
});

describe("saving a block", () => {
  const ids = ["q08", "q09"];
  const schema = lensBlockFormSchema(ids);
  const submit = (entries: [string, string][]) => {
    const fd = new FormData();
    fd.set("version", "0");
    for (const [k, v] of entries) fd.append(k, v);
    return parseWithZod(fd, { schema });
  };
  it("refuses a No with nothing linked, with the error on that question", () => {
    const r = submit([["answers.q08.answer", "no"]]);
    expect(r.status).toBe("error");
    expect(r.reply().error?.["answers.q08"]).toEqual([OPEN_GAP_MESSAGE]);
  });
  it("accepts the No once it is linked to a problem, or justified; unanswered questions are fine", () => {
    expect(
      submit([
        ["answers.q08.answer", "no"],
        ["answers.q08.problemIds", "prob-water"],
      ]).status,
    ).toBe("success");
    expect(
      submit([
        ["answers.q08.answer", "no"],
        ["answers.q08.justification", "Outside the AO's mandate"],
      ]).status,
    ).toBe("success");
    expect(submit([]).status).toBe("success");
  });
  it("accepts a No the action plan already answers", () => {
    const s = lensBlockFormSchema(ids, { questionsLinkedByActions: ["q08"] });
    const fd = new FormData();
    fd.set("version", "0");
    fd.set("answers.q08.answer", "no");
    expect(parseWithZod(fd, { schema: s }).status).toBe("success");
  });
  it("merges one block into the stored answers and drops blank questions", () => {
    const stored: LensData = { answers: { q01: a("yes"), q08: a("no", { justification: "x" }) } };
    const merged = mergeBlockAnswers(stored, ids, { q08: { problemIds: [], actionIds: [] }, q09: a("partly", { actionIds: ["a"] }) });
    expect(merged.answers).toEqual({ q01: a("yes"), q09: a("partly", { actionIds: ["a"] }) });
  });
});

describe("lens completeness and groups", () => {
  const allIds = methodology.lens.blocks.flatMap((b) => b.questions.map((q) => q.id));
  it("is complete when all 22 are answered and no gap is open", () => {
    const answers = Object.fromEntries(allIds.map((id) => [id, a("yes")]));
    expect(lensCompleteness(program([{ kind: "lens", data: { answers } }]), methodology.lens)).toMatchObject({ done: 22, total: 22 });
    const withGap = { ...answers, q05: a("no") };
    expect(lensCompleteness(program([{ kind: "lens", data: { answers: withGap } }]), methodology.lens).done).toBe(21);
    expect(lensCompleteness(program([]), methodology.lens).done).toBe(0);
  });
  it("shows each vulnerable group present and how many actions target it", () => {
    const d = program([
      {
        kind: "passport_vulnerable",
        data: {
          rows: [
            { groupId: "pwd", total: 448 },
            { groupId: "elderly", total: 0 },
            { groupId: "youth", male: 3, female: 2 },
          ],
        },
      },
      { kind: "action", data: { title: "Ramps", targetGroups: ["pwd"] } },
    ]);
    expect(vulnerableGroupCoverage(d)).toEqual([
      { groupId: "pwd", actionCount: 1 },
      { groupId: "youth", actionCount: 0 },
    ]);
  });
});
