import { describe, expect, it } from "vitest";
import { rulePassRates, ruleStatuses, worstRulesFirst } from "~/domain/compliance/dashboard";
import { evaluators } from "~/domain/compliance/evaluators";
import { evidenceParams } from "~/domain/compliance/evidence-text";
import { peopleUnitMatcher, sexDisaggregation, vulnerableBudgetShare } from "~/domain/compliance/metrics";
import { passRate, runChecks, unjustifiedBlockers } from "~/domain/compliance/run";
import type { CheckContext, RuleResult } from "~/domain/compliance/types";
import type { ProgramData } from "~/domain/program-data";
import { isComplete } from "~/domain/completeness";
import { stageCompleteness } from "../support/shipped-methodology";
import { methodology } from "~/methodology/templates.server";
import { programWith, type Elements } from "./compliance-fixture";

const ruleOf = (evaluator: string) => methodology.compliance.rules.find((r) => r.evaluator === evaluator)!;
function evaluate(evaluator: string, data: ProgramData, extra: Omit<CheckContext, "methodology"> = {}): RuleResult {
  return evaluators[evaluator](data, ruleOf(evaluator).params, { methodology, ...extra });
}
const set = (id: string, patch: (d: any) => void) => (e: Elements) => patch(e[id].data);
const actions = (patch: (d: any) => void) => (e: Elements) => ["a1", "a2", "a3"].forEach((id) => patch(e[id].data));

interface Case {
  evaluator: string;
  /** Makes the good program fail the rule (or, for "na" rules, the case to check). */
  bad: (e: Elements) => void;
  over?: Parameters<typeof programWith>[1];
  extra?: Omit<CheckContext, "methodology">;
  goodExtra?: Omit<CheckContext, "methodology">;
  goodOver?: Parameters<typeof programWith>[1];
  badStatus?: "fail" | "na";
  goodStatus?: "pass" | "na";
  key: string;
  values?: Record<string, unknown>;
  elementId?: string;
  href?: string;
}

