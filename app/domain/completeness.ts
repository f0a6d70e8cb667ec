/** Completeness of a stage: how many of its parts are filled. Pure; each stage defines its own. */
import type { ProgramData } from "./program-data";

export interface Completeness {
  done: number;
  total: number;
  /** i18n key (namespace "program") of the one-line summary, with {{done}} and {{total}}. */
  summaryKey: string;
}

export type CompletenessFn = (data: ProgramData) => Completeness;

export function isComplete(c: Completeness): boolean {
  return c.total > 0 && c.done >= c.total;
}

/** Counts how many of the given checks hold. */
export function countDone(checks: boolean[], summaryKey: string): Completeness {
  return { done: checks.filter(Boolean).length, total: checks.length, summaryKey };
}
