/**
 * Rules 19–28: inclusivity, gender, climate and space. The lens summary, open gaps, group
 * coverage and gender parts come from lens.ts and gender.ts.
 */
import { actionsList } from "../actions";
import { genderActionCheck, genderDataOf, genderProfile, harvardFilled, MIN_GAP_ROWS } from "../gender";
import { indicatorNumbers, indicatorsOf } from "../indicators";
import { lensDataOf, lensLinkContext, lensSummary, openGaps, vulnerableGroupCoverage } from "../lens";
import { KINDS, problemsOf } from "../element-kinds";
import type { EconomyData, PopulationData, VulnerableData } from "../passport";
import { populationTotals } from "../passport-population";
import { derived, one, type ProgramData } from "../program-data";
import type { NarrativeData, SwotData } from "../situation";
import { numbering } from "../strategy-tree";
import { peopleUnitMatcher } from "./metrics";
import { ev, failIfAny, hrefs, listParam, na, numParam, pass, type Evaluator, type Evidence } from "./types";

/** r19: every lens question is answered (open gaps are rule 20). */
const inclusiveLensCompleted: Evaluator = (data, _params, ctx) => {
  const template = ctx.methodology.lens;
  const summary = lensSummary(lensDataOf(data), template, lensLinkContext(data));
  const evidence = summary.blocks
    .filter((b) => b.answered < b.questions)
    .map((b) => {
      const block = template.blocks.find((x) => x.id === b.blockId)!;
      return ev(
        "lensBlockUnanswered",
        { block: block.title, answered: b.answered, questions: b.questions },
        { href: hrefs.lensBlock(data, b.blockId) },
      );
    });
  return failIfAny(evidence, [ev("lensAnswered", { count: summary.total.questions })]);
};

/** r20: every "No"/"Partly"/"No data" answer links to a problem or action, or is explained. */
const lensGapsAddressed: Evaluator = (data, _params, ctx) => {
  const lens = lensDataOf(data);
  if (!lens || Object.keys(lens.answers ?? {}).length === 0) return na("evidence.lensNotStarted");
  const open = new Set(openGaps(lens, lensLinkContext(data)));
  const answers = new Map(ctx.methodology.lens.answers.map((a) => [a.id, a.label]));
  const evidence: Evidence[] = [];
  for (const block of ctx.methodology.lens.blocks)
    for (const q of block.questions)
      if (open.has(q.id)) {
        const answer = lens.answers[q.id]?.answer;
        evidence.push(
          ev(
            "lensGapOpen",
            { number: q.number, question: q.text, answer: answer ? (answers.get(answer) ?? answer) : "" },
            { elementId: `lens#${q.id}`, href: hrefs.lensBlock(data, block.id) },
          ),
        );
      }
  return failIfAny(evidence);
};

/** r21: each vulnerable group counted in the passport (T3) has ≥ minActionsPerGroup actions. */
const actionsPerVulnerableGroup: Evaluator = (data, params, ctx) => {
  const coverage = vulnerableGroupCoverage(data);
  if (coverage.length === 0) return na("evidence.noVulnerableGroups");
  const min = numParam(params, "minActionsPerGroup", 1);
  const labels = new Map(ctx.methodology.reference.vulnerableGroups.map((g) => [g.id, g.label]));
  return failIfAny(
    coverage
      .filter((c) => c.actionCount < min)
      .map((c) =>
        ev(
          "groupNoAction",
          { group: labels.get(c.groupId) ?? c.groupId, count: c.actionCount, min },
          { elementId: c.groupId, href: hrefs.stage(data, "action_plan") },
        ),
      ),
    [ev("groupsCovered", { count: coverage.length })],
  );
};

/** r22: T2 population, T3 vulnerable groups and the T4 rows marked "by sex" are split by sex. */
const sexDisaggregatedTablesFilled: Evaluator = (data, _params, ctx) => {
  const evidence: Evidence[] = [];
  const population = one<PopulationData>(data, KINDS.population)?.data;
  const totals = populationTotals(
    population,
    ctx.methodology.reference.ageBands.map((b) => b.id),
  );
  if (totals.total === 0) evidence.push(ev("passportTableEmpty", { table: "T2" }, { href: hrefs.passport(data, "population") }));
  else if (totals.f === 0 || totals.m === 0)
    evidence.push(ev("populationNotBySex", undefined, { href: hrefs.passport(data, "population") }));
  const vulnerable = one<VulnerableData>(data, KINDS.vulnerable);
  const groups = new Map(ctx.methodology.reference.vulnerableGroups.map((g) => [g.id, g.label]));
  for (const r of vulnerable?.data.rows ?? [])
    if ((r.total ?? 0) > 0 && r.male === undefined && r.female === undefined)
      evidence.push(
        ev(
          "rowNotBySex",
          { table: "T3", row: groups.get(r.groupId) ?? r.groupId },
          { elementId: `${vulnerable!.id}#${r.id}`, href: hrefs.passport(data, "vulnerable") },
        ),
      );
  const economy = one<EconomyData>(data, KINDS.economy);
  for (const row of ctx.methodology.passport.economy.rows) {
    const e = economy?.data.rows?.[row.id];
    if (row.bySex && e && typeof e.total === "number" && e.men === undefined && e.women === undefined)
      evidence.push(
        ev(
          "rowNotBySex",
          { table: "T4", row: row.label },
          { elementId: `${economy!.id}#${row.id}`, href: hrefs.passport(data, "economy") },
        ),
      );
  }
  return failIfAny(evidence);
};