const cases: Case[] = [
  {
    evaluator: "mandatorySectionsPresent",
    bad: (e) => delete (e as any).gender,
    key: "evidence.sectionMissing",
    href: "/programs/1/gender",
  },
  {
    evaluator: "actionDatesInPeriod",
    bad: set("a1", (d) => (d.startYear = 2024)),
    key: "evidence.actionOutsidePeriod",
    values: { number: "1.1.1.1", from: 2024, to: 2026, start: 2025, end: 2029 },
    elementId: "a1",
    href: "/programs/1/actions/a1",
  },
  {
    evaluator: "passportSourcesAndYears",
    bad: set("pg", (d) => delete d.fields.location.source),
    key: "evidence.passportNoSource",
    values: { table: "T1" },
    elementId: "pg#location",
  },
  {
    evaluator: "standardIndicatorsFilled",
    bad: set("pe", (d) => delete d.rows.cattle.total),
    key: "evidence.passportNoValue",
    values: { table: "T4" },
    elementId: "pe#cattle",
  },
  {
    evaluator: "targetsConsistentWithForecast",
    bad: (e) => delete (e as any).fc,
    key: "evidence.forecastMissing",
    href: "/programs/1/situation/forecast",
  },
  {
    evaluator: "consultationPerVillage",
    bad: set("pp", (d) => d.villages.push({ id: "v2", name: "Кара-Таш", byAge: {} })),
    key: "evidence.villageNoConsultation",
    values: { village: "Кара-Таш", count: 0 },
    elementId: "v2",
  },
  {
    evaluator: "participantsBySexRecorded",
    bad: set("cons", (d) => Object.assign(d.meetings[0], { pwd: 0, youth: 0 })),
    key: "evidence.noVulnerableParticipants",
  },
  {
    evaluator: "publicHearingHeld",
    bad: set("cons", (d) => (d.meetings[0].format = "village_meeting")),
    key: "evidence.noPublicHearing",
    href: "/programs/1/consultations",
  },
  {
    evaluator: "citizenPrioritiesReflected",
    bad: set("d1", (d) => (d.priorityIds = [])),
    key: "evidence.priorityNotReflected",
    values: { text: "Суу", votes: 10 },
    elementId: "pri1",
    href: "/programs/1/consultations/m1",
  },
  { evaluator: "actionsLinkedToObjectives", bad: (e) => (e.a1.parent = "g1"), key: "evidence.actionNoObjective", elementId: "a1" },
  {
    evaluator: "objectivesHaveOutcomeIndicators",
    bad: (e) => {
      delete e.i1.data.baselineYear;
      Object.assign(e.i2, { parent: "a1", data: { ...e.i2.data, type: "output" } });
    },
    key: "evidence.indicatorNoBaselineYear",
    values: { number: "1.1.1.a" },
    elementId: "i1",
    href: "/programs/1/indicators/i1",
  },
  {
    evaluator: "noOrphanProblems",
    bad: set("d1", (d) => (d.problemIds = [])),
    key: "evidence.problemUnanswered",
    values: { title: "Суу жок", score: 10 },
    elementId: "p1",
  },
  {
    evaluator: "actionCostsAndSourcesBalance",
    bad: set("a1", (d) => (d.funding = { local: 100, republican: 800 })),
    key: "evidence.fundingSum",
    values: { number: "1.1.1.1", sum: 900, cost: 1000 },
    elementId: "a1",
    href: "/programs/1/actions/a1",
  },
  {
    evaluator: "localBudgetAffordable",
    bad: set("pb", (d) => (d.rows.land_tax = { "2025": 100, "2026": 100 })),
    key: "evidence.localOverShare",
    values: { year: 2025, local: 150, revenue: 100, share: 150, max: 20 },
  },
  {
    evaluator: "nextYearActionsFlagged",
    bad: set("a2", (d) => (d.nextBudget = false)),
    key: "evidence.actionNotFlagged",
    values: { number: "1.1.1.2", year: 2025 },
    elementId: "a2",
  },
  {
    evaluator: "unidentifiedSourceShare",
    bad: set("a1", (d) => (d.funding = {})),
    key: "evidence.unidentifiedOver",
    values: { amount: 1000, total: 3000 },
  },
  {
    evaluator: "responsiblePartyNamed",
    bad: set("a3", (d) => (d.responsible = " ")),
    key: "evidence.actionNoResponsible",
    elementId: "a3",
  },
  { evaluator: "mandateCheck", bad: () => {}, badStatus: "na", goodStatus: "na", key: "evidence.mandateNotCollected" },
  {
    evaluator: "inclusiveLensCompleted",
    bad: set("lens", (d) => delete d.answers.q05),
    key: "evidence.lensBlockUnanswered",
    values: { answered: 3, questions: 4 },
    href: "/programs/1/lens/B",
  },
  {
    evaluator: "lensGapsAddressed",
    bad: set("lens", (d) => (d.answers.q05.answer = "no")),
    key: "evidence.lensGapOpen",
    values: { number: 5 },
    href: "/programs/1/lens/B",
  },
  {
    evaluator: "actionsPerVulnerableGroup",
    bad: actions((d) => (d.targetGroups = [])),
    key: "evidence.groupNoAction",
    values: { count: 0, min: 1 },
    elementId: "pwd",
  },
  {
    evaluator: "sexDisaggregatedTablesFilled",
    bad: set("pv", (d) => Object.assign(d.rows[0], { male: undefined, female: undefined })),
    key: "evidence.rowNotBySex",
    values: { table: "T3" },
    elementId: "pv#vr1",
  },
  {
    evaluator: "genderAnalysisPresent",
    bad: set("gender", (d) => (d.gaps = [])),
    key: "evidence.genderGapsIncomplete",
    values: { count: 0, min: 3 },
    href: "/programs/1/gender/gaps",
  },
  {
    evaluator: "peopleIndicatorsBySex",
    bad: set("i2", (d) => (d.bySex = false)),
    key: "evidence.indicatorNotBySex",
    values: { unit: "человек" },
    elementId: "i2",
  },
  {
    evaluator: "genderResponsiveActions",
    bad: set("a3", (d) => (d.genderTag = "neutral")),
    key: "evidence.genderActionsTooFew",
    values: { count: 2, min: 3 },
  },
  {
    evaluator: "beneficiariesBySex",
    bad: set("a1", (d) => (d.beneficiaries = { total: 10 })),
    key: "evidence.actionBeneficiariesNotBySex",
    elementId: "a1",
  },
  { evaluator: "climateRisksAddressed", bad: actions((d) => (d.tags.climate = false)), key: "evidence.noClimateAction" },
  { evaluator: "spatialIssuesCovered", bad: set("sn", (d) => delete d.sectors.land), key: "evidence.spatialNotCovered" },
  {
    evaluator: "goalsAlignedWithPriorities",
    bad: set("d1", (d) => (d.nationalPrograms = ["sdg"])),
    key: "evidence.goalNotAligned",
    values: { number: "1.1" },
    elementId: "g1",
    href: "/programs/1/strategy/g1",
  },
  {
    evaluator: "sdgTagsPresent",
    bad: set("d1", (d) => (d.nationalPrograms = ["regions_sed_2030"])),
    badStatus: "na",
    key: "evidence.sdgOptional",
  },
  {
    evaluator: "jointMeGroupDefined",
    bad: set("mon", (d) => (d.members = d.members.slice(0, 1))),
    key: "evidence.meGroupTooSmall",
    values: { count: 1, min: 3 },
    href: "/programs/1/review",
  },
  { evaluator: "reportingFrequencySet", bad: set("mon", (d) => delete d.reportingFrequency), key: "evidence.noReportingFrequency" },
  {
    evaluator: "resolutionRecorded",
    bad: () => {},
    over: { status: "approved" },
    extra: { approval: null },
    goodExtra: { approval: { resolutionNumber: "12", resolutionDate: "2025-03-01" } },
    key: "evidence.resolutionMissing",
    href: "/programs/1/review",
  },
  {
    evaluator: "publicationUrlSet",
    bad: () => {},
    over: { status: "accepted" },
    extra: { publicationUrl: null },
    goodOver: { status: "published" },
    goodExtra: { publicationUrl: "https://example.kg/p" },
    key: "evidence.publicationMissing",
  },
  {
    evaluator: "kyrgyzVersionExists",
    bad: () => {},
    over: { language: "ru" },
    key: "evidence.documentNotKyrgyz",
    href: "/programs/1/settings",
  },
];

