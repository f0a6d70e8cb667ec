import { describe, expect, it } from "vitest";
import { KIND_PLACES } from "~/domain/element-kinds";
import { parentChains } from "~/domain/parent-chains";
import type { ProgramMeta } from "~/domain/program-data";
import { flattenTree, numbering, strategyTree } from "~/domain/strategy-tree";
import { parentsFirst, remapElementIds } from "~/domain/program-file";
import { parseProgramFile } from "~/services/program-file.server";
import { nestsDeeperThan, PROGRAM_FILE_MAX_ERRORS } from "~/domain/program-file-checks";

describe("id remapping", () => {
  const elements = [
    { id: "act1", kind: "action", parentId: "obj1", position: 0, data: { title: "A", problemIds: ["p1"], lensQuestionIds: [] } },
    { id: "obj1", kind: "strategy_node", parentId: null, position: 0, data: { title: "O" } },
    {
      id: "lens",
      kind: "lens",
      parentId: null,
      position: 0,
      data: { answers: { q08: { answer: "no", actionIds: ["act1"], problemIds: ["p1"] } } },
    },
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

describe("parent chains (issue #16: hostile files must not stall or crash the import)", () => {
  const chain = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: "strategy_node", parentId: i ? `n${i - 1}` : null, position: 0, data: {} }));

  it("orders 20 000 elements of one deep chain parents first, keeping the given order within a depth", () => {
    // Children listed before their parents: the order must be rebuilt, without recursion.
    const elements = chain(20_000).reverse();
    const ordered = parentsFirst(elements);
    expect(ordered.map((e) => e.id)).toEqual(chain(20_000).map((e) => e.id));
    const mixed = [
      { id: "c", kind: "action", parentId: "a", position: 0, data: {} },
      { id: "b", kind: "lens", parentId: null, position: 0, data: {} },
      { id: "a", kind: "strategy_node", parentId: null, position: 0, data: {} },
    ];
    expect(parentsFirst(mixed).map((e) => e.id)).toEqual(["b", "a", "c"]);
  });

  it("builds, numbers and flattens a strategy tree of a 20 000-long chain (stored before import checked depth)", () => {
    const byKind = { strategy_node: chain(20_000).map((e) => ({ ...e, version: 1, data: { title: e.id } })) };
    const data = { program: {} as ProgramMeta, byKind };
    const flat = flattenTree(strategyTree(data));
    expect(flat.map((n) => n.element.id)).toEqual(chain(20_000).map((e) => e.id));
    expect(flat[3].number).toBe("1.1.1.1");
    expect(flat[19_999].depth).toBe(19_999);
    expect(numbering(data).n2).toBe("1.1.1");
  });

  it("finds self-parents and cycles, and gives depths below a cycle without looping", () => {
    const items = [
      { id: "a", parentId: "b" },
      { id: "b", parentId: "c" },
      { id: "c", parentId: "a" },
      { id: "d", parentId: "c" },
      { id: "s", parentId: "s" },
      { id: "r", parentId: null },
      { id: "x", parentId: "gone" },
    ];
    const chains = parentChains(items);
    expect(chains.selfParents).toEqual([4]);
    expect(chains.cycles).toHaveLength(1);
    expect([...chains.onCycle]).toEqual([1, 1, 1, 0, 0, 0, 0]);
    expect(chains.depth[3]).toBe(1);
    expect([...chains.parent]).toEqual([1, 2, 0, 2, -1, -1, -1]);
  });
});

