/**
 * Rules 29–35: alignment, M&E and approval. Approval and publication are workflow records, not
 * elements, so the caller passes them in the context; when it does not, the rule is "na".
 */
import { KINDS } from "../element-kinds";
import { groupComposition, MIN_MONITORING_MEMBERS, type MonitoringData } from "../monitoring";
import { many, one, type ElementView } from "../program-data";
import { flattenTree, strategyTree, type StrategyNodeData } from "../strategy-tree";
import { isApproved } from "./evaluators-format";
import { ev, failIfAny, hrefs, levelsIn, listParam, na, pass, type Evaluator } from "./types";

/** r29: each goal (the level above objectives) or a node above it names a national or raion priority. */
const goalsAlignedWithPriorities: Evaluator = (data, params, ctx) => {
  const levels = levelsIn(data, ctx);
  const goals = flattenTree(strategyTree(data)).filter((n) => n.depth === Math.max(0, levels - 2));
  if (goals.length === 0) return { status: "fail", evidence: [ev("noGoals", undefined, { href: hrefs.stage(data, "strategy") })] };
  const excluded = listParam(params, "excludePrograms");
  const byId = new Map(many<StrategyNodeData>(data, KINDS.strategyNode).map((n) => [n.id, n]));
  const aligned = (node: ElementView<StrategyNodeData> | undefined, seen = new Set<string>()): boolean => {
    if (!node || seen.has(node.id)) return false;
    seen.add(node.id);
    if ((node.data.nationalPrograms ?? []).some((p) => !excluded.includes(p))) return true;
    return aligned(node.parentId ? byId.get(node.parentId) : undefined, seen);
  };
  return failIfAny(
    goals
      .filter((g) => !aligned(g.element))
      .map((g) =>
        ev(
          "goalNotAligned",
          { number: g.number, title: g.element.data.title },
          { elementId: g.element.id, href: hrefs.node(data, g.element.id) },
        ),
      ),
    [ev("goalsAligned", { count: goals.length })],
  );
};

/** r30 (optional): some strategy node is tagged to the SDGs. Absent tags are "na", not a failure. */
const sdgTagsPresent: Evaluator = (data, params) => {
  const sdg = typeof params.program === "string" ? params.program : "sdg";
  const tagged = many<StrategyNodeData>(data, KINDS.strategyNode).filter((n) => (n.data.nationalPrograms ?? []).includes(sdg));
  return tagged.length > 0 ? pass(ev("sdgTagged", { count: tagged.length })) : na("evidence.sdgOptional");
};

/** r31: the joint M&E group has at least MIN_MONITORING_MEMBERS members. */
const jointMeGroupDefined: Evaluator = (data) => {
  const m = one<MonitoringData>(data, KINDS.monitoring)?.data;
  const c = groupComposition(m);
  return c.total >= MIN_MONITORING_MEMBERS
    ? pass(ev("meGroupMembers", { count: c.total, women: c.women }))
    : { status: "fail", evidence: [ev("meGroupTooSmall", { count: c.total, min: MIN_MONITORING_MEMBERS }, { href: hrefs.review(data) })] };
};

/** r32: a reporting frequency of at least minReportsPerYear (params.perYear maps frequency ids) and to whom. */
const reportingFrequencySet: Evaluator = (data, params) => {
  const m = one<MonitoringData>(data, KINDS.monitoring)?.data;
  const at = { href: hrefs.review(data) };
  if (!m?.reportingFrequency) return { status: "fail", evidence: [ev("noReportingFrequency", undefined, at)] };
  const perYear = Object.fromEntries(
    listParam(params, "perYear")
      .map((p) => p.split(":"))
      .map(([id, n]) => [id, Number(n)]),
  );
  const min = typeof params.minReportsPerYear === "number" ? params.minReportsPerYear : 1;
  const evidence = [];
  if (m.reportingFrequency in perYear && perYear[m.reportingFrequency] < min) evidence.push(ev("reportingTooRare", { min }, at));
  if (!m.reportTo?.trim()) evidence.push(ev("noReportTo", undefined, at));
  return failIfAny(evidence);
};

/** r33: the council's resolution number and date (recorded when the deputies approve). */
const resolutionRecorded: Evaluator = (data, _params, ctx) => {
  if (ctx.approval === undefined) return na("evidence.approvalNotCollected");
  if (ctx.approval) return pass(ev("resolution", { number: ctx.approval.resolutionNumber, date: ctx.approval.resolutionDate }));
  if (!isApproved(data)) return na("evidence.approvalLater");
  return { status: "fail", evidence: [ev("resolutionMissing", undefined, { href: hrefs.review(data) })] };
};

/** r34: the publication link, entered when the accepted program is published. */
const publicationUrlSet: Evaluator = (data, _params, ctx) => {
  if (ctx.publicationUrl === undefined) return na("evidence.publicationNotCollected");
  if (ctx.publicationUrl) return pass(ev("publishedAt", { url: ctx.publicationUrl }));
  if (!["accepted", "published"].includes(data.program.status)) return na("evidence.publicationLater");
  return { status: "fail", evidence: [ev("publicationMissing", undefined, { href: hrefs.review(data) })] };
};

/** r35: the document is written in Kyrgyz (a separate Russian/Kyrgyz pair is not held in the app). */
const kyrgyzVersionExists: Evaluator = (data, params) => {
  const lang = typeof params.language === "string" ? params.language : "ky";
  return data.program.language === lang
    ? pass(ev("documentLanguageOk"))
    : { status: "fail", evidence: [ev("documentNotKyrgyz", undefined, { href: hrefs.settings(data) })] };
};

export const approvalEvaluators = {
  goalsAlignedWithPriorities,
  sdgTagsPresent,
  jointMeGroupDefined,
  reportingFrequencySet,
  resolutionRecorded,
  publicationUrlSet,
  kyrgyzVersionExists,
} satisfies Record<string, Evaluator>;
