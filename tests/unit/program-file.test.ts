import { describe, expect, it } from "vitest";
import { parentsFirst, remapElementIds } from "~/domain/program-file";

describe("id remapping", () => {
  const elements = [
    { id: "act1", kind: "action", parentId: "obj1", position: 0, data: { title: "A", problemIds: ["p1"], lensQuestionIds: [] } },
    { id: "obj1", kind: "strategy_node", parentId: null, position: 0, data: { title: "O" } },
    { id: "lens", kind: "lens", parentId: null, position: 0, data: { answers: { q08: { answer: "no", actionIds: ["act1"], problemIds: ["p1"] } } } },
  ];
  let n = 0;
  const remapped = remapElementIds(elements, () => `new${++n}`);

  it("gives new ids and rewrites parents and links to elements", () => {
    const action = remapped.find((e) => e.kind === "action")!;
    const objective = remapped.find((e) => e.kind === "strategy_node")!;
    const lens = remapped.find((e) => e.kind === "lens")!;
    expect(action.id).not.toBe("act1");
    expect(action.parentId).toBe(objective.id);
    expect((lens.data as any).answers.q08.actionIds).toEqual([action.id]);
  });
  it("leaves row ids inside data alone (they are unique only within a program)", () => {
    expect((remapped[0].data as any).problemIds).toEqual(["p1"]);
  });
  it("puts parents before children", () => {
    const ordered = parentsFirst(remapped);
    expect(ordered.findIndex((e) => e.kind === "strategy_node")).toBeLessThan(ordered.findIndex((e) => e.kind === "action"));
  });
});
