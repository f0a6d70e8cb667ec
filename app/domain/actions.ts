/**
 * Stage 9, the action plan (T12): the data of one action, its form schema with the money and
 * period checks, and the completeness of the stage. Field names are the contract other stages
 * read (links.ts ActionLinks, indicators, M&E, risks) — do not rename them.
 */
import { countDone } from "./completeness";
import { formatNumber } from "./format";
import { KINDS } from "./element-kinds";
import { derived, many, type ElementView, type ProgramData } from "./program-data";
import { amount, errorKey, optionalCount, optionalText, requiredText, year, z } from "./validation";

export const ACTION_KIND = KINDS.action;

export interface ActionData {
  title: string;
  type: "project" | "measure";
  responsible: string;
  partners?: string;
  startYear: number;
  endYear: number;
  /** Thousand som. */
  totalCost: number;
  /** Source id (templates/reference.json fundingSources) → thousand som. */
  funding: Record<string, number>;
  /** Program year → thousand som. */
  byYear: Record<string, number>;
  output?: string;
  beneficiaries: { total?: number; women?: number; men?: number; pwd?: number };
  tags: { inclusive: boolean; gender: boolean; climate: boolean };
  genderTag?: string;
  addsUnpaidCare: boolean;
  targetGroups: string[];
  problemIds: string[];
  lensQuestionIds: string[];
  priorityIds: string[];
  nextBudget?: boolean;
}

/** What the form needs to know that is not in the form: template ids and the program period. */
export interface ActionFormContext {
  sourceIds: string[];
  years: number[];
  genderTagIds: string[];
  objectiveIds: string[];
  /** UI language, only to format the numbers inside error messages. */
  lang: string;
}

const EPS = 0.0001;
export const sum = (values: Record<string, number | undefined> | undefined) =>
  Object.values(values ?? {}).reduce<number>((s, v) => s + (v ?? 0), 0);
const round = (n: number) => Math.round(n * 1000) / 1000;

/** "errors.xSum|{sum, cost, diff}" with numbers formatted for the reader. */
function sumMessage(key: string, parts: number, cost: number, lang: string) {
  const f = (n: number) => formatNumber(round(n), lang, { maximumFractionDigits: 2 });
  return errorKey(key, { sum: f(parts), cost: f(cost), diff: f(Math.abs(cost - parts)) });
}

/**
 * The checks that need several fields at once. Shared by the form schema and by the validity
 * check of saved actions (completeness, T12 flags), so both say the same thing.
 */
export function actionIssues(
  v: Pick<ActionData, "startYear" | "endYear" | "totalCost" | "funding" | "byYear">,
  period: { start: number; end: number },
  lang: string,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const outside = () => errorKey("errors.yearOutsidePeriod", period);
  if (v.startYear < period.start || v.startYear > period.end) issues.push({ path: ["startYear"], message: outside() });
  if (v.endYear < period.start || v.endYear > period.end) issues.push({ path: ["endYear"], message: outside() });
  if (v.endYear < v.startYear) issues.push({ path: ["endYear"], message: "errors.endBeforeStart" });
  const funded = sum(v.funding);
  if (Math.abs(funded - v.totalCost) > EPS)
    issues.push({ path: ["funding"], message: sumMessage("plan:errors.fundingSum", funded, v.totalCost, lang) });
  const phased = sum(v.byYear);
  if (Math.abs(phased - v.totalCost) > EPS)
    issues.push({ path: ["byYear"], message: sumMessage("plan:errors.byYearSum", phased, v.totalCost, lang) });
  for (const [y, value] of Object.entries(v.byYear ?? {}))
    if ((value ?? 0) > 0 && (Number(y) < v.startYear || Number(y) > v.endYear))
      issues.push({ path: ["byYear", y], message: errorKey("plan:errors.yearOutsideAction", { start: v.startYear, end: v.endYear }) });
  return issues;
}

const idList = () => z.array(z.string().max(60)).max(100).default([]);
const optionalAmount = () => amount().optional();

