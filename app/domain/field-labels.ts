/**
 * The one registry of field labels, per element kind. Forms, the history page, version compare
 * and the conflict panel all name a field through it, so a user never sees `baselineMen` or
 * `rows[prob-1].title`, and a label renamed for a form is renamed everywhere.
 *
 * A pattern is the field's path with list items written `[]` and keys that vary (row codes,
 * years, question ids) written `*`. A label is a list of parts joined by ": "; a part is an
 * i18n key, "$1"/"$2" for the value of the first/second `*`, or a key with interpolation values
 * taken from the `*`s (e.g. "Цель на {{year}}").
 */
type Part = string | { key: string; vars: Record<string, "$1" | "$2"> };
type Label = Part | Part[];

const legal = { "legalBasis[].title": "program:startup.legalTitle", "legalBasis[].reference": "program:startup.legalReference" };

const swot = Object.fromEntries(
  (["strengths", "weaknesses", "opportunities", "threats"] as const).flatMap((q) => [
    [`${q}[].text`, [`analysis:swot.${q}`, "analysis:swot.text"]],
    [`${q}[].sectorId`, [`analysis:swot.${q}`, "analysis:swot.sector"]],
    [`${q}[].groupId`, [`analysis:swot.${q}`, "analysis:swot.group"]],
  ]),
) as Record<string, Label>;

const economyCol = (c: string): Label => ["$1", `stages:passport.economy.${c}`];
const serviceCol = (c: string): Label => ["$1", `stages:passport.services.${c}`];

