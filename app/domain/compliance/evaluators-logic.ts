/**
 * Rules 10–18: the logic chain, the budget link and responsibility. The tree, numbers, indicator
 * completeness and the financing plan come from the stage modules, computed once per check.
 */
import { actionsList, sum } from "../actions";
import {
  actionYearAmounts,
  affordability,
  financingMatrix,
  ownRevenueByYear,
  unidentifiedShare,
  type FinancingContext,
} from "../financing";
import { indicatorNumbers, indicatorsByParent, isCompleteOutcome, objectivesOf, type IndicatorData } from "../indicators";
import { KINDS, problemsOf } from "../element-kinds";
import { derived, many, type ProgramData } from "../program-data";
import { flattenTree, numbering, strategyTree } from "../strategy-tree";
import { answersIndex, highPriorityProblemIds } from "../traceability";
import {
  ev,
  factsOf,
  failIfAny,
  hrefs,
  levelsIn,
  na,
  numParam,
  pct,
  type CheckContext,
  type Evaluator,
  type Evidence,
  type RuleParams,
} from "./types";

const EPS = 0.0001;
const objectives = (data: ProgramData, ctx: CheckContext) => derived(data, "objectives", () => objectivesOf(data, levelsIn(data, ctx)));

/** The financing context from the methodology; the rule's own param wins where it has one. */
export function financingContextOf(ctx: CheckContext, params: RuleParams = {}): FinancingContext {
  const base = factsOf(ctx).financing;
  return {
    ...base,
    maxLocalShare: numParam(params, "maxLocalShare", base.maxLocalShare),
    unidentifiedMaxShare: numParam(params, "maxUnidentifiedShare", base.unidentifiedMaxShare),
  };
}
const plan = (data: ProgramData, ctx: CheckContext, params: RuleParams) => {
  const fctx = financingContextOf(ctx, params);
  // Only the matrix and its two checks: the full financingPlan also builds annual lists we do not need.
  const matrix = derived(data, "financingMatrix", () => financingMatrix(data, factsOf(ctx).sourceIds));
  return derived(data, `financing:${fctx.maxLocalShare}:${fctx.unidentifiedMaxShare}`, () => ({
    matrix,
    affordability: affordability(matrix, fctx, ownRevenueByYear(data, fctx.ownRevenueRowIds)),
    unidentified: unidentifiedShare(matrix, fctx),
  }));
};

/** r10: every action hangs under an objective (a node of the last level), every node under the tree's root. */
const actionsLinkedToObjectives: Evaluator = (data, _params, ctx) => {
  const list = actionsList(data);
  if (list.length === 0) return { status: "fail", evidence: [ev("noActions", undefined, { href: hrefs.stage(data, "action_plan") })] };
  const objectiveIds = new Set(objectives(data, ctx).map((o) => o.element.id));
  const evidence: Evidence[] = list
    .filter((a) => !a.parentId || !objectiveIds.has(a.parentId))
    .map((a) => ev("actionNoObjective", { title: a.data.title }, { elementId: a.id, href: hrefs.action(data, a.id) }));
  const inTree = new Set(flattenTree(strategyTree(data)).map((t) => t.element.id));
  for (const node of many<{ title: string }>(data, KINDS.strategyNode))
    if (!inTree.has(node.id))
      evidence.push(ev("nodeOrphan", { title: node.data.title }, { elementId: node.id, href: hrefs.node(data, node.id) }));
  return failIfAny(evidence, [ev("actionsLinked", { count: list.length, objectives: objectiveIds.size })]);
};

const MISSING_PARTS: [keyof IndicatorData | "target", string, (i: IndicatorData, finalYear: number) => boolean][] = [
  ["unit", "indicatorNoUnit", (i) => Boolean(i.unit?.trim())],
  ["baselineValue", "indicatorNoBaselineValue", (i) => typeof i.baselineValue === "number"],
  ["baselineYear", "indicatorNoBaselineYear", (i) => typeof i.baselineYear === "number"],
  ["target", "indicatorNoTarget", (i, y) => typeof i.targets?.[String(y)] === "number"],
  ["source", "indicatorNoSource", (i) => Boolean(i.source?.trim())],
];

