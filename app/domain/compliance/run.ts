/**
 * Runs every rule of templates/compliance.json over one program and attaches the working
 * group's justifications. `unjustifiedBlockers` is the submission gate of the workflow.
 */
import type { ProgramData } from "../program-data";
import type { ComplianceRule, Methodology } from "~/methodology/schema";
import { evaluators } from "./evaluators";
import type { CheckContext, Evidence, RuleStatus } from "./types";

export interface Justification {
  text: string;
  userName?: string;
  updatedAt?: string;
}

export interface RuleReport {
  rule: ComplianceRule;
  status: RuleStatus;
  evidence: Evidence[];
  /** Only on failed rules: a justification of a passing or "na" rule is kept but not shown. */
  justification?: Justification;
}

export interface ComplianceReport {
  rules: RuleReport[];
  blockersFailing: number;
  warningsFailing: number;
}

type CheckMethodology = Pick<Methodology, "compliance"> & CheckContext["methodology"];

/**
 * One full check. An evaluator that throws (e.g. on hand-edited data) fails its rule with the
 * error named, instead of taking down the page.
 */
export function runChecks(
  data: ProgramData,
  methodology: CheckMethodology,
  justifications: Record<string, Justification> = {},
  extra: Omit<CheckContext, "methodology"> = {},
): ComplianceReport {
  const ctx: CheckContext = { methodology, ...extra };
  const rules = methodology.compliance.rules.map<RuleReport>((rule) => {
    const evaluate = evaluators[rule.evaluator];
    let result: { status: RuleStatus; evidence: Evidence[] };
    if (!evaluate) result = { status: "na", evidence: [{ key: "evidence.noEvaluator", values: { name: rule.evaluator } }] };
    else {
      try {
        result = evaluate(data, rule.params, ctx);
      } catch (error) {
        result = {
          status: "fail",
          evidence: [{ key: "evidence.evaluatorError", values: { message: error instanceof Error ? error.message : String(error) } }],
        };
      }
    }
    const justification = result.status === "fail" ? justifications[rule.id] : undefined;
    return { rule, ...result, ...(justification ? { justification } : {}) };
  });
  const failing = (severity: string) => rules.filter((r) => r.status === "fail" && r.rule.severity === severity).length;
  return { rules, blockersFailing: failing("blocker"), warningsFailing: failing("warning") };
}

/** Failed blockers without a justification: while any remain, submission to the ministry is refused. */
export function unjustifiedBlockers(report: ComplianceReport): RuleReport[] {
  return report.rules.filter((r) => r.status === "fail" && r.rule.severity === "blocker" && !r.justification?.text.trim());
}

/** Share of applicable rules that pass (na rules are left out). */
export function passRate(report: ComplianceReport): number | null {
  const applicable = report.rules.filter((r) => r.status !== "na");
  return applicable.length ? applicable.filter((r) => r.status === "pass").length / applicable.length : null;
}
