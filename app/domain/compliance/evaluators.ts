/**
 * Evaluator name (templates/compliance.json "evaluator") → pure function. The rules are data;
 * this map is the code. tests/unit/compliance.test.ts fails when a rule names a missing evaluator.
 */
import { approvalEvaluators } from "./evaluators-approval";
import { formatEvaluators } from "./evaluators-format";
import { inclusionEvaluators } from "./evaluators-inclusion";
import { logicEvaluators } from "./evaluators-logic";
import type { Evaluator } from "./types";

export const evaluators: Record<string, Evaluator> = {
  ...formatEvaluators,
  ...logicEvaluators,
  ...inclusionEvaluators,
  ...approvalEvaluators,
};

export type { CheckContext, Evaluator, Evidence, EvidenceValue, RuleResult, RuleStatus } from "./types";