describe("compliance evaluators", () => {
  it("has an evaluator for every rule of templates/compliance.json, and a test case for each", () => {
    const names = methodology.compliance.rules.map((r) => r.evaluator);
    expect(names.filter((n) => !evaluators[n])).toEqual([]);
    expect(cases.map((c) => c.evaluator).sort()).toEqual([...names].sort());
  });

  it.each(cases)("$evaluator: passes on the good program, fails with evidence on the broken one", (c) => {
    const good = evaluate(
      c.evaluator,
      programWith(() => {}, c.goodOver ?? {}),
      c.goodExtra ?? {},
    );
    expect(good.status, JSON.stringify(good.evidence)).toBe(c.goodStatus ?? "pass");
    const bad = evaluate(c.evaluator, programWith(c.bad, c.over ?? {}), c.extra ?? {});
    expect(bad.status).toBe(c.badStatus ?? "fail");
    const hit = bad.evidence.find((e) => e.key === c.key);
    expect(hit, JSON.stringify(bad.evidence)).toBeDefined();
    if (c.values) expect(hit!.values).toMatchObject(c.values);
    if (c.elementId) expect(hit!.elementId).toBe(c.elementId);
    if (c.href) expect(hit!.href).toBe(c.href);
  });

  it("says why when the workflow facts are not passed in (na, not pass)", () => {
    const data = programWith();
    expect(evaluate("resolutionRecorded", data).status).toBe("na");
    expect(evaluate("publicationUrlSet", data).status).toBe("na");
    expect(evaluate("resolutionRecorded", data, { approval: null }).evidence[0].key).toBe("evidence.approvalLater");
  });
});

