/** Completeness of a stage: how many of its parts are filled. Pure; each stage defines its own. */
import type { ProgramData } from "./program-data";

export interface Completeness {
  done: number;
  total: number;
  /** i18n key (namespace "program") of the one-line summary, with {{done}} and {{total}}. */
  summaryKey: string;
  /** Values for the summary besides done and total (e.g. the years a check failed); `count` picks the plural. */
  params?: Record<string, string | number>;
}

export type CompletenessFn = (data: ProgramData) => Completeness;

export function isComplete(c: Completeness): boolean {
  return c.total > 0 && c.done >= c.total;
}

/** Counts how many of the given checks hold. */
export function countDone(checks: boolean[], summaryKey: string): Completeness {
  return { done: checks.filter(Boolean).length, total: checks.length, summaryKey };
}

/** The values a stage's summary line is translated with; `params` (e.g. failing years) win over the defaults. */
export function summaryValues(c: Completeness): Record<string, string | number> {
  return { done: c.done, total: c.total, count: c.total, ...c.params };
}
