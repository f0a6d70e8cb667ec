/**
 * The ministry dashboard's figures, pure: one row per program and the pass rate of each rule
 * across the listed programs (which rules fail most often).
 */
import { isComplete, type Completeness } from "../completeness";
import type { ProgramData } from "../program-data";
import { sexDisaggregation, vulnerableBudgetShare } from "./metrics";
import type { ComplianceReport } from "./run";
import type { RuleStatus } from "./types";

export interface DashboardRow {
  id: number;
  title: string;
  municipality: { id: number; nameRu: string; nameKy: string; raion: string; oblast: string };
  startYear: number;
  endYear: number;
  status: string;
  stagesComplete: number;
  stagesTotal: number;
  blockersFailing: number;
  warningsFailing: number;
  /** Share of the plan's cost on actions for vulnerable groups; null without costed actions. */
  vulnerableShare: number | null;
  /** Share of people-level indicators broken down by sex; null when none counts people. */
  bySexShare: number | null;
}

export function dashboardRow(
  data: ProgramData,
  report: Pick<ComplianceReport, "blockersFailing" | "warningsFailing">,
  stages: Completeness[],
  isPeople: (unit: string | undefined) => boolean,
): DashboardRow {
  const p = data.program;
  return {
    id: p.id,
    title: p.title,
    municipality: {
      id: p.municipality.id,
      nameRu: p.municipality.nameRu,
      nameKy: p.municipality.nameKy,
      raion: p.municipality.raion,
      oblast: p.municipality.oblast,
    },
    startYear: p.startYear,
    endYear: p.endYear,
    status: p.status,
    stagesComplete: stages.filter(isComplete).length,
    stagesTotal: stages.length,
    blockersFailing: report.blockersFailing,
    warningsFailing: report.warningsFailing,
    vulnerableShare: vulnerableBudgetShare(data).share,
    bySexShare: sexDisaggregation(data, isPeople).share,
  };
}

export interface RulePassRate {
  ruleId: string;
  pass: number;
  fail: number;
  na: number;
  /** pass / (pass + fail); null when the rule applied to no program. */
  rate: number | null;
}

/** Each rule's status in one report, the shape the dashboard cache keeps. */
export function ruleStatuses(report: Pick<ComplianceReport, "rules">): Record<string, RuleStatus> {
  return Object.fromEntries(report.rules.map((r) => [r.rule.id, r.status]));
}

/** Pass rate of every rule across programs, in rule order. Sort by `rate` to see what fails most. */
export function rulePassRates(programs: Record<string, RuleStatus>[]): RulePassRate[] {
  const byRule = new Map<string, RulePassRate>();
  for (const statuses of programs)
    for (const [ruleId, status] of Object.entries(statuses)) {
      const row = byRule.get(ruleId) ?? byRule.set(ruleId, { ruleId, pass: 0, fail: 0, na: 0, rate: null }).get(ruleId)!;
      row[status] += 1;
    }
  return [...byRule.values()].map((r) => ({ ...r, rate: r.pass + r.fail > 0 ? r.pass / (r.pass + r.fail) : null }));
}

/** Worst first: lowest pass rate, then most failures; rules that never applied last. */
export function worstRulesFirst(rates: RulePassRate[]): RulePassRate[] {
  return [...rates].sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || b.fail - a.fail || a.ruleId.localeCompare(b.ruleId));
}

export interface DashboardFilters {
  oblast?: string;
  raion?: string;
  status?: string;
}

export function matchesFilters(row: Pick<DashboardRow, "municipality" | "status">, f: DashboardFilters): boolean {
  return (
    (!f.oblast || row.municipality.oblast === f.oblast) &&
    (!f.raion || row.municipality.raion === f.raion) &&
    (!f.status || row.status === f.status)
  );
}
