/** Which function measures each stage (stage ids are those of templates/stages.json). */
import type { Completeness, CompletenessFn } from "./completeness";
import type { ProgramData } from "./program-data";
import { startupCompleteness } from "./startup";
import { indicatorsCompleteness } from "./indicators";
import { reviewCompleteness } from "./monitoring";
import { situationCompleteness } from "./situation";
import { consultationsCompleteness } from "./consultations";
import { genderCompleteness } from "./gender";
import { lensCompleteness } from "./lens";
import { methodology } from "~/methodology/templates.server";
import { workingGroupCompletenessWith } from "./working-group";
import { passportCompleteness } from "./passport-completeness";
import { strategyCompleteness } from "./strategy";
import { actionPlanCompleteness } from "./actions";
import { financingCompleteness, financingContextFrom } from "./financing";

const byStage: Record<string, CompletenessFn> = {
  startup: startupCompleteness,
  indicators: indicatorsCompleteness,
  review: reviewCompleteness,
  situation: situationCompleteness,
  consultations: consultationsCompleteness,
  working_group: (d) => workingGroupCompletenessWith(methodology.thresholds.workingGroup)(d),
  passport: passportCompleteness,
  inclusive_lens: (d) => lensCompleteness(d, methodology.lens),
  gender: (d) => genderCompleteness(d, methodology),
  strategy: strategyCompleteness,
  action_plan: actionPlanCompleteness,
  financing: (d) => financingCompleteness(d, financingContextFrom(methodology)),
};

export function stageCompleteness(stageId: string, data: ProgramData): Completeness {
  const fn = byStage[stageId];
  return fn ? fn(data) : { done: 0, total: 1, summaryKey: "completeness.notStarted" };
}
