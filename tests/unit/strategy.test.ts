import { describe, expect, it } from "vitest";
import { buildProgramData, type ProgramMeta } from "~/domain/program-data";
import { childLevel, deletionImpact, nodeDepth, objectives } from "~/domain/strategy";
import { strategyCompleteness } from "../support/shipped-methodology";
import { numbering } from "~/domain/strategy-tree";

const program: ProgramMeta = {
  id: 1,
  title: "T",
  startYear: 2025,
  endYear: 2029,
  language: "ky",
  status: "draft",
  methodologyVersion: "x",
  municipality: { id: 1, nameRu: "", nameKy: "", kind: "aa", raion: "", oblast: "" },
};
type Row = { id: string; kind: string; parent_id: string | null; position: number; data: unknown };
const row = (id: string, kind: string, parent: string | null, position: number, data: unknown = { title: id }): Row => ({
  id,
  kind,
  parent_id: parent,
  position,
  data,
});
const build = (rows: Row[]) =>
  buildProgramData(
    program,
    rows.map((r) => ({ ...r, version: 1, data: JSON.stringify(r.data) })),
  );

const base: Row[] = [
  row("d1", "strategy_node", null, 0),
  row("d2", "strategy_node", null, 1),
  row("g11", "strategy_node", "d1", 0),
  row("g12", "strategy_node", "d1", 1),
  row("o111", "strategy_node", "g11", 0),
  row("o121", "strategy_node", "g12", 0),
  row("a1", "action", "o111", 0),
  row("a2", "action", "o111", 1),
  row("i1", "indicator", "o111", 0),
  row("i2", "indicator", "a1", 0),
];

describe("strategy numbering", () => {
  it("numbers nodes and actions from their order", () => {
    const n = numbering(build(base));
    expect(n).toMatchObject({ d1: "1", d2: "2", g11: "1.1", g12: "1.2", o111: "1.1.1", o121: "1.2.1", a1: "1.1.1.1", a2: "1.1.1.2" });
  });

  it("renumbers after a reorder (positions swapped, as moveElement does)", () => {
    const swapped = base.map((r) => (r.id === "g11" ? { ...r, position: 1 } : r.id === "g12" ? { ...r, position: 0 } : r));
    const n = numbering(build(swapped));
    expect(n).toMatchObject({ g12: "1.1", o121: "1.1.1", g11: "1.2", o111: "1.2.1", a1: "1.2.1.1" });
    const actionsSwapped = base.map((r) => (r.id === "a1" ? { ...r, position: 1 } : r.id === "a2" ? { ...r, position: 0 } : r));
    expect(numbering(build(actionsSwapped))).toMatchObject({ a2: "1.1.1.1", a1: "1.1.1.2" });
  });
});

describe("strategy levels", () => {
  const data = build(base);
  it("gives a node's depth and refuses children below the last level", () => {
    expect(nodeDepth(data, "d1")).toBe(0);
    expect(nodeDepth(data, "o111")).toBe(2);
    expect(childLevel(data, null, 3)).toBe(0);
    expect(childLevel(data, "g11", 3)).toBe(2);
    expect(childLevel(data, "o111", 3)).toBeNull();
    expect(childLevel(data, "missing", 3)).toBeNull();
    expect(objectives(data, 3).map((o) => o.element.id)).toEqual(["o111", "o121"]);
  });

  it("groups what a delete takes with it", () => {
    const impact = deletionImpact(data, ["g11", "o111", "a1", "a2", "i1", "i2"]);
    expect(impact.nodes.map((e) => e.id)).toEqual(["g11", "o111"]);
    expect(impact.actions.map((e) => e.id)).toEqual(["a1", "a2"]);
    expect(impact.indicators.map((e) => e.id)).toEqual(["i1", "i2"]);
  });
});

describe("strategy completeness", () => {
  it("needs a vision text and a chain down to the last level", () => {
    expect(strategyCompleteness(build([]))).toMatchObject({ done: 0, total: 2 });
    expect(
      strategyCompleteness(
        build([
          row("v", "vision", null, 0, { text: "Vision", form: "directions" }),
          row("d1", "strategy_node", null, 0),
          row("g", "strategy_node", "d1", 0),
        ]),
      ),
    ).toMatchObject({ done: 1, total: 2 });
    expect(strategyCompleteness(build([row("v", "vision", null, 0, { text: "Vision", form: "directions" }), ...base]))).toMatchObject({
      done: 2,
      total: 2,
    });
  });
});
