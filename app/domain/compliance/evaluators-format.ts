/**
 * Rules 1–9: format and completeness, data and forecast, citizen participation.
 * Each evaluator reuses the stage modules' own computations (participation summary, passport
 * readers) so the check says exactly what the stage page says.
 */
import { actionsList } from "../actions";
import { consultationsOf, participationSummary, type Meeting } from "../consultations";
import { forecastRowsFilled, targetChecks } from "../forecast";
import { outcomeChoices } from "../indicators";
import { KINDS, prioritiesOf, villagesOf } from "../element-kinds";
import type { EconomyData, GeneralData, VulnerableData } from "../passport";
import { derived, many, one, type ProgramData } from "../program-data";
import { numbering, type StrategyNodeData } from "../strategy-tree";
import { answersIndex } from "../traceability";
import { ev, failIfAny, hrefs, listParam, na, numParam, pass, pct, type Evaluator, type Evidence } from "./types";

/** Statuses after the council approved the program: from here on the approval record must exist. */
export const POST_APPROVAL_STATUSES = ["approved", "submitted", "returned", "accepted", "published"] as const;
export const isApproved = (data: ProgramData) => (POST_APPROVAL_STATUSES as readonly string[]).includes(data.program.status);

/** The element kinds that make up each stage's section (routing and storage, not methodology). */
export const SECTION_KINDS: Record<string, string[]> = {
  startup: [KINDS.startup],
  working_group: [KINDS.workingGroup],
  passport: [KINDS.passportGeneral, KINDS.population, KINDS.vulnerable, KINDS.economy, KINDS.services, KINDS.budget],
  situation: [KINDS.situationNarrative, KINDS.problems, KINDS.swot, KINDS.forecast],
  inclusive_lens: [KINDS.lens],
  gender: [KINDS.gender],
  consultations: [KINDS.consultations],
  strategy: [KINDS.strategyNode],
  action_plan: [KINDS.action],
  indicators: [KINDS.indicator],
  // The financing plan (T13) is computed from the actions: it exists when they do.
  financing: [KINDS.action],
  review: [KINDS.monitoring, KINDS.risks],
};

/** r01: every stage that is not listed in params.optionalStages has content; approval on the title page. */
const mandatorySectionsPresent: Evaluator = (data, params, ctx) => {
  const optional = listParam(params, "optionalStages");
  const evidence: Evidence[] = [];
  for (const stage of ctx.methodology.stages) {
    if (optional.includes(stage.id)) continue;
    const kinds = SECTION_KINDS[stage.id] ?? [];
    if (!kinds.some((k) => many(data, k).length > 0))
      evidence.push(ev("sectionMissing", { stage: stage.title }, { href: hrefs.stage(data, stage.id) }));
  }
  if (isApproved(data) && ctx.approval === null) evidence.push(ev("titleApprovalMissing", undefined, { href: hrefs.review(data) }));
  const note = !isApproved(data) ? [ev("titleApprovalLater")] : [];
  return failIfAny(evidence, note);
};

/** r02: the period is set (within the allowed length) and every action's years fall within it. */
const actionDatesInPeriod: Evaluator = (data, _params, ctx) => {
  const { startYear: start, endYear: end } = data.program;
  const limits = ctx.methodology.thresholds.programYears;
  const length = end - start + 1;
  if (!(start > 0 && end >= start) || length < limits.min || length > limits.max)
    return {
      status: "fail",
      evidence: [ev("periodInvalid", { start, end, min: limits.min, max: limits.max }, { href: hrefs.stage(data, "startup") })],
    };
  const n = numbering(data);
  const evidence: Evidence[] = [];
  for (const a of actionsList(data)) {
    const moneyOutside = Object.entries(a.data.byYear).some(([y, v]) => (v ?? 0) > 0 && (Number(y) < start || Number(y) > end));
    if (a.data.startYear < start || a.data.endYear > end || a.data.startYear > end || moneyOutside)
      evidence.push(
        ev(
          "actionOutsidePeriod",
          { number: n[a.id] ?? "", title: a.data.title, from: a.data.startYear, to: a.data.endYear, start, end },
          { elementId: a.id, href: hrefs.action(data, a.id) },
        ),
      );
  }
  return failIfAny(evidence);
};

const filled = (v: unknown) => (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v.trim() !== "");

