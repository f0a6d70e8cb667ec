/**
 * Stage 10, indicators (T11 outcome columns, T14 M&E matrix): the data of kind "indicator", its
 * form schema, where indicators may attach, and the stage's completeness.
 * An outcome indicator hangs under an objective (a leaf of the strategy tree), an output
 * indicator under an action; the type follows from the parent and is never chosen by hand.
 */
import { countDone, type Completeness } from "./completeness";
import { KINDS } from "./element-kinds";
import { byParent, derived, many, programYears, type ElementView, type ProgramData } from "./program-data";
import { leafLevelNodes, numbering, strategyTree, type TreeNode } from "./strategy-tree";
import { optionalText, requiredText, z } from "./validation";

export const INDICATOR_KIND = KINDS.indicator;
export const indicatorTypes = ["outcome", "output"] as const;
export type IndicatorType = (typeof indicatorTypes)[number];

/** How far back a baseline may lie: older data says little about the starting point. */
export const MAX_BASELINE_AGE = 10;

export interface IndicatorData {
  type: IndicatorType;
  name: string;
  unit: string;
  baselineValue?: number;
  baselineYear?: number;
  /** Target per program year ("2029": 100). */
  targets: Record<string, number>;
  bySex: boolean;
  baselineWomen?: number;
  baselineMen?: number;
  targetsWomen: Record<string, number>;
  targetsMen: Record<string, number>;
  source?: string;
  /** Id from templates/reference.json indicatorFrequencies. */
  frequency?: string;
  responsible?: string;
}

const value = () => z.number().min(-1e12).max(1e12);

/** One optional number per program year: field names `targets.2025`, `targets.2026`… */
function byYear(years: number[]) {
  return z.object(Object.fromEntries(years.map((y) => [String(y), value().optional()]))).default({});
}

/**
 * The form: element data plus `version` and `parentId`. Built per program because the target
 * columns and the allowed baseline years depend on its period; `parentIds` are the objectives
 * and actions an indicator may attach to.
 */
export function indicatorFormSchema(opts: { startYear: number; endYear: number; parentIds: string[]; frequencies: string[] }) {
  const years = programYears(opts);
  return z
    .object({
      version: z.number().int().min(0),
      parentId: z.string().refine((id) => opts.parentIds.includes(id), { message: "errors.choose" }),
      name: requiredText(300),
      unit: requiredText(60),
      baselineValue: value().optional(),
      baselineYear: z.number().int().optional(),
      targets: byYear(years),
      bySex: z.boolean().default(false),
      baselineWomen: value().optional(),
      baselineMen: value().optional(),
      targetsWomen: byYear(years),
      targetsMen: byYear(years),
      source: optionalText(300),
      frequency: z
        .string()
        .refine((f) => opts.frequencies.includes(f), { message: "errors.choose" })
        .optional(),
      responsible: optionalText(200),
    })
    .superRefine((v, ctx) => {
      if (v.baselineYear !== undefined && (v.baselineYear > opts.startYear || v.baselineYear < opts.startYear - MAX_BASELINE_AGE)) {
        ctx.addIssue({
          code: "custom",
          path: ["baselineYear"],
          message: `monitoring:errors.baselineYear|${JSON.stringify({ min: opts.startYear - MAX_BASELINE_AGE, max: opts.startYear })}`,
        });
      }
      if (v.baselineValue !== undefined && v.baselineYear === undefined)
        ctx.addIssue({ code: "custom", path: ["baselineYear"], message: "monitoring:errors.baselineYearNeeded" });
      // The last year's target is what the program promises (rule 11 reads it): the total always, and
      // women's and men's too when the indicator is by sex, each with its error next to its own field.
      const finalYear = String(opts.endYear);
      const year = JSON.stringify({ year: opts.endYear });
      if (v.targets[finalYear] === undefined)
        ctx.addIssue({ code: "custom", path: ["targets", finalYear], message: `monitoring:errors.finalTarget|${year}` });
      if (v.bySex) {
        if (v.baselineWomen === undefined)
          ctx.addIssue({ code: "custom", path: ["baselineWomen"], message: "monitoring:errors.bySexBaseline" });
        if (v.baselineMen === undefined)
          ctx.addIssue({ code: "custom", path: ["baselineMen"], message: "monitoring:errors.bySexBaseline" });
        for (const field of ["targetsWomen", "targetsMen"] as const)
          if (v[field][finalYear] === undefined)
            ctx.addIssue({ code: "custom", path: [field, finalYear], message: `monitoring:errors.bySexFinalTarget|${year}` });
      }
    });
}
export type IndicatorForm = z.infer<ReturnType<typeof indicatorFormSchema>>;

function compact(values: Record<string, number | undefined> | undefined, years: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const y of years) {
    const v = values?.[String(y)];
    if (typeof v === "number" && Number.isFinite(v)) out[String(y)] = v;
  }
  return out;
}

/** The stored data for a valid form; sex breakdowns are dropped when the indicator is not by sex. */
export function indicatorDataFromForm(form: IndicatorForm, type: IndicatorType, years: number[]): IndicatorData {
  const { version: _v, parentId: _p, targets, targetsWomen, targetsMen, baselineWomen, baselineMen, ...rest } = form;
  return {
    ...rest,
    type,
    targets: compact(targets, years),
    ...(form.bySex ? { baselineWomen, baselineMen } : {}),
    targetsWomen: form.bySex ? compact(targetsWomen, years) : {},
    targetsMen: form.bySex ? compact(targetsMen, years) : {},
  };
}