export const fieldLabelRegistry: Record<string, Record<string, Label>> = {
  program: {
    title: "common:programs.titleLabel",
    start_year: "common:programs.startYear",
    end_year: "common:programs.endYear",
    language: "common:programs.documentLanguage",
  },
  startup: {
    startYear: "program:startup.startYear",
    endYear: "program:startup.endYear",
    orderNumber: "program:startup.orderNumber",
    orderDate: "program:startup.orderDate",
    notes: "program:startup.notes",
    legalBasis: "program:startup.legalTitleHeading",
    ...legal,
  },
  working_group: {
    members: "stages:wg.membersTitle",
    "members[].fullName": "stages:wg.fullName",
    "members[].position": "stages:wg.position",
    "members[].organisation": "stages:wg.organisation",
    "members[].sex": "stages:wg.sex",
    "members[].roleId": "stages:wg.role",
    "members[].age": "stages:wg.age",
    "members[].youth": "stages:wg.check.youth",
    "members[].pwd": "stages:wg.pwd",
    "members[].groups": "stages:wg.groups",
    calendar: "stages:wg.calendarTitle",
    "calendar[].activity": "stages:wg.activity",
    "calendar[].start": "stages:wg.start",
    "calendar[].end": "stages:wg.end",
    "calendar[].responsible": "stages:wg.responsible",
  },
  passport_general: {
    fields: "stages:passport.general.title",
    "fields.*.value": ["$1", "stages:passport.general.value"],
    "fields.*.source": ["$1", "stages:passport.source"],
    "fields.*.year": ["$1", "stages:passport.year"],
  },
  passport_population: {
    villages: "stages:passport.population.title",
    "villages[].name": "stages:passport.population.village",
    "villages[].households": "stages:passport.population.households",
    "villages[].femaleHeaded": "stages:passport.population.femaleHeaded",
    "villages[].byAge.*.m": { key: "stages:passport.population.bandMen", vars: { band: "$1" } },
    "villages[].byAge.*.f": { key: "stages:passport.population.bandWomen", vars: { band: "$1" } },
    "villages[].totalEntered": "stages:passport.population.totalEntered",
    officialTotal: "stages:passport.population.officialTotal",
  },
  passport_vulnerable: {
    rows: "stages:passport.vulnerable.title",
    "rows[].groupId": "stages:passport.vulnerable.group",
    "rows[].total": "stages:passport.vulnerable.total",
    "rows[].male": "stages:passport.vulnerable.male",
    "rows[].female": "stages:passport.vulnerable.female",
    "rows[].children": "stages:passport.vulnerable.children",
    "rows[].note": "stages:passport.vulnerable.note",
    "rows[].source": "stages:passport.source",
    "rows[].year": "stages:passport.year",
  },
  passport_economy: {
    rows: "stages:passport.economy.title",
    "rows.*.total": economyCol("total"),
    "rows.*.men": economyCol("men"),
    "rows.*.women": economyCol("women"),
    "rows.*.youth": economyCol("youth"),
    "rows.*.source": ["$1", "stages:passport.source"],
    "rows.*.year": ["$1", "stages:passport.year"],
  },
  passport_services: {
    rows: "stages:passport.services.title",
    "rows.*.villageIds": serviceCol("villages"),
    "rows.*.coveragePct": serviceCol("coverage"),
    "rows.*.gaps": serviceCol("gaps"),
    "rows.*.groupsAffected": serviceCol("groups"),
    "rows.*.pwdAccessible": serviceCol("pwd"),
  },
  passport_budget: { rows: "stages:passport.budget.title", "rows.*.*": ["$1", "$2"] },
  lens: {
    answers: "inclusion:lens.questions",
    "answers.*.answer": ["$1", "inclusion:lens.answer"],
    "answers.*.evidence": ["$1", "inclusion:lens.evidence"],
    "answers.*.justification": ["$1", "inclusion:lens.justification"],
    "answers.*.problemIds": ["$1", "inclusion:lens.linkProblems"],
    "answers.*.actionIds": ["$1", "inclusion:lens.linkActions"],
  },
  gender: {
    decisionBodies: "inclusion:gender.decision.title",
    "decisionBodies.*.women": ["$1", "inclusion:gender.decision.women"],
    "decisionBodies.*.total": ["$1", "inclusion:gender.decision.total"],
    activities: "inclusion:gender.harvard.activities",
    "activities.*": ["$1", "inclusion:gender.harvard.who"],
    resources: "inclusion:gender.harvard.resources",
    "resources.*.accessWomen": ["$1", "inclusion:gender.harvard.accessWomen"],
    "resources.*.accessMen": ["$1", "inclusion:gender.harvard.accessMen"],
    "resources.*.controlWomen": ["$1", "inclusion:gender.harvard.controlWomen"],
    "resources.*.controlMen": ["$1", "inclusion:gender.harvard.controlMen"],
    unpaidCare: "inclusion:gender.unpaidCare.title",
    "unpaidCare.women": "inclusion:gender.unpaidCare.women",
    "unpaidCare.men": "inclusion:gender.unpaidCare.men",
    factors: "inclusion:gender.harvard.factors",
    gaps: "inclusion:gender.gaps.title",
    "gaps[].domain": "inclusion:gender.gaps.col.domain",
    "gaps[].indicator": "inclusion:gender.gaps.col.indicator",
    "gaps[].women": "inclusion:gender.gaps.col.women",
    "gaps[].men": "inclusion:gender.gaps.col.men",
    "gaps[].unit": "inclusion:gender.gaps.col.unit",
    "gaps[].cause": "inclusion:gender.gaps.col.cause",
    "gaps[].needType": "inclusion:gender.gaps.col.needType",
    "gaps[].actionIds": "inclusion:gender.gaps.col.actions",
  },
  situation_narrative: { sectors: "analysis:narrative.heading", "sectors.*": ["analysis:narrative.heading", "$1"] },
  problems: {
    rows: "analysis:problems.heading",
    "rows[].title": "analysis:problems.title",
    "rows[].sectorId": "analysis:problems.sector",
    "rows[].villageIds": "analysis:problems.villages",
    "rows[].groups": "analysis:problems.groups",
    "rows[].evidence": "analysis:problems.evidence",
    "rows[].priorityScore": "analysis:problems.priorityScore",
  },
  swot: {
    strengths: "analysis:swot.strengths",
    weaknesses: "analysis:swot.weaknesses",
    opportunities: "analysis:swot.opportunities",
    threats: "analysis:swot.threats",
    ...swot,
  },
  forecast: {
    rows: "analysis:forecast.heading",
    "rows.*.values.*": ["$1", "$2"],
    "rows.*.indicatorId": { key: "analysis:forecast.linkLabel", vars: { row: "$1" } },
    assumptions: "analysis:forecast.assumptions",
  },
  consultations: {
    meetings: "analysis:consultations.tableTitle",
    "meetings[].date": "analysis:consultations.date",
    "meetings[].villageId": "analysis:consultations.village",
    "meetings[].format": "analysis:consultations.format",
    "meetings[].title": "analysis:consultations.title",
    "meetings[].men": "analysis:consultations.men",
    "meetings[].women": "analysis:consultations.women",
    "meetings[].pwd": "analysis:consultations.pwd",
    "meetings[].youth": "analysis:consultations.youth",
    "meetings[].priorities": "analysis:consultations.priorities",
    "meetings[].priorities[].text": "analysis:consultations.priorityText",
    "meetings[].priorities[].votes": "analysis:consultations.votes",
    "meetings[].priorities[].problemId": "analysis:consultations.problem",
  },
  vision: { text: "plan:strategy.vision", form: "plan:strategy.form" },
  strategy_node: {
    title: "plan:node.title",
    description: "plan:node.description",
    nationalPrograms: "plan:node.nationalPrograms",
    priorityIds: "plan:node.priorities",
    problemIds: "plan:node.problems",
  },
  action: {
    title: "plan:action.title",
    type: "plan:action.type",
    responsible: "plan:action.responsible",
    partners: "plan:action.partners",
    startYear: "plan:action.startYear",
    endYear: "plan:action.endYear",
    totalCost: "plan:action.totalCost",
    funding: "plan:action.funding",
    "funding.*": ["plan:action.funding", "$1"],
    byYear: "plan:action.byYear",
    "byYear.*": ["plan:action.byYear", "$1"],
    output: "plan:action.output",
    beneficiaries: "plan:action.beneficiaries",
    "beneficiaries.*": ["plan:action.beneficiaries", "$1"],
    tags: "plan:action.tags",
    "tags.*": ["plan:action.tags", "$1"],
    genderTag: "plan:action.genderTag",
    addsUnpaidCare: "plan:action.addsUnpaidCare",
    nextBudget: "plan:action.nextBudget",
    targetGroups: "plan:action.targetGroups",
    problemIds: "plan:action.problems",
    priorityIds: "plan:action.priorities",
    lensQuestionIds: "plan:action.lens",
  },
  indicator: {
    type: "common:fieldLabels.indicatorType",
    bySex: "monitoring:form.bySex",
    name: "monitoring:form.name",
    unit: "monitoring:form.unit",
    baselineValue: "monitoring:form.baselineValue",
    baselineYear: "monitoring:form.baselineYear",
    baselineWomen: "monitoring:form.baselineWomen",
    baselineMen: "monitoring:form.baselineMen",
    targets: "monitoring:form.targetsHeading",
    "targets.*": { key: "monitoring:form.targetYear", vars: { year: "$1" } },
    targetsWomen: "monitoring:form.targetsHeading",
    "targetsWomen.*": { key: "monitoring:form.targetWomen", vars: { year: "$1" } },
    targetsMen: "monitoring:form.targetsHeading",
    "targetsMen.*": { key: "monitoring:form.targetMen", vars: { year: "$1" } },
    source: "monitoring:form.source",
    frequency: "monitoring:form.frequency",
    responsible: "monitoring:form.responsible",
    parentId: "monitoring:form.parent",
  },
  compliance_justification: { ruleId: "compliance:justification.title", text: "compliance:justification.label" },
  monitoring: {
    members: "monitoring:review.groupHeading",
    "members[].name": "monitoring:review.memberName",
    "members[].sex": "monitoring:review.memberSex",
    "members[].organisation": "monitoring:review.memberOrganisation",
    "members[].group": "monitoring:review.memberGroup",
    reportingFrequency: "monitoring:review.reportingFrequency",
    reportTo: "monitoring:review.reportTo",
  },
  risks: {
    rows: "monitoring:review.risksHeading",
    "rows[].risk": "monitoring:review.risk",
    "rows[].probability": "monitoring:review.probability",
    "rows[].impact": "monitoring:review.impact",
    "rows[].mitigation": "monitoring:review.mitigation",
    "rows[].owner": "monitoring:review.owner",
  },
};
/** Fields every element kind's saved data can carry besides its own. */
const shared: Record<string, Label> = { parent: "common:fieldLabels.parent", position: "common:fieldLabels.position" };