/** r03: T1 fields, T3 rows and T4 rows that carry a figure also say where and when it comes from. */
const passportSourcesAndYears: Evaluator = (data, _params, ctx) => {
  const general = one<GeneralData>(data, KINDS.passportGeneral);
  if (!general) return { status: "fail", evidence: [ev("passportTableEmpty", { table: "T1" }, { href: hrefs.passport(data, "general") })] };
  const evidence: Evidence[] = [];
  const check = (
    table: string,
    label: unknown,
    entry: { source?: string; year?: number } | undefined,
    anchor: string,
    elementId: string,
  ) => {
    if (!entry) return;
    const noSource = !filled(entry.source);
    const noYear = !filled(entry.year);
    if (noSource || noYear)
      evidence.push(
        ev(
          noSource && noYear ? "passportNoSourceYear" : noSource ? "passportNoSource" : "passportNoYear",
          { table, row: label as string },
          { elementId, href: hrefs.passport(data, anchor) },
        ),
      );
  };
  for (const f of ctx.methodology.passport.general.fields) {
    const e = general.data.fields?.[f.id];
    if (e && filled(e.value)) check("T1", f.label, e, "general", `${general.id}#${f.id}`);
  }
  const vulnerable = one<VulnerableData>(data, KINDS.vulnerable);
  const groups = new Map(ctx.methodology.reference.vulnerableGroups.map((g) => [g.id, g.label]));
  for (const r of vulnerable?.data.rows ?? [])
    check("T3", groups.get(r.groupId) ?? r.groupId, r, "vulnerable", `${vulnerable!.id}#${r.id}`);
  const economy = one<EconomyData>(data, KINDS.economy);
  for (const row of ctx.methodology.passport.economy.rows) {
    const e = economy?.data.rows?.[row.id];
    if (e && filled(e.total)) check("T4", row.label, e, "economy", `${economy!.id}#${row.id}`);
  }
  return failIfAny(evidence);
};

/** r04: the standard indicators (T1 fields, T4 rows of the template) have a value. */
const standardIndicatorsFilled: Evaluator = (data, _params, ctx) => {
  const general = one<GeneralData>(data, KINDS.passportGeneral);
  const economy = one<EconomyData>(data, KINDS.economy);
  const evidence: Evidence[] = [];
  for (const f of ctx.methodology.passport.general.fields)
    if (!filled(general?.data.fields?.[f.id]?.value))
      evidence.push(
        ev(
          "passportNoValue",
          { table: "T1", row: f.label },
          { elementId: general ? `${general.id}#${f.id}` : undefined, href: hrefs.passport(data, "general") },
        ),
      );
  for (const row of ctx.methodology.passport.economy.rows)
    if (!filled(economy?.data.rows?.[row.id]?.total))
      evidence.push(
        ev(
          "passportNoValue",
          { table: "T4", row: row.label },
          { elementId: economy ? `${economy.id}#${row.id}` : undefined, href: hrefs.passport(data, "economy") },
        ),
      );
  // The passport has no "no data, plan to obtain" note yet: a justification on this rule stands in for it.
  return failIfAny(evidence.length ? [...evidence, ev("noDataNoteNotCollected")] : []);
};

/**
 * r05: a forecast exists (a row with a program-year figure), and each outcome indicator linked to a
 * forecast row aims within `maxTrendDeviation` of the forecast for the final year: a target far
 * from the baseline trend is either a typo or a promise the program's measures cannot keep.
 * Only outcome indicators count, as on the forecast page: a link to an indicator since moved under
 * an action (output) is stale.
 */
const targetsConsistentWithForecast: Evaluator = (data, params) => {
  if (forecastRowsFilled(data).length === 0)
    return { status: "fail", evidence: [ev("forecastMissing", undefined, { href: hrefs.forecast(data) })] };
  const outcome = new Map(derived(data, "outcomeChoices", () => outcomeChoices(data)).map((i) => [i.id, i]));
  const checks = targetChecks(data, (id, year) => {
    const v = outcome.get(id)?.targets[String(year)];
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
  });
  // The forecast is there but nothing to compare it with: the first half of the rule holds, the
  // second cannot be judged yet. Passing with a note (as r08 does for the minutes it cannot see)
  // says so without hiding that the forecast itself was found; "na" would drop the rule from the
  // pass rate although its main demand is met.
  if (checks.length === 0) return pass(ev("forecastNoLinkedTargets", { year: data.program.endYear }, { href: hrefs.forecast(data) }));
  const max = numParam(params, "maxTrendDeviation", 0.5);
  const evidence: Evidence[] = [];
  for (const c of checks) {
    if (Math.abs(c.deviation) <= max) continue;
    const i = outcome.get(c.indicatorId)!;
    const base = { number: i.number, indicator: i.name, target: c.target, forecast: c.forecast, year: c.year };
    const at = { elementId: i.id, href: hrefs.indicator(data, i.id) };
    // A zero forecast has no relative distance: the text names the figures without a share.
    evidence.push(
      Number.isFinite(c.deviation)
        ? ev("targetFarFromForecast", { ...base, share: pct(Math.abs(c.deviation)), max: pct(max) }, at)
        : ev("targetFromZeroForecast", base, at),
    );
  }
  return failIfAny(evidence, [ev("targetsNearForecast", { count: checks.length, year: data.program.endYear, max: pct(max) })]);
};