/** The objectives (leaf-level nodes) in tree order, with their numbers; `levels` of the chosen form (ProgramContext.levels). */
export function objectivesOf(data: ProgramData, levels: number): TreeNode[] {
  return leafLevelNodes(strategyTree(data), levels);
}

export type IndicatorView = ElementView<IndicatorData>;
export function indicatorsOf(data: ProgramData): IndicatorView[] {
  return many<IndicatorData>(data, INDICATOR_KIND);
}

/** Indicators by the objective or action they measure. Read-only (shared, see `derived`). */
export function indicatorsByParent(data: ProgramData): ReadonlyMap<string, readonly IndicatorView[]> {
  return derived(data, "indicatorsByParent", () => {
    const grouped = byParent(indicatorsOf(data));
    // An indicator without a parent measures nothing: it is neither listed nor numbered.
    grouped.delete(null);
    return grouped as Map<string, IndicatorView[]>;
  });
}

export interface IndicatorParent {
  id: string;
  type: IndicatorType;
  number: string;
  title: string;
}

/**
 * Everything an indicator may attach to: objectives (outcome) and actions (output), numbered.
 * `numbers` is numbering(data), for callers that already have it (it walks the whole tree).
 */
export function indicatorParents(data: ProgramData, levels: number, numbers: Record<string, string> = numbering(data)): IndicatorParent[] {
  const objectives = objectivesOf(data, levels);
  const actionsByParent = new Map<string, ElementView<{ title: string }>[]>();
  for (const a of many<{ title: string }>(data, KINDS.action)) {
    if (!a.parentId) continue;
    const list = actionsByParent.get(a.parentId);
    if (list) list.push(a);
    else actionsByParent.set(a.parentId, [a]);
  }
  const out: IndicatorParent[] = [];
  for (const o of objectives) {
    out.push({ id: o.element.id, type: "outcome", number: o.number, title: o.element.data.title });
    for (const a of actionsByParent.get(o.element.id) ?? [])
      out.push({ id: a.id, type: "output", number: numbers[a.id] ?? "", title: a.data.title });
  }
  return out;
}

/**
 * Indicator ids → "1.1.1-I2" style labels are not stored: the number is the parent's plus the position.
 * `byParent` and `numbers` may be passed by callers that already computed them.
 */
export function indicatorNumbers(
  data: ProgramData,
  byParent: ReadonlyMap<string, readonly IndicatorView[]> = indicatorsByParent(data),
  numbers: Readonly<Record<string, string>> = numbering(data),
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [parentId, list] of byParent)
    list.forEach((ind, i) => (out[ind.id] = `${numbers[parentId] ?? "?"}.${String.fromCharCode(97 + (i % 26))}`));
  return out;
}

/** An outcome indicator as other stages offer and show it: "1.1.1.a Name, unit", with its targets. */
export interface OutcomeChoice {
  id: string;
  number: string;
  name: string;
  label: string;
  targets: Record<string, number | undefined>;
}

/**
 * The program's outcome indicators, numbered, in tree order: what the baseline forecast's rows may
 * link to (its page, its DOCX table and rule r05 read this one list). Outputs are left out: a
 * forecast informs what the program wants to change, not what it delivers.
 */
export function outcomeChoices(data: ProgramData): OutcomeChoice[] {
  const numbers = indicatorNumbers(data);
  return indicatorsOf(data)
    .filter((i) => i.data.type === "outcome")
    .map((i) => {
      const number = numbers[i.id] ?? "";
      return {
        id: i.id,
        number,
        name: i.data.name,
        label: `${number} ${i.data.name}${i.data.unit ? `, ${i.data.unit}` : ""}`.trim(),
        targets: i.data.targets ?? {},
      };
    });
}

/** What T11 needs from an outcome indicator: unit, baseline value and year, final-year target, source. */
export function isCompleteOutcome(ind: IndicatorData, finalYear: number): boolean {
  return (
    ind.type === "outcome" &&
    ind.unit?.trim().length > 0 &&
    typeof ind.baselineValue === "number" &&
    typeof ind.baselineYear === "number" &&
    typeof ind.targets?.[String(finalYear)] === "number" &&
    Boolean(ind.source?.trim())
  );
}

/** Objectives without a complete outcome indicator (rule 11). */
export function objectivesMissingIndicator(data: ProgramData, levels: number): TreeNode[] {
  const byParent = indicatorsByParent(data);
  return objectivesOf(data, levels).filter(
    (o) => !(byParent.get(o.element.id) ?? []).some((i) => isCompleteOutcome(i.data, data.program.endYear)),
  );
}

/** Stage 10 is complete when every objective has a complete outcome indicator. */
export function indicatorsCompleteness(data: ProgramData, levels: number): Completeness {
  const objectives = objectivesOf(data, levels);
  if (objectives.length === 0) return { done: 0, total: 1, summaryKey: "completeness.indicatorsNoObjectives" };
  const missing = new Set(objectivesMissingIndicator(data, levels).map((o) => o.element.id));
  return countDone(
    objectives.map((o) => !missing.has(o.element.id)),
    "completeness.indicators",
  );
}
