/**
 * The one registry of field values that are codes, per element kind: a lens question id (`q07`),
 * a vulnerable group (`pwd`), a funding source, a meeting format, a village or problem row id, an
 * element id, a yes/no stored as `true`/`false`. Version compare (and any page that shows stored
 * values) names them through here in the user's language, so nobody reads `pwd, q07` or `true`.
 * Patterns are field-labels' (./field-labels.ts): list items `[]`, varying keys `*`.
 */
import { matchFieldPattern } from "./field-labels";

/** The lists a code can come from; the caller names each code (templates, the program's own rows). */
export const CODE_LISTS = [
  "bool",
  "sector",
  "group",
  "village",
  "problem",
  "priority",
  "element",
  "lensQuestion",
  "lensAnswer",
  "source",
  "meetingFormat",
  "sex",
  "wgRole",
  "frequency",
  "genderTag",
  "needType",
  "gapDomain",
  "whoDoesIt",
  "riskLevel",
  "actionType",
  "indicatorType",
  "language",
  "strategyForm",
  "nationalProgram",
] as const;
export type CodeList = (typeof CODE_LISTS)[number];

export const fieldValueRegistry: Record<string, Record<string, CodeList>> = {
  program: { language: "language" },
  working_group: {
    "members[].sex": "sex",
    "members[].roleId": "wgRole",
    "members[].youth": "bool",
    "members[].pwd": "bool",
    "members[].groups": "group",
  },
  passport_vulnerable: { "rows[].groupId": "group" },
  passport_services: { "rows.*.villageIds": "village", "rows.*.groupsAffected": "group", "rows.*.pwdAccessible": "bool" },
  lens: {
    "answers.*.answer": "lensAnswer",
    "answers.*.problemIds": "problem",
    "answers.*.actionIds": "element",
  },
  gender: {
    "activities.*": "whoDoesIt",
    "resources.*.accessWomen": "bool",
    "resources.*.accessMen": "bool",
    "resources.*.controlWomen": "bool",
    "resources.*.controlMen": "bool",
    "gaps[].domain": "gapDomain",
    "gaps[].needType": "needType",
    "gaps[].actionIds": "element",
  },
  problems: { "rows[].sectorId": "sector", "rows[].villageIds": "village", "rows[].groups": "group" },
  swot: Object.fromEntries(
    ["strengths", "weaknesses", "opportunities", "threats"].flatMap((q) => [
      [`${q}[].sectorId`, "sector"],
      [`${q}[].groupId`, "group"],
    ]),
  ) as Record<string, CodeList>,
  forecast: { "rows.*.indicatorId": "element" },
  consultations: {
    "meetings[].villageId": "village",
    "meetings[].format": "meetingFormat",
    "meetings[].priorities[].problemId": "problem",
  },
  vision: { form: "strategyForm" },
  strategy_node: { nationalPrograms: "nationalProgram", priorityIds: "priority", problemIds: "problem" },
  action: {
    type: "actionType",
    "tags.*": "bool",
    genderTag: "genderTag",
    addsUnpaidCare: "bool",
    nextBudget: "bool",
    targetGroups: "group",
    problemIds: "problem",
    priorityIds: "priority",
    lensQuestionIds: "lensQuestion",
  },
  indicator: { type: "indicatorType", bySex: "bool", frequency: "frequency", parentId: "element" },
  monitoring: { "members[].sex": "sex", "members[].group": "group", reportingFrequency: "frequency" },
  risks: { "rows[].probability": "riskLevel", "rows[].impact": "riskLevel" },
};
/** Every kind's element can move to another parent (an element id). */
const shared: Record<string, CodeList> = { parent: "element" };

/** Names a code of a list in the user's language; undefined when the list has no such code. */
export type CodeNames = (list: CodeList, code: string) => string | undefined;

/** Which list a field's codes come from (null: the value is the user's own text or number). */
export function valueList(kind: string, path: string): CodeList | null {
  const m = matchFieldPattern({ ...shared, ...(fieldValueRegistry[kind] ?? {}) }, path);
  return m && m.used === m.length ? m.entry : null;
}

/**
 * A stored value as a person reads it. `raw` is as version-diff flattens it: a list of codes is
 * joined with ", ". A code the list does not know (a row deleted since) reads `unknown`, never
 * the code itself; a yes/no is named even in a field the registry does not list.
 */
export function fieldValue(kind: string, path: string, raw: string, names: CodeNames, unknown: string): string {
  if (raw === "") return raw;
  const list = valueList(kind, path) ?? (raw === "true" || raw === "false" ? "bool" : null);
  if (!list) return raw;
  return raw
    .split(", ")
    .map((code) => names(list, code) ?? unknown)
    .join(", ");
}