export function actionFormSchema(ctx: ActionFormContext) {
  const period = { start: ctx.years[0], end: ctx.years[ctx.years.length - 1] };
  return z
    .object({
      version: z.number().int().min(0),
      objectiveId: z.string().refine((id) => ctx.objectiveIds.includes(id), { message: "errors.choose" }),
      title: requiredText(500),
      type: z.enum(["project", "measure"]),
      responsible: requiredText(300),
      partners: optionalText(500),
      startYear: year(),
      endYear: year(),
      totalCost: amount(),
      funding: z.object(Object.fromEntries(ctx.sourceIds.map((id) => [id, optionalAmount()]))),
      byYear: z.object(Object.fromEntries(ctx.years.map((y) => [String(y), optionalAmount()]))),
      output: optionalText(500),
      beneficiaries: z.object({ total: optionalCount(), women: optionalCount(), men: optionalCount(), pwd: optionalCount() }),
      tags: z.object({ inclusive: z.boolean().default(false), gender: z.boolean().default(false), climate: z.boolean().default(false) }),
      genderTag: z
        .string()
        .refine((id) => ctx.genderTagIds.includes(id), { message: "errors.choose" })
        .optional(),
      addsUnpaidCare: z.boolean().default(false),
      targetGroups: idList(),
      problemIds: idList(),
      lensQuestionIds: idList(),
      priorityIds: idList(),
      nextBudget: z.boolean().default(false),
    })
    .superRefine((v, zctx) => {
      const cleaned = { ...v, funding: compact(v.funding), byYear: compact(v.byYear) };
      for (const issue of actionIssues(cleaned, period, ctx.lang)) zctx.addIssue({ code: "custom", ...issue });
    });
}
export type ActionFormValue = z.output<ReturnType<typeof actionFormSchema>>;

/** Drops empty and zero entries, so stored splits list only the sources/years that carry money. */
export function compact(values: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, number] => typeof e[1] === "number" && e[1] !== 0));
}

/** The stored data of a valid form (objective and version go to the element, not the data). */
export function actionDataFromForm(value: ActionFormValue): ActionData {
  const { version: _v, objectiveId: _o, funding, byYear, beneficiaries, ...rest } = value;
  const ben = Object.fromEntries(Object.entries(beneficiaries).filter(([, n]) => n !== undefined));
  return { ...rest, funding: compact(funding), byYear: compact(byYear), beneficiaries: ben };
}

/**
 * Saved actions in order, read defensively (older or hand-edited data may lack fields).
 * Read-only (shared, see `derived`).
 */
export function actionsList(data: ProgramData): readonly ElementView<ActionData>[] {
  return derived(data, "actions", () => many<Partial<ActionData>>(data, ACTION_KIND).map((a) => ({ ...a, data: normalizeAction(a.data) })));
}

export function normalizeAction(d: Partial<ActionData>): ActionData {
  return {
    title: d.title ?? "",
    type: d.type === "measure" ? "measure" : "project",
    responsible: d.responsible ?? "",
    partners: d.partners,
    startYear: Number(d.startYear) || 0,
    endYear: Number(d.endYear) || 0,
    totalCost: Number(d.totalCost) || 0,
    funding: d.funding ?? {},
    byYear: d.byYear ?? {},
    output: d.output,
    beneficiaries: d.beneficiaries ?? {},
    tags: { inclusive: Boolean(d.tags?.inclusive), gender: Boolean(d.tags?.gender), climate: Boolean(d.tags?.climate) },
    genderTag: d.genderTag ?? undefined,
    addsUnpaidCare: Boolean(d.addsUnpaidCare),
    targetGroups: d.targetGroups ?? [],
    problemIds: d.problemIds ?? [],
    lensQuestionIds: d.lensQuestionIds ?? [],
    priorityIds: d.priorityIds ?? [],
    nextBudget: d.nextBudget,
  };
}

/** Problems of a saved action (empty when it is consistent). */
export function actionProblems(action: ActionData, program: { startYear: number; endYear: number }): string[] {
  return actionIssues(action, { start: program.startYear, end: program.endYear }, "en").map((i) => i.message);
}

/** Complete when there is at least one action and every action's sources and years add up. */
export function actionPlanCompleteness(data: ProgramData) {
  const actions = actionsList(data);
  const valid = actions.filter((a) => actionProblems(a.data, data.program).length === 0).length;
  return countDone([actions.length > 0, actions.length > 0 && valid === actions.length], "completeness.action_plan");
}
