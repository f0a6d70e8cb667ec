/** Which function measures each stage (stage ids are those of templates/stages.json). */
import type { Completeness, CompletenessFn } from "./completeness";
import type { ProgramData } from "./program-data";
import { startupCompleteness } from "./startup";

const byStage: Record<string, CompletenessFn> = {
  startup: startupCompleteness,
};

export function stageCompleteness(stageId: string, data: ProgramData): Completeness {
  const fn = byStage[stageId];
  return fn ? fn(data) : { done: 0, total: 1, summaryKey: "completeness.notStarted" };
}