function meetingLabel(m: Meeting, villages: Map<string, string>): string {
  return [m.date, m.title || (m.villageId ? villages.get(m.villageId) : undefined)].filter(Boolean).join(", ");
}

/** r06: each village of the passport had at least `minPerVillage` meetings of its own. */
const consultationPerVillage: Evaluator = (data, params) => {
  const summary = participationSummary(data);
  if (summary.meetings === 0)
    return { status: "fail", evidence: [ev("noConsultations", undefined, { href: hrefs.stage(data, "consultations") })] };
  const villages = villagesOf(data);
  if (villages.length === 0) return na("evidence.noVillages");
  const min = numParam(params, "minPerVillage", 1);
  const counts = new Map<string, number>();
  for (const m of consultationsOf(data)) if (m.villageId) counts.set(m.villageId, (counts.get(m.villageId) ?? 0) + 1);
  const short =
    min <= 1 ? villages.filter((v) => summary.uncoveredVillageIds.includes(v.id)) : villages.filter((v) => (counts.get(v.id) ?? 0) < min);
  return failIfAny(
    short.map((v) =>
      ev(
        "villageNoConsultation",
        { village: v.name, count: counts.get(v.id) ?? 0, min },
        { elementId: v.id, href: hrefs.stage(data, "consultations") },
      ),
    ),
  );
};

/** r07: every meeting counted its participants by sex; people with disability or youth took part. */
const participantsBySexRecorded: Evaluator = (data, params) => {
  const meetings = consultationsOf(data);
  if (meetings.length === 0) return na("evidence.noConsultationsYet");
  const villages = new Map(villagesOf(data).map((v) => [v.id, v.name]));
  const evidence = meetings
    .filter((m) => !((Number(m.men) || 0) + (Number(m.women) || 0) > 0))
    .map((m) => ev("meetingNoSexCount", { meeting: meetingLabel(m, villages) }, { elementId: m.id, href: hrefs.meeting(data, m.id) }));
  const s = participationSummary(data);
  if (params.requireVulnerableGroups !== false && s.pwd + s.youth === 0)
    evidence.push(ev("noVulnerableParticipants", undefined, { href: hrefs.stage(data, "consultations") }));
  return failIfAny(evidence, [ev("participationTotals", { women: s.women, men: s.men, pwd: s.pwd, youth: s.youth })]);
};

/** r08: a public hearing is recorded. Its minutes and comment log are documents the app does not hold. */
const publicHearingHeld: Evaluator = (data) => {
  const s = participationSummary(data);
  if (s.publicHearings === 0)
    return { status: "fail", evidence: [ev("noPublicHearing", undefined, { href: hrefs.stage(data, "consultations") })] };
  return pass(ev("hearingCount", { count: s.publicHearings }), ev("hearingMinutesNotCollected"));
};

/** r09: the top `topPriorities` citizens' priorities (by votes) are in a goal or answered by an action. */
const citizenPrioritiesReflected: Evaluator = (data, params) => {
  const priorities = prioritiesOf(data);
  if (priorities.length === 0) return na("evidence.noPriorities");
  const top = priorities
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (b.p.votes ?? -1) - (a.p.votes ?? -1) || a.i - b.i)
    .slice(0, numParam(params, "topPriorities", 5))
    .map(({ p }) => p);
  const { byPriority } = derived(data, "answersIndex", () => answersIndex(data));
  const inGoals = new Set(many<StrategyNodeData>(data, KINDS.strategyNode).flatMap((n) => n.data.priorityIds ?? []));
  return failIfAny(
    top
      .filter((p) => !inGoals.has(p.id) && (byPriority.get(p.id) ?? []).length === 0)
      .map((p) =>
        ev("priorityNotReflected", { text: p.text, votes: p.votes ?? 0 }, { elementId: p.id, href: hrefs.meeting(data, p.consultationId) }),
      ),
  );
};

export const formatEvaluators = {
  mandatorySectionsPresent,
  actionDatesInPeriod,
  passportSourcesAndYears,
  standardIndicatorsFilled,
  targetsConsistentWithForecast,
  consultationPerVillage,
  participantsBySexRecorded,
  publicHearingHeld,
  citizenPrioritiesReflected,
} satisfies Record<string, Evaluator>;
