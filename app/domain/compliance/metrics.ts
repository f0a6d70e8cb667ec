/**
 * Measures shared by the checks and the ministry dashboard, which no stage module computes:
 * which indicators count people (rule 24) and how much of the budget reaches vulnerable groups.
 */
import { actionsList } from "../actions";
import { indicatorsOf } from "../indicators";
import type { ProgramData } from "../program-data";
import type { Item } from "~/methodology/schema";
import { listParam, type RuleParams } from "./types";

const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s.,;:()«»"'-]+/g, " ")
    .trim();

/**
 * Decides whether an indicator's unit counts people. The unit is free text, so the rule is:
 * the unit equals (ignoring case and punctuation) a label, in any language, of a unit listed in
 * `peopleUnitIds` (templates/reference.json indicatorUnits, e.g. "people" = «человек», «адам»),
 * or one of its words starts with a stem from `peopleUnitStems` («чел», «жител», «women»…).
 * Both lists are params of rule r24 in templates/compliance.json, so a methodologist can tune them.
 */
export function peopleUnitMatcher(params: RuleParams, units: readonly Item[] = []): (unit: string | undefined) => boolean {
  const ids = listParam(params, "peopleUnitIds");
  const labels = new Set(units.filter((u) => ids.includes(u.id)).flatMap((u) => [u.label.ru, u.label.ky, u.label.en].map(normalize)));
  const stems = listParam(params, "peopleUnitStems").map((s) => s.toLowerCase());
  return (unit) => {
    if (!unit) return false;
    const n = normalize(unit);
    if (labels.has(n)) return true;
    return n.split(" ").some((word) => stems.some((stem) => word.startsWith(stem)));
  };
}

export interface SexDisaggregation {
  peopleIndicators: number;
  bySex: number;
  /** bySex / peopleIndicators; null when no indicator counts people. */
  share: number | null;
}

export function sexDisaggregation(data: ProgramData, isPeople: (unit: string | undefined) => boolean): SexDisaggregation {
  const people = indicatorsOf(data).filter((i) => isPeople(i.data.unit));
  const bySex = people.filter((i) => i.data.bySex).length;
  return { peopleIndicators: people.length, bySex, share: people.length ? bySex / people.length : null };
}

export interface VulnerableBudget {
  total: number;
  /** Cost of actions that target a vulnerable group (targetGroups) or are tagged inclusive. */
  vulnerable: number;
  share: number | null;
}

/** Share of the plan's cost reaching vulnerable groups: an action counts in full when it targets any. */
export function vulnerableBudgetShare(data: ProgramData): VulnerableBudget {
  let total = 0;
  let vulnerable = 0;
  for (const a of actionsList(data)) {
    total += a.data.totalCost;
    if (a.data.targetGroups.length > 0 || a.data.tags.inclusive) vulnerable += a.data.totalCost;
  }
  return { total, vulnerable, share: total > 0 ? vulnerable / total : null };
}