describe("runChecks and the submission gate", () => {
  it("finds nothing failing on the good program", () => {
    const report = runChecks(programWith(), methodology, {}, { approval: null, publicationUrl: null });
    expect(report.rules.filter((r) => r.status === "fail").map((r) => [r.rule.id, r.evidence])).toEqual([]);
    expect(report.blockersFailing).toBe(0);
    expect(passRate(report)).toBe(1);
  });

  it("lists failed blockers until each has a justification", () => {
    const data = programWith((e) => {
      e.a1.parent = "g1";
      e.a2.data.funding = { local: 1 };
    });
    const report = runChecks(data, methodology);
    expect(unjustifiedBlockers(report).map((r) => r.rule.id)).toEqual(["r10", "r13"]);
    expect(report.blockersFailing).toBe(2);
    const justified = runChecks(data, methodology, { r10: { text: "Временно" }, r13: { text: "  " }, r35: { text: "kept but hidden" } });
    expect(unjustifiedBlockers(justified).map((r) => r.rule.id)).toEqual(["r13"]);
    expect(justified.rules.find((r) => r.rule.id === "r35")!.justification).toBeUndefined();
  });

  it("fails a rule whose evaluator throws, naming the error", () => {
    const data = programWith((e) => (e.a1.data = null));
    const report = runChecks(data, methodology);
    expect(report.rules.some((r) => r.evidence.some((e) => e.key === "evidence.evaluatorError"))).toBe(true);
  });
});

describe("dashboard measures", () => {
  it("counts people indicators by the unit rule of r24", () => {
    const isPeople = peopleUnitMatcher(ruleOf("peopleIndicatorsBySex").params, methodology.reference.indicatorUnits);
    expect(["человек", "чел.", "Адам", "people", "жителей", "женщин", "persons"].map(isPeople)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["%", "домохозяйств", "км", "тыс. сом", undefined].map(isPeople)).toEqual([false, false, false, false, false]);
    expect(sexDisaggregation(programWith(), isPeople)).toEqual({ peopleIndicators: 1, bySex: 1, share: 1 });
  });

  it("shares the cost of actions for vulnerable groups", () => {
    const data = programWith((e) => {
      e.a1.data.targetGroups = [];
      e.a1.data.tags.inclusive = false;
    });
    expect(vulnerableBudgetShare(data)).toEqual({ total: 3000, vulnerable: 2000, share: 2 / 3 });
  });

  it("ranks rules by pass rate across programs", () => {
    const reports = [
      runChecks(programWith(), methodology),
      runChecks(
        programWith((e) => (e.a1.parent = "g1")),
        methodology,
      ),
    ];
    const rates = rulePassRates(reports.map(ruleStatuses));
    expect(rates.find((r) => r.ruleId === "r10")).toEqual({ ruleId: "r10", pass: 1, fail: 1, na: 0, rate: 0.5 });
    expect(worstRulesFirst(rates)[0].ruleId).toBe("r10");
  });

  it("formats evidence numbers but not years, and localizes template texts", () => {
    expect(evidenceParams({ sum: 3200, year: 2025, from: 2024, row: { ru: "Площадь", ky: "Аянты", en: "Area" } }, "ru")).toEqual({
      sum: "3\u00a0200",
      year: "2025",
      from: "2024",
      row: "Площадь",
    });
  });
});

describe("affordability: one verdict for rule 14 and stage 11", () => {
  const r14 = (data: ProgramData) => runChecks(data, methodology).rules.find((r) => r.rule.evaluator === "localBudgetAffordable")!;

  it("a single year over the limit fails the rule and leaves the stage unfinished, both naming that year", () => {
    // 150 of local money in 2026 against 500 of own revenue: 30 %, while the program average stays near 1 %.
    const data = programWith(set("pb", (d) => (d.rows.land_tax["2026"] = 500)));
    const rule = r14(data);
    expect(rule.status).toBe("fail");
    expect(rule.evidence.map((e) => e.values?.year)).toEqual([2026]);
    const stage = stageCompleteness("financing", data);
    expect(isComplete(stage)).toBe(false);
    expect(stage).toMatchObject({ summaryKey: "completeness.financingOver", params: { years: "2026", count: 1 } });
  });

  it("every year within the limit passes the rule and completes the stage", () => {
    const data = programWith();
    expect(r14(data).status).toBe("pass");
    expect(isComplete(stageCompleteness("financing", data))).toBe(true);
  });
});