/** r11: every objective has ≥ minIndicators complete outcome indicators; incomplete ones say what they lack. */
const objectivesHaveOutcomeIndicators: Evaluator = (data, params, ctx) => {
  const list = objectives(data, ctx);
  if (list.length === 0) return { status: "fail", evidence: [ev("noObjectives", undefined, { href: hrefs.stage(data, "strategy") })] };
  const min = numParam(params, "minIndicators", 1);
  const byParent = indicatorsByParent(data);
  const labels = derived(data, "indicatorNumbers", () => indicatorNumbers(data));
  const finalYear = data.program.endYear;
  const evidence: Evidence[] = [];
  for (const o of list) {
    const outcome = (byParent.get(o.element.id) ?? []).filter((i) => i.data.type === "outcome");
    if (outcome.filter((i) => isCompleteOutcome(i.data, finalYear)).length >= min) continue;
    if (outcome.length === 0) {
      evidence.push(
        ev(
          "objectiveNoIndicator",
          { number: o.number, title: o.element.data.title },
          { elementId: o.element.id, href: hrefs.newIndicator(data, o.element.id) },
        ),
      );
      continue;
    }
    for (const i of outcome)
      for (const [, key, ok] of MISSING_PARTS)
        if (!ok(i.data, finalYear))
          evidence.push(
            ev(
              key,
              { number: labels[i.id] ?? "", name: i.data.name, year: finalYear },
              { elementId: i.id, href: hrefs.indicator(data, i.id) },
            ),
          );
    if (outcome.length < min)
      evidence.push(
        ev(
          "objectiveTooFewIndicators",
          { number: o.number, title: o.element.data.title, min },
          { elementId: o.element.id, href: hrefs.newIndicator(data, o.element.id) },
        ),
      );
  }
  return failIfAny(evidence);
};

/** r12: problems ranked high by citizens (thresholds.traceability) are answered by an action. */
const noOrphanProblems: Evaluator = (data, _params, ctx) => {
  const problems = problemsOf(data);
  if (problems.length === 0) return na("evidence.noProblems");
  if (!problems.some((p) => typeof p.priorityScore === "number")) return na("evidence.problemsNotRanked");
  // Same as traceability's unansweredProblems, but on the answers index shared with rule 9.
  const high = highPriorityProblemIds(problems, ctx.methodology.thresholds.traceability.highPriorityShare);
  const { byProblem } = derived(data, "answersIndex", () => answersIndex(data));
  const orphans = problems.filter((p) => high.has(p.id) && (byProblem.get(p.id) ?? []).length === 0);
  return failIfAny(
    orphans.map((p) =>
      ev(
        "problemUnanswered",
        { title: p.title, score: p.priorityScore ?? 0 },
        { elementId: p.id, href: `${hrefs.stage(data, "situation")}/problems` },
      ),
    ),
  );
};

/** r13: every action has a cost, funding sources, and the sources add up to the cost. */
const actionCostsAndSourcesBalance: Evaluator = (data) => {
  const list = actionsList(data);
  if (list.length === 0) return { status: "fail", evidence: [ev("noActions", undefined, { href: hrefs.stage(data, "action_plan") })] };
  const n = numbering(data);
  const evidence: Evidence[] = [];
  for (const a of list) {
    const at = { elementId: a.id, href: hrefs.action(data, a.id) };
    const base = { number: n[a.id] ?? "", title: a.data.title };
    const funded = sum(a.data.funding);
    if (!(a.data.totalCost > 0)) evidence.push(ev("actionNoCost", base, at));
    else if (funded <= 0) evidence.push(ev("actionNoSources", base, at));
    else if (Math.abs(funded - a.data.totalCost) > EPS)
      evidence.push(ev("fundingSum", { ...base, sum: funded, cost: a.data.totalCost }, at));
  }
  return failIfAny(evidence);
};

