import { describe, expect, it } from "vitest";
import { actionsList } from "~/domain/actions";
import { indicatorNumbers, indicatorsByParent } from "~/domain/indicators";
import { buildProgramData, byParent, derived, type ProgramMeta } from "~/domain/program-data";
import { numbering, strategyTree } from "~/domain/strategy-tree";

const program: ProgramMeta = {
  id: 1,
  title: "Т",
  startYear: 2025,
  endYear: 2027,
  language: "ky",
  status: "draft",
  methodologyVersion: "kg-2024.1",
  municipality: { id: 1, nameRu: "А", nameKy: "А", kind: "aiyl_aimak", raion: "Р", oblast: "О" },
};
const row = (id: string, kind: string, parent: string | null, position: number, data: object) => ({
  id,
  kind,
  parent_id: parent,
  position,
  version: 1,
  data: JSON.stringify(data),
});
const rows = [
  row("g2", "strategy_node", null, 2, { title: "Экинчи" }),
  row("g1", "strategy_node", null, 1, { title: "Биринчи" }),
  row("o1", "strategy_node", "g1", 1, { title: "Милдет" }),
  row("a2", "action", "o1", 2, { title: "Экинчи чара", totalCost: 10 }),
  row("a1", "action", "o1", 1, { title: "Биринчи чара", totalCost: 5 }),
  row("i1", "indicator", "o1", 1, { name: "Суу менен камсыз болгон үй чарбалар", type: "outcome", unit: "%" }),
  row("i0", "indicator", null, 0, { name: "Ээси жок", type: "outcome", unit: "%" }),
];

describe("derived values of a program's data", () => {
  it("computes once per ProgramData object and again for a new one", () => {
    const data = buildProgramData(program, rows);
    let calls = 0;
    const count = () => derived(data, "test.count", () => ++calls);
    expect([count(), count()]).toEqual([1, 1]);
    expect(derived(buildProgramData(program, rows), "test.count", () => ++calls)).toBe(2);
  });

  it("shares the strategy tree, its numbers and the actions within one data object only", () => {
    const data = buildProgramData(program, rows);
    expect(strategyTree(data)).toBe(strategyTree(data));
    expect(numbering(data)).toBe(numbering(data));
    expect(actionsList(data)).toBe(actionsList(data));
    expect(numbering(data)).toEqual({ g1: "1", o1: "1.1", g2: "2", a1: "1.1.1", a2: "1.1.2" });
    // A save builds new data: its numbers follow the new order, not the remembered ones.
    const moved = buildProgramData(
      program,
      rows.map((r) => (r.id === "a2" ? { ...r, position: 0 } : r)),
    );
    expect(numbering(moved)).toMatchObject({ a2: "1.1.1", a1: "1.1.2" });
  });

  it("groups indicators under what they measure; one without a parent is neither listed nor numbered", () => {
    const data = buildProgramData(program, rows);
    expect([...indicatorsByParent(data).keys()]).toEqual(["o1"]);
    expect(indicatorNumbers(data)).toEqual({ i1: "1.1.a" });
  });

  it("groups elements by parent in their given order", () => {
    const grouped = byParent([
      { id: "x", parentId: null },
      { id: "y", parentId: "x" },
      { id: "z", parentId: "x" },
    ]);
    expect(grouped.get(null)?.map((e) => e.id)).toEqual(["x"]);
    expect(grouped.get("x")?.map((e) => e.id)).toEqual(["y", "z"]);
  });
});
