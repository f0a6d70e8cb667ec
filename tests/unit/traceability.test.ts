import { describe, expect, it } from "vitest";
import { buildProgramData, type ProgramMeta } from "~/domain/program-data";
import { answersIndex, goalTrace, highPriorityProblemIds, priorityTrace, problemTrace, unansweredProblems } from "~/domain/traceability";

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
const node = (id: string, parent: string | null, links: { problemIds?: string[]; priorityIds?: string[] } = {}) =>
  el(id, "strategy_node", parent, {
    title: `T ${id}`,
    nationalPrograms: [],
    priorityIds: links.priorityIds ?? [],
    problemIds: links.problemIds ?? [],
  });
const action = (id: string, parent: string, cost: number, links: { problemIds?: string[]; priorityIds?: string[] } = {}) =>
  el(id, "action", parent, { title: `A ${id}`, totalCost: cost, problemIds: links.problemIds ?? [], priorityIds: links.priorityIds ?? [] });

const problems = [
  { id: "prob-water", title: "Water", priorityScore: 90 },
  { id: "prob-preschool", title: "Preschool", priorityScore: 80 },
  { id: "prob-jobs", title: "Jobs", priorityScore: 85 },
  { id: "prob-access", title: "Access", priorityScore: 40 },
  { id: "prob-waste", title: "Waste", priorityScore: 30 },
  { id: "prob-mudflow", title: "Mudflow", priorityScore: 20 },
  { id: "prob-voice", title: "Voice", priorityScore: null },
];

function data(extra: ReturnType<typeof el>[] = []) {
  pos = 0;
  return buildProgramData(program, [
    el("problems", "problems", null, { rows: problems }),
    el("cons", "consultations", null, {
      meetings: [
        {
          id: "m1",
          priorities: [
            { id: "pr-1", text: "Water for Tal-Bulak", problemId: "prob-water", votes: 40 },
            { id: "pr-2", text: "Kindergarten", votes: 20 },
          ],
        },
      ],
    }),
    node("dir-1", null),
    node("goal-1-1", "dir-1", { problemIds: ["prob-preschool"] }),
    node("obj-1-1-1", "goal-1-1"),
    node("dir-2", null),
    node("goal-2-1", "dir-2"),
    node("obj-2-1-1", "goal-2-1"),
    action("a1", "obj-1-1-1", 38000, { problemIds: ["prob-water"], priorityIds: ["pr-1"] }),
    action("a2", "obj-1-1-1", 4800),
    action("a3", "obj-2-1-1", 3000, { problemIds: ["prob-access"] }),
    el("ind-1", "indicator", "obj-1-1-1", {
      type: "outcome",
      name: "Water %",
      unit: "%",
      targets: {},
      bySex: false,
      targetsWomen: {},
      targetsMen: {},
    }),
    ...extra,
  ]);
}

describe("problem → actions", () => {
  it("finds actions that name the problem and actions under a node that names it", () => {
    const { byProblem, byPriority } = answersIndex(data());
    expect(byProblem.get("prob-water")?.map((a) => [a.actionId, a.viaNodeId])).toEqual([["a1", null]]);
    // goal-1-1 names the preschool problem: both actions below it answer it, through the goal.
    expect(byProblem.get("prob-preschool")?.map((a) => [a.actionId, a.viaNodeId, a.number])).toEqual([
      ["a1", "goal-1-1", "1.1.1.1"],
      ["a2", "goal-1-1", "1.1.1.2"],
    ]);
    expect(byPriority.get("pr-1")?.map((a) => a.actionId)).toEqual(["a1"]);
    expect(byProblem.get("prob-jobs")).toBeUndefined();
  });

  it("lists each problem and priority with its actions", () => {
    const trace = problemTrace(data());
    expect(trace.map((t) => [t.problem.id, t.high, t.actions.length])).toEqual([
      ["prob-water", true, 1],
      ["prob-preschool", false, 2],
      ["prob-jobs", true, 0],
      ["prob-access", false, 1],
      ["prob-waste", false, 0],
      ["prob-mudflow", false, 0],
      ["prob-voice", false, 0],
    ]);
    expect(priorityTrace(data()).map((p) => [p.priority.id, p.actions.length])).toEqual([
      ["pr-1", 1],
      ["pr-2", 0],
    ]);
  });
});

describe("unansweredProblems", () => {
  it("flags the top third by citizens' score that no action answers (unscored problems are not ranked)", () => {
    expect(unansweredProblems(data()).map((p) => p.id)).toEqual(["prob-jobs"]);
  });

  it("clears the flag once an action (or its objective) answers the problem", () => {
    expect(unansweredProblems(data([action("a4", "obj-2-1-1", 3000, { problemIds: ["prob-jobs"] })]))).toEqual([]);
  });

  it("uses the share it is given and keeps ties with the cut-off", () => {
    expect(unansweredProblems(data(), 0.5).map((p) => p.id)).toEqual(["prob-jobs"]);
    expect(unansweredProblems(data(), 1).map((p) => p.id)).toEqual(["prob-jobs", "prob-waste", "prob-mudflow"]);
    expect([
      ...highPriorityProblemIds(
        [
          { id: "a", title: "a", priorityScore: 5 },
          { id: "b", title: "b", priorityScore: 5 },
          { id: "c", title: "c", priorityScore: 1 },
        ],
        0.2,
      ),
    ]).toEqual(["a", "b"]);
    expect(highPriorityProblemIds([{ id: "a", title: "a", priorityScore: null }]).size).toBe(0);
  });

  it("is empty for a program without problems", () => {
    pos = 0;
    expect(unansweredProblems(buildProgramData(program, []))).toEqual([]);
  });
});

describe("goalTrace", () => {
  it("sums costs up the tree and attaches actions and indicators", () => {
    const [dir1, dir2] = goalTrace(data());
    expect(dir1).toMatchObject({ number: "1", cost: 42800, actionCount: 2 });
    const obj = dir1.children[0].children[0];
    expect(obj.actions.map((a) => [a.number, a.cost])).toEqual([
      ["1.1.1.1", 38000],
      ["1.1.1.2", 4800],
    ]);
    expect(obj.indicators.map((i) => i.id)).toEqual(["ind-1"]);
    expect(dir2.cost).toBe(3000);
  });
});
