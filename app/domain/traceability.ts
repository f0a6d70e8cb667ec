/**
 * Traceability ("why is this here?"): goals → objectives → actions and indicators, and from the
 * other side, each problem and each citizens' priority → the actions that answer it.
 * An action answers a problem when it names the problem itself, or when it sits under a strategy
 * node that names it (a goal set for a problem covers every action below it). Rule 12 flags the
 * top problems by citizens' score that nothing answers.
 */
import { indicatorsByParent, type IndicatorView } from "./indicators";
import { actionsOf, problemsOf, prioritiesOf, type PriorityRef, type ProblemRef, KINDS } from "./element-kinds";
import { byParent, many, type ProgramData } from "./program-data";
import { numbering, strategyTree, type StrategyNodeData, type TreeNode } from "./strategy-tree";

/** Used when no threshold is passed: the top third of problems counts as "ranked high". */
export const DEFAULT_HIGH_PRIORITY_SHARE = 1 / 3;

export interface TraceAction {
  id: string;
  number: string;
  title: string;
  cost: number;
  indicators: readonly IndicatorView[];
}

export interface TraceNode {
  id: string;
  number: string;
  title: string;
  depth: number;
  /** Sum of the costs of every action below (thousand som). */
  cost: number;
  actionCount: number;
  indicators: readonly IndicatorView[];
  actions: TraceAction[];
  children: TraceNode[];
}

/** The strategy tree with the actions, costs and indicators hanging under each node. */
export function goalTrace(data: ProgramData): TraceNode[] {
  const numbers = numbering(data);
  const indicators = indicatorsByParent(data);
  const actionsByParent = byParent(actionsOf(data));
  const build = (n: TreeNode): TraceNode => {
    const actions = (actionsByParent.get(n.element.id) ?? []).map((a) => ({
      id: a.id,
      number: numbers[a.id] ?? "",
      title: a.data.title,
      cost: a.data.totalCost ?? 0,
      indicators: indicators.get(a.id) ?? [],
    }));
    const children = n.children.map(build);
    return {
      id: n.element.id,
      number: n.number,
      title: n.element.data.title,
      depth: n.depth,
      cost: actions.reduce((s, a) => s + a.cost, 0) + children.reduce((s, c) => s + c.cost, 0),
      actionCount: actions.length + children.reduce((s, c) => s + c.actionCount, 0),
      indicators: indicators.get(n.element.id) ?? [],
      actions,
      children,
    };
  };
  return strategyTree(data).map(build);
}

export interface Answer {
  actionId: string;
  number: string;
  title: string;
  cost: number;
  /** Id of the strategy node that carries the link, when the action inherits it. */
  viaNodeId: string | null;
}

/**
 * For every problem id and priority id, the actions that answer it. One pass over the actions;
 * each collects the links of its own and of every strategy node above it.
 */
export function answersIndex(data: ProgramData): { byProblem: Map<string, Answer[]>; byPriority: Map<string, Answer[]> } {
  const numbers = numbering(data);
  const nodes = new Map(many<StrategyNodeData>(data, KINDS.strategyNode).map((n) => [n.id, n]));
  // Keyed by action id inside each list, so an action reached twice (directly and through its
  // objective) counts once; a Map keeps this linear for 300 actions.
  const problemAnswers = new Map<string, Map<string, Answer>>();
  const priorityAnswers = new Map<string, Map<string, Answer>>();
  const add = (map: Map<string, Map<string, Answer>>, key: string, answer: Answer) => {
    let list = map.get(key);
    if (!list) map.set(key, (list = new Map()));
    if (!list.has(answer.actionId)) list.set(answer.actionId, answer);
  };
  for (const a of actionsOf(data)) {
    const base = { actionId: a.id, number: numbers[a.id] ?? "", title: a.data.title, cost: a.data.totalCost ?? 0 };
    for (const p of a.data.problemIds ?? []) add(problemAnswers, p, { ...base, viaNodeId: null });
    for (const p of a.data.priorityIds ?? []) add(priorityAnswers, p, { ...base, viaNodeId: null });
    const seen = new Set<string>();
    for (
      let node = a.parentId ? nodes.get(a.parentId) : undefined;
      node && !seen.has(node.id);
      node = node.parentId ? nodes.get(node.parentId) : undefined
    ) {
      seen.add(node.id); // guards against a cycle in broken data
      for (const p of node.data.problemIds ?? []) add(problemAnswers, p, { ...base, viaNodeId: node.id });
      for (const p of node.data.priorityIds ?? []) add(priorityAnswers, p, { ...base, viaNodeId: node.id });
    }
  }
  const toLists = (m: Map<string, Map<string, Answer>>) => new Map([...m].map(([k, v]) => [k, [...v.values()]]));
  const byProblem = toLists(problemAnswers);
  const byPriority = toLists(priorityAnswers);
  return { byProblem, byPriority };
}

/**
 * Problems ranked high by citizens: the top `share` of the scored problems (at least one), plus
 * any tied with the last one taken. Problems without a score are never "high".
 */
export function highPriorityProblemIds(problems: ProblemRef[], share = DEFAULT_HIGH_PRIORITY_SHARE): Set<string> {
  const scored = problems
    .filter((p) => typeof p.priorityScore === "number")
    .sort((a, b) => (b.priorityScore ?? 0) - (a.priorityScore ?? 0));
  if (scored.length === 0) return new Set();
  const take = Math.max(1, Math.ceil(scored.length * share - 1e-9));
  const cutoff = scored[Math.min(take, scored.length) - 1].priorityScore ?? 0;
  return new Set(scored.filter((p) => (p.priorityScore ?? 0) >= cutoff).map((p) => p.id));
}

export interface ProblemTrace {
  problem: ProblemRef;
  high: boolean;
  actions: Answer[];
}

/** `index` lets a page that shows both problems and priorities build the index once. */
export function problemTrace(data: ProgramData, share = DEFAULT_HIGH_PRIORITY_SHARE, index = answersIndex(data)): ProblemTrace[] {
  const { byProblem } = index;
  const problems = problemsOf(data);
  const high = highPriorityProblemIds(problems, share);
  return problems.map((problem) => ({ problem, high: high.has(problem.id), actions: byProblem.get(problem.id) ?? [] }));
}

export interface PriorityTrace {
  priority: PriorityRef;
  actions: Answer[];
}

export function priorityTrace(data: ProgramData, index = answersIndex(data)): PriorityTrace[] {
  const { byPriority } = index;
  return prioritiesOf(data).map((priority) => ({ priority, actions: byPriority.get(priority.id) ?? [] }));
}

/** Rule 12: the problems citizens ranked high that no action answers, in the problem table's order. */
export function unansweredProblems(data: ProgramData, share = DEFAULT_HIGH_PRIORITY_SHARE): ProblemRef[] {
  return problemTrace(data, share)
    .filter((t) => t.high && t.actions.length === 0)
    .map((t) => t.problem);
}