describe("structural checks of a program file", () => {
  const head = { format: "kadam-program", schemaVersion: 1, exportedAt: "2026-01-01T00:00:00Z", methodologyVersion: "kg-2024.1" };
  const program = { title: "П", startYear: 2025, endYear: 2029, language: "ru", status: "draft" };
  const municipality = { nameRu: "М", nameKy: "М", raion: "Р", oblast: "О", kind: "aiyl_aimak" };
  const el = (id: string, kind: string, parentId: string | null = null, data: Record<string, unknown> = {}) => ({
    id,
    kind,
    parentId,
    position: 0,
    data,
  });
  const tree = [
    el("g", "strategy_node"),
    el("o", "strategy_node", "g"),
    el("t", "strategy_node", "o"),
    el("a", "action", "t"),
    el("i", "indicator", "a"),
    el("j", "indicator", "t"),
  ];
  const errorsOf = (elements: unknown[], extra: Record<string, unknown> = {}) => {
    const result = parseProgramFile(JSON.stringify({ ...head, program, municipality, elements, ...extra }));
    return result.ok ? [] : result.errors.map((e) => `${e.path} ${e.messageKey}`);
  };

  it("accepts a tree of the methodology's shape", () => {
    expect(errorsOf(tree)).toEqual([]);
  });

  it("refuses a self-parent and a parent cycle, naming the element", () => {
    expect(errorsOf([...tree, el("s", "strategy_node", "s")])).toEqual(["elements[6].parentId files:errors.selfParent"]);
    expect(errorsOf([el("x", "strategy_node", "y"), el("y", "strategy_node", "x")])).toEqual([
      "elements[0].parentId files:errors.parentCycle",
    ]);
  });

  it("refuses unknown kinds, an action under an indicator, an action under a goal, and an unknown methodology", () => {
    expect(errorsOf([...tree, el("z", "zombie")])).toEqual(["elements[6].kind files:errors.unknownKind"]);
    expect(errorsOf([...tree, el("b", "action", "j")])).toEqual(["elements[6].parentId files:errors.wrongParent"]);
    expect(errorsOf([...tree, el("b", "action", "g")])).toEqual(["elements[6].parentId files:errors.notUnderObjective"]);
    expect(errorsOf([...tree, el("l", "lens", "g")])).toEqual(["elements[6].parentId files:errors.wrongParent"]);
    expect(errorsOf(tree, { methodologyVersion: "zz-9999" })).toEqual(["methodologyVersion files:errors.unknownMethodology"]);
  });

  it("refuses a strategy deeper than the form's levels and more elements of a kind than a program holds", () => {
    expect(errorsOf([...tree, el("d", "strategy_node", "t")])).toEqual(["elements[6].parentId files:errors.tooDeep"]);
    const lenses = [el("l1", "lens"), el("l2", "lens")];
    expect(errorsOf(lenses)).toEqual([`elements[1].kind files:errors.tooMany`]);
    const nodes = Array.from({ length: KIND_PLACES.strategy_node.max + 1 }, (_, i) => el(`n${i}`, "strategy_node"));
    expect(errorsOf(nodes)).toEqual([`elements[${KIND_PLACES.strategy_node.max}].kind files:errors.tooMany`]);
  });

  it("refuses a 3 000-long chain by its count, and a chain of as many nodes as a program holds by its depth, listing a bounded number of errors", () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => el(`n${i}`, "strategy_node", i ? `n${i - 1}` : null));
    expect(errorsOf(chain(3000))).toEqual(["elements files:errors.tooManyElements"]);
    expect(errorsOf(chain(KIND_PLACES.strategy_node.max + 1))).toEqual([
      `elements[${KIND_PLACES.strategy_node.max}].kind files:errors.tooMany`,
    ]);
    const errors = errorsOf(chain(KIND_PLACES.strategy_node.max));
    expect(errors[0]).toBe("elements[3].parentId files:errors.tooDeep");
    expect(errors).toHaveLength(PROGRAM_FILE_MAX_ERRORS);
    expect(errorsOf(Array.from({ length: 20_000 }, (_, i) => el(`z${i}`, "zombie")))).toEqual(["elements files:errors.tooManyElements"]);
  });

  it("refuses data nested 10 000 deep before parsing it, and counts brackets inside strings as text", () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    const text = JSON.stringify({ ...head, program, municipality, elements: [el("x", "lens", null, { a: "__DEEP__" })] }).replace(
      '"__DEEP__"',
      deep,
    );
    const result = parseProgramFile(text);
    expect(result.ok ? [] : result.errors.map((e) => e.messageKey)).toEqual(["files:errors.tooNested"]);
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[[[[[["{{{{{{{{\\' }), 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[[[1]]]}', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":[[1]]}', 3)).toBe(false);
  });
});
