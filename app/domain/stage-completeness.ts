/**
 * Which function measures each stage (stage ids are those of templates/stages.json). Pure: the
 * caller passes the validated methodology; its facts (financing rules, strategy forms, passport
 * rows) are projected once per methodology by methodologyFacts.
 */
import type { Completeness } from "./completeness";
import type { ProgramData } from "./program-data";
import type { Methodology } from "~/methodology/schema";
import { startupCompleteness } from "./startup";
import { indicatorsCompleteness } from "./indicators";
import { reviewCompleteness } from "./monitoring";
import { situationCompleteness } from "./situation";
import { consultationsCompleteness } from "./consultations";
import { genderCompleteness } from "./gender";
import { lensCompleteness } from "./lens";
import { workingGroupCompletenessWith } from "./working-group";
import { passportCompleteness } from "./passport-completeness";
import { strategyCompleteness } from "./strategy";
import { actionPlanCompleteness } from "./actions";
import { financingCompleteness } from "./financing";
import { levelsOf, methodologyFacts } from "./program-context";

/** What the stages' measures read from the methodology. */
export type StageMethodology = Pick<Methodology, "reference" | "passport" | "thresholds" | "strategy" | "lens" | "gender">;

type StageMeasure = (data: ProgramData, m: StageMethodology) => Completeness;

const byStage: Record<string, StageMeasure> = {
  startup: startupCompleteness,
  indicators: (d, m) => indicatorsCompleteness(d, levelsOf(d, methodologyFacts(m).strategy)),
  review: reviewCompleteness,
  situation: situationCompleteness,
  consultations: consultationsCompleteness,
  working_group: (d, m) => workingGroupCompletenessWith(m.thresholds.workingGroup)(d),
  passport: (d, m) => passportCompleteness(d, methodologyFacts(m).passportRows),
  inclusive_lens: (d, m) => lensCompleteness(d, m.lens),
  gender: (d, m) => genderCompleteness(d, m),
  strategy: (d, m) => strategyCompleteness(d, methodologyFacts(m).strategy),
  action_plan: actionPlanCompleteness,
  financing: (d, m) => financingCompleteness(d, methodologyFacts(m).financing),
};

export function stageCompleteness(stageId: string, data: ProgramData, m: StageMethodology): Completeness {
  const fn = byStage[stageId];
  return fn ? fn(data, m) : { done: 0, total: 1, summaryKey: "completeness.notStarted" };
}