/** r23: the gender section has its three parts: the profile, the Harvard profiles, the gap table. */
const genderAnalysisPresent: Evaluator = (data, _params, ctx) => {
  const m = ctx.methodology;
  const g = genderDataOf(data);
  const evidence: Evidence[] = [];
  if (!genderProfile(data, { profileRows: m.gender.profileRows, ageBands: m.reference.ageBands }).hasData)
    evidence.push(ev("genderProfileEmpty", undefined, { href: hrefs.stage(data, "gender") }));
  if (!harvardFilled(g, m.gender))
    evidence.push(ev("genderHarvardIncomplete", undefined, { href: `${hrefs.stage(data, "gender")}/harvard` }));
  const gaps = g?.gaps ?? [];
  if (gaps.length < MIN_GAP_ROWS || gaps.some((r) => !r.needType))
    evidence.push(ev("genderGapsIncomplete", { count: gaps.length, min: MIN_GAP_ROWS }, { href: `${hrefs.stage(data, "gender")}/gaps` }));
  return failIfAny(evidence);
};

/** r24: indicators that count people (see metrics.peopleUnitMatcher) are broken down by sex. */
const peopleIndicatorsBySex: Evaluator = (data, params, ctx) => {
  const isPeople = peopleUnitMatcher(params, ctx.methodology.reference.indicatorUnits ?? []);
  const people = indicatorsOf(data).filter((i) => isPeople(i.data.unit));
  if (people.length === 0) return na("evidence.noPeopleIndicators");
  const labels = derived(data, "indicatorNumbers", () => indicatorNumbers(data));
  return failIfAny(
    people
      .filter((i) => !i.data.bySex)
      .map((i) =>
        ev(
          "indicatorNotBySex",
          { number: labels[i.id] ?? "", name: i.data.name, unit: i.data.unit },
          { elementId: i.id, href: hrefs.indicator(data, i.id) },
        ),
      ),
    [ev("peopleIndicatorsBySex", { count: people.length })],
  );
};

/** Gender tags that make an action gender-responsive (templates/gender.json genderTags). */
export const RESPONSIVE_TAGS = ["sensitive", "transformative"];

/** r25: at least minActions actions are gender-sensitive or gender-transformative. */
const genderResponsiveActions: Evaluator = (data, params, ctx) => {
  const tags = listParam(params, "tags").length ? listParam(params, "tags") : RESPONSIVE_TAGS;
  const check = genderActionCheck(data, ctx.methodology.gender.genderTags);
  const count = tags.reduce((s, t) => s + (check.byTag[t] ?? 0), 0);
  const min = numParam(params, "minActions", ctx.methodology.thresholds.minGenderResponsiveActions);
  return count >= min
    ? pass(ev("genderActionsCount", { count, min }))
    : { status: "fail", evidence: [ev("genderActionsTooFew", { count, min }, { href: hrefs.stage(data, "action_plan") })] };
};

/** r26: each action reports its beneficiaries as women and men. */
const beneficiariesBySex: Evaluator = (data) => {
  const list = actionsList(data);
  if (list.length === 0) return na("evidence.noActionsYet");
  const n = numbering(data);
  return failIfAny(
    list
      .filter((a) => typeof a.data.beneficiaries.women !== "number" || typeof a.data.beneficiaries.men !== "number")
      .map((a) =>
        ev(
          "actionBeneficiariesNotBySex",
          { number: n[a.id] ?? "", title: a.data.title },
          { elementId: a.id, href: hrefs.action(data, a.id) },
        ),
      ),
  );
};

/** Does the situation analysis cover a sector: narrative text, a problem or a SWOT item in it? */
function sectorCovered(data: ProgramData, sectorId: string): boolean {
  const narrative = one<NarrativeData>(data, KINDS.situationNarrative)?.data.sectors?.[sectorId];
  if (narrative && narrative.trim()) return true;
  if (problemsOf(data).some((p) => p.sectorId === sectorId)) return true;
  const swot = one<Partial<SwotData>>(data, KINDS.swot)?.data;
  return Object.values(swot ?? {}).some((items) => (items ?? []).some((i) => i.sectorId === sectorId));
}

/** r27: climate risks are identified (the climate sector of the analysis) and some action adapts to them. */
const climateRisksAddressed: Evaluator = (data, params) => {
  const sector = typeof params.sector === "string" ? params.sector : "environment";
  const evidence: Evidence[] = [];
  if (!sectorCovered(data, sector))
    evidence.push(ev("climateNotIdentified", undefined, { href: `${hrefs.stage(data, "situation")}/narrative` }));
  const adapting = actionsList(data).filter((a) => a.data.tags.climate);
  if (adapting.length === 0) evidence.push(ev("noClimateAction", undefined, { href: hrefs.stage(data, "action_plan") }));
  return failIfAny(evidence, [ev("climateActions", { count: adapting.length })]);
};

/** r28: land use and the location of facilities are discussed (the land sector of the analysis). */
const spatialIssuesCovered: Evaluator = (data, params) => {
  const sector = typeof params.sector === "string" ? params.sector : "land";
  return sectorCovered(data, sector)
    ? pass(ev("spatialCovered"))
    : { status: "fail", evidence: [ev("spatialNotCovered", undefined, { href: `${hrefs.stage(data, "situation")}/narrative` })] };
};

export const inclusionEvaluators = {
  inclusiveLensCompleted,
  lensGapsAddressed,
  actionsPerVulnerableGroup,
  sexDisaggregatedTablesFilled,
  genderAnalysisPresent,
  peopleIndicatorsBySex,
  genderResponsiveActions,
  beneficiariesBySex,
  climateRisksAddressed,
  spatialIssuesCovered,
} satisfies Record<string, Evaluator>;
