import { describe, it, expect } from "vitest";
import { localize, methodology, rawTemplates, validateMethodology, type RawTemplates } from "../../app/methodology/templates.server";
import { stageIds, type L } from "../../app/methodology/schema";

/** A deep copy of the real templates, to break one value at a time. */
function copy(): RawTemplates {
  return structuredClone(rawTemplates);
}
// Test-only access into untyped JSON.

type Json = any;

/** Every localized text anywhere in the methodology. */
function allTexts(value: unknown, out: L[] = []): L[] {
  if (Array.isArray(value)) value.forEach((v) => allTexts(v, out));
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.ru === "string" && typeof o.ky === "string" && typeof o.en === "string") out.push(o as L);
    else Object.values(o).forEach((v) => allTexts(v, out));
  }
  return out;
}

describe("methodology templates", () => {
  it("load and validate", () => {
    expect(methodology.meta.version).toBe("kg-2024.1");
    expect(() => validateMethodology(copy())).not.toThrow();
  });

  it("have the 12 stages in order", () => {
    expect(methodology.stages.map((s) => s.id)).toEqual([...stageIds]);
    expect(methodology.stages.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("have 22 lens questions in 7 blocks A–G, numbered 1..22", () => {
    const { blocks, answers } = methodology.lens;
    expect(blocks.map((b) => b.id)).toEqual(["A", "B", "C", "D", "E", "F", "G"]);
    const questions = blocks.flatMap((b) => b.questions);
    expect(questions).toHaveLength(22);
    expect(questions.map((q) => q.number)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(new Set(questions.map((q) => q.id)).size).toBe(22);
    expect(answers.map((a) => a.id)).toEqual(["yes", "partly", "no", "no_data"]);
  });

  it("have 35 compliance rules with unique evaluators and the agreed blockers", () => {
    const { rules, groups } = methodology.compliance;
    expect(rules).toHaveLength(35);
    expect(new Set(rules.map((r) => r.evaluator)).size).toBe(35);
    expect(rules.filter((r) => r.severity === "blocker").map((r) => r.number)).toEqual([1, 2, 10, 11, 13, 19, 20, 33]);
    expect(rules.find((r) => r.id === "r14")?.params).toEqual({ maxLocalShare: 0.2 });
    expect(rules.find((r) => r.id === "r16")?.params).toEqual({ maxUnidentifiedShare: 0.1 });
    expect(rules.find((r) => r.id === "r25")?.params).toEqual({ minActions: 3 });
    expect(groups).toHaveLength(12);
  });

  it("keep the reference lists the code relies on", () => {
    const { fundingSources, ageBands, legalBasis, sexes } = methodology.reference;
    expect(fundingSources.map((s) => s.id)).toEqual([
      "local",
      "republican",
      "municipal_enterprises",
      "extra_budgetary",
      "donor",
      "private",
      "community",
      "other",
    ]);
    expect(fundingSources[0].budgetKind).toBe("local");
    expect(ageBands.map((b) => [b.id, b.from, b.to])).toEqual([
      ["0-2", 0, 2],
      ["3-6", 3, 6],
      ["7-15", 7, 15],
      ["16-29", 16, 29],
      ["30-working", 30, 62],
      ["above-working", 63, null],
    ]);
    expect(legalBasis.filter((l) => l.default)).toHaveLength(2);
    expect(sexes.map((s) => s.id)).toEqual(["f", "m"]);
    expect(methodology.strategy.default).toBe("directions");
    expect(methodology.docx.defaultStyle).toBe("aa-2024");
  });

  it("write Kyrgyz with Kyrgyz letters", () => {
    const ky = allTexts(methodology)
      .map((t) => t.ky)
      .join(" ");
    for (const letter of ["ө", "ү", "ң"]) expect(ky).toContain(letter);
  });

  it("are frozen, so a shared copy cannot be changed by accident", () => {
    expect(() => (methodology.stages as unknown[]).push({})).toThrow();
  });

  it("localize picks the language", () => {
    const title = methodology.stages[0].title;
    expect(localize(title, "ky")).toBe(title.ky);
    expect(localize(title, "en")).toBe(title.en);
  });
});

describe("validateMethodology rejects broken templates", () => {
  it("a text missing ky", () => {
    const raw = copy();
    delete (raw["stages.json"] as Json)[0].title.ky;
    expect(() => validateMethodology(raw)).toThrow(/templates\/stages\.json.*\[0\]\.title\.ky: Required/);
  });

  it("a duplicated id", () => {
    const raw = copy();
    const sectors = (raw["reference.json"] as Json).sectors;
    sectors[3].id = sectors[0].id;
    expect(() => validateMethodology(raw)).toThrow(/templates\/reference\.json.*sectors\[3\]\.id: duplicate id "water"/);
  });

  it("a duplicated lens question id across blocks", () => {
    const raw = copy();
    (raw["lens.json"] as Json).blocks[1].questions[0].id = "q01";
    expect(() => validateMethodology(raw)).toThrow(/templates\/lens\.json.*blocks\[1\]\.questions\[0\]\.id: duplicate id "q01"/);
  });

  it("an empty en string (whitespace only)", () => {
    const raw = copy();
    (raw["lens.json"] as Json).blocks[0].questions[2].text.en = "   ";
    expect(() => validateMethodology(raw)).toThrow(/templates\/lens\.json.*blocks\[0\]\.questions\[2\]\.text\.en: must not be empty/);
  });

  it("a placeholder dropped from a DOCX template", () => {
    const raw = copy();
    (raw["docx.json"] as Json).wording.pageOf.ky = "{page}-бет";
    expect(() => validateMethodology(raw)).toThrow(/templates\/docx\.json.*wording\.pageOf\.ky: missing placeholder \{pages\}/);
  });

  it("a threshold that drifted from its rule parameter", () => {
    const raw = copy();
    (raw["thresholds.json"] as Json).affordability.maxLocalShareOfOwnRevenue = 0.25;
    expect(() => validateMethodology(raw)).toThrow(/compliance\.json rules\[13\]\.params\.maxLocalShare is 0\.2.*thresholds\.json/);
  });

  it("a stage list out of order", () => {
    const raw = copy();
    const stages = raw["stages.json"] as Json;
    [stages[0], stages[1]] = [stages[1], stages[0]];
    expect(() => validateMethodology(raw)).toThrow(/templates\/stages\.json.*\[0\]\.order: expected 1/);
  });

  it("does not modify its input", () => {
    const raw = copy();
    validateMethodology(raw);
    expect(raw).toEqual(rawTemplates);
  });
});
