/**
 * Program files of issue #16 (defects 4 and 5), built from a real export so that each one has
 * exactly one thing wrong: shared by the import page's test and the CLI's. `error` is the first
 * error expected, as "path messageKey".
 */
import { KIND_PLACES } from "~/domain/element-kinds";
import type { ProgramFile, ProgramFileElement } from "~/domain/program-file";

type Case = { text: string; error: string };

const node = (id: string, parentId: string | null, position = 0): ProgramFileElement => ({
  id,
  kind: "strategy_node",
  parentId,
  position,
  data: { title: `Узел ${id}` },
});

export function hostileFiles(good: ProgramFile): Record<string, Case> {
  const n = good.elements.length;
  const action = good.elements.find((e) => e.kind === "action")!;
  const indicator = good.elements.find((e) => e.kind === "indicator")!;
  const goal = good.elements.find((e) => e.kind === "strategy_node" && e.parentId === null)!;
  const withElements = (...extra: ProgramFileElement[]) => JSON.stringify({ ...good, elements: [...good.elements, ...extra] });
  // Strategy nodes the file may still add.
  const room = KIND_PLACES.strategy_node.max - good.elements.filter((e) => e.kind === "strategy_node").length;
  const chain = (length: number) => Array.from({ length }, (_, i) => node(`c${i}`, i ? `c${i - 1}` : null));
  let nested = "1";
  for (let i = 0; i < 10_000; i++) nested = `{"a":${nested}}`;
  return {
    parentCycle: {
      text: withElements(node("loop-a", "loop-b"), node("loop-b", "loop-a")),
      error: `elements[${n}].parentId files:errors.parentCycle`,
    },
    selfParent: { text: withElements(node("self", "self")), error: `elements[${n}].parentId files:errors.selfParent` },
    nestedData: {
      text: withElements({ ...node("deep", null), data: { title: "x", deep: "__DEEP__" } }).replace('"__DEEP__"', nested),
      error: " files:errors.tooNested",
    },
    unknownKind: { text: withElements({ ...node("z", null), kind: "zombie" }), error: `elements[${n}].kind files:errors.unknownKind` },
    actionUnderIndicator: {
      text: withElements({ ...action, id: "under-indicator", parentId: indicator.id }),
      error: `elements[${n}].parentId files:errors.wrongParent`,
    },
    actionUnderGoal: {
      text: withElements({ ...action, id: "under-goal", parentId: goal.id }),
      error: `elements[${n}].parentId files:errors.notUnderObjective`,
    },
    unknownMethodology: {
      text: JSON.stringify({ ...good, methodologyVersion: "zz-9999" }),
      error: "methodologyVersion files:errors.unknownMethodology",
    },
    chain3000: { text: withElements(...chain(3000)), error: "elements files:errors.tooManyElements" },
    chainOverCount: { text: withElements(...chain(room + 1)), error: `elements[${n + room}].kind files:errors.tooMany` },
    chainWithinCount: { text: withElements(...chain(room)), error: `elements[${n + 3}].parentId files:errors.tooDeep` },
    nodes20000: {
      text: withElements(...Array.from({ length: 20_000 }, (_, i) => node(`w${i}`, null, i))),
      error: "elements files:errors.tooManyElements",
    },
  };
}

/**
 * The demo's stage blocks with the strategy, the actions and the indicators each at their maximum:
 * two directions, goals under them, objectives filling up the nodes; actions spread over the
 * objectives; an outcome indicator per action's objective round and an output indicator per action.
 */
export function largestFile(good: ProgramFile): string {
  const blocks = good.elements.filter((e) => !["strategy_node", "action", "indicator"].includes(e.kind));
  const action = good.elements.find((e) => e.kind === "action")!;
  const indicator = good.elements.find((e) => e.kind === "indicator")!;
  const directions = [node("d0", null, 0), node("d1", null, 1)];
  const goals = Array.from({ length: 8 }, (_, i) => node(`g${i}`, `d${i % 2}`, i >> 1));
  const objectiveCount = KIND_PLACES.strategy_node.max - directions.length - goals.length;
  const objectives = Array.from({ length: objectiveCount }, (_, i) => node(`o${i}`, `g${i % goals.length}`, Math.floor(i / goals.length)));
  const actions = Array.from({ length: KIND_PLACES.action.max }, (_, i) => ({
    ...action,
    id: `a${i}`,
    parentId: `o${i % objectiveCount}`,
    position: Math.floor(i / objectiveCount),
  }));
  const half = KIND_PLACES.indicator.max / 2;
  const indicators = Array.from({ length: KIND_PLACES.indicator.max }, (_, i) =>
    i < half
      ? { ...indicator, id: `i${i}`, parentId: `o${i % objectiveCount}`, position: Math.floor(i / objectiveCount) }
      : {
          ...indicator,
          id: `i${i}`,
          parentId: `a${(i - half) % actions.length}`,
          position: 0,
          data: { ...indicator.data, type: "output" },
        },
  );
  return JSON.stringify({ ...good, elements: [...blocks, ...directions, ...goals, ...objectives, ...actions, ...indicators] });
}