/** r14: the local budget's part of the plan stays within the share of own revenue, every year. */
const localBudgetAffordable: Evaluator = (data, params, ctx) => {
  const p = plan(data, ctx, params);
  if (p.matrix.total <= 0) return na("evidence.noCostedActions");
  const financing = hrefs.stage(data, "financing");
  const evidence: Evidence[] = [];
  // The verdict is affordability().passes: every year it fails on gets its own line of evidence.
  for (const y of p.affordability.years) {
    if (y.missingRevenue)
      evidence.push(ev("ownRevenueMissing", { year: y.year, local: y.local }, { href: hrefs.passport(data, "budget") }));
    else if (y.over)
      evidence.push(
        ev(
          "localOverShare",
          { year: y.year, local: y.local, revenue: y.ownRevenue ?? 0, share: pct(y.share ?? 0), max: pct(p.affordability.max) },
          { href: financing },
        ),
      );
  }
  return failIfAny(evidence, [ev("localWithinShare", { max: pct(p.affordability.max) })]);
};

/** r15: actions with money in the first program year (the next budget) carry the budget flag. */
const nextYearActionsFlagged: Evaluator = (data) => {
  const first = data.program.startYear;
  const active = actionsList(data).filter((a) => (actionYearAmounts(a.data)[first] ?? 0) > 0);
  if (active.length === 0) return na("evidence.noFirstYearActions", { year: first });
  const n = numbering(data);
  return failIfAny(
    active
      .filter((a) => !a.data.nextBudget)
      .map((a) =>
        ev(
          "actionNotFlagged",
          { number: n[a.id] ?? "", title: a.data.title, year: first },
          { elementId: a.id, href: hrefs.action(data, a.id) },
        ),
      ),
    [ev("actionsFlagged", { count: active.length, year: first })],
  );
};

/** r16: the share of cost without an identified source stays within the limit. */
const unidentifiedSourceShare: Evaluator = (data, params, ctx) => {
  const p = plan(data, ctx, params);
  if (p.matrix.total <= 0) return na("evidence.noCostedActions");
  const u = p.unidentified;
  const values = { amount: u.amount, total: p.matrix.total, share: pct(u.share), max: pct(u.max) };
  if (!u.over) return { status: "pass", evidence: [ev("unidentifiedWithin", values)] };
  const unidentifiedIds = new Set(
    factsOf(ctx)
      .financing.sources.filter((s) => s.unidentified)
      .map((s) => s.id),
  );
  const n = numbering(data);
  const culprits = actionsList(data)
    .filter((a) => sum(a.data.funding) <= 0 || Object.entries(a.data.funding).some(([id, v]) => unidentifiedIds.has(id) && v > 0))
    .map((a) =>
      ev("actionUnidentified", { number: n[a.id] ?? "", title: a.data.title }, { elementId: a.id, href: hrefs.action(data, a.id) }),
    );
  return { status: "fail", evidence: [ev("unidentifiedOver", values, { href: hrefs.stage(data, "financing") }), ...culprits] };
};

/** r17: each action names who is responsible (a position or unit, not left blank). */
const responsiblePartyNamed: Evaluator = (data) => {
  const list = actionsList(data);
  if (list.length === 0) return na("evidence.noActionsYet");
  const n = numbering(data);
  return failIfAny(
    list
      .filter((a) => a.data.responsible.trim().length < 3 || /^[\d\s.,-]+$/.test(a.data.responsible))
      .map((a) =>
        ev("actionNoResponsible", { number: n[a.id] ?? "", title: a.data.title }, { elementId: a.id, href: hrefs.action(data, a.id) }),
      ),
  );
};

/** r18: the action plan does not record whether an action is within LSG powers yet. */
const mandateCheck: Evaluator = () => na("evidence.mandateNotCollected");

export const logicEvaluators = {
  actionsLinkedToObjectives,
  objectivesHaveOutcomeIndicators,
  noOrphanProblems,
  actionCostsAndSourcesBalance,
  localBudgetAffordable,
  nextYearActionsFlagged,
  unidentifiedSourceShare,
  responsiblePartyNamed,
  mandateCheck,
} satisfies Record<string, Evaluator>;