export type Translate = (key: string, options?: Record<string, unknown>) => string;
/** Names a code (a passport row, a funding source, a sector…) in the user's language; undefined when unknown. */
export type CodeName = (code: string) => string | undefined;

interface Segment {
  name: string;
  /** "[3]" (a form's list index) or "[prob-1]" (a row id in saved data); null for plain keys. */
  item: string | null;
}

function segments(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)((?:\[[^\]]*\])*)/g)) {
    const items = [...m[2].matchAll(/\[([^\]]*)\]/g)].map((x) => x[1]);
    out.push({ name: m[1], item: null });
    for (const item of items) out.push({ name: "[]", item });
  }
  return out;
}

/**
 * The entry of `table` whose pattern names the longest prefix of the path (a nested value inside a
 * named field, like a list of ids or a free-form object, is named by that field). Shared with the
 * value registry (./field-values.ts), so both read paths the same way.
 */
export function matchFieldPattern<T>(
  table: Record<string, T>,
  path: string,
): { entry: T; stars: string[]; used: number; length: number } | null {
  const segs = segments(path);
  const m = matchSegments(table, segs);
  return m ? { ...m, length: segs.length } : null;
}

function matchSegments<T>(table: Record<string, T>, segs: Segment[]): { entry: T; stars: string[]; used: number } | null {
  for (let used = segs.length; used > 0; used--) {
    const part = segs.slice(0, used);
    for (const [pattern, entry] of Object.entries(table)) {
      const p = segments(pattern);
      if (p.length !== part.length) continue;
      const stars: string[] = [];
      let ok = true;
      for (let i = 0; i < p.length && ok; i++) {
        if (p[i].name === "*") stars.push(part[i].name);
        else ok = p[i].name === part[i].name;
      }
      if (ok) return { entry, stars, used };
    }
  }
  return null;
}

function matchPattern(kind: string, segs: Segment[]): { label: Label; stars: string[]; used: number } | null {
  const m = matchSegments<Label>({ ...shared, ...(fieldLabelRegistry[kind] ?? {}) }, segs);
  return m ? { label: m.entry, stars: m.stars, used: m.used } : null;
}

/**
 * Row ids keep links and comments attached to a row; nobody types them, so pages that list
 * changed fields leave them out.
 */
export function isInternalField(path: string): boolean {
  return /(^|\.)id$/.test(path) || path === "version" || path === "intent" || path.startsWith("__");
}

/** True when the registry names this path (used by the coverage test). */
export function hasFieldLabel(kind: string, path: string): boolean {
  const segs = segments(path);
  const m = matchPattern(kind, segs);
  return m !== null && m.used === segs.length;
}

/** The i18n keys a pattern uses, for the test that every key exists in ru, ky and en. */
export function registryKeys(): string[] {
  const keys = new Set<string>();
  for (const table of [shared, ...Object.values(fieldLabelRegistry)])
    for (const label of Object.values(table))
      for (const part of Array.isArray(label) ? label : [label]) {
        if (typeof part === "string" && !part.startsWith("$")) keys.add(part);
        else if (typeof part === "object") keys.add(part.key);
      }
  return [...keys];
}

function starText(value: string, t: Translate, codeName?: CodeName): string {
  if (/^\d{4}$/.test(value)) return value;
  const q = value.match(/^q(\d+)$/);
  if (q) return t("inclusion:lens.questionN", { n: Number(q[1]) });
  return codeName?.(value) ?? value;
}

/**
 * The label of a field path in the user's language, e.g. ("indicator", "targetsMen.2029") →
 * «Цель на 2029: мужчины»; ("problems", "rows[2].title") → «Проблема (строка 3)». Row ids in saved
 * data are left out (the element's heading says which element); a form's list index is shown.
 */
export function fieldLabel(kind: string, path: string, t: Translate, codeName?: CodeName): string {
  const segs = segments(path);
  const m = matchPattern(kind, segs);
  if (!m) return t("common:fieldLabels.other");
  const stars = m.stars.map((s) => starText(s, t, codeName));
  const pick = (ref: "$1" | "$2") => stars[ref === "$1" ? 0 : 1] ?? "";
  const parts = (Array.isArray(m.label) ? m.label : [m.label]).map((p) =>
    typeof p === "string"
      ? p.startsWith("$")
        ? pick(p as "$1")
        : t(p)
      : t(p.key, Object.fromEntries(Object.entries(p.vars).map(([k, v]) => [k, pick(v)]))),
  );
  const text = parts.filter(Boolean).join(": ");
  const index = segs
    .slice(0, m.used)
    .filter((s) => s.item !== null && /^\d+$/.test(s.item))
    .pop();
  return index ? `${text} (${t("common:fieldLabels.row", { n: Number(index.item) + 1 })})` : text;
}

/** Labels for a form's error summary, keyed by the summary's pattern ("rows[].title"). */
export function formLabels(kind: string, t: Translate, codeName?: CodeName): Record<string, string> {
  return Object.fromEntries(
    Object.keys(fieldLabelRegistry[kind] ?? {})
      .filter((p) => !p.includes("*"))
      .map((p) => [p, fieldLabel(kind, p, t, codeName)]),
  );
}
