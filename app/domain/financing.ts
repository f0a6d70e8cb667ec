/**
 * Stage 11, the financing plan (T13). Nothing here is typed by the user: every figure is computed
 * from the actions (their cost per year and their split by source) and from the passport budget.
 *
 * Method of the source × year matrix: an action states its cost per year (byYear) and its cost
 * per source (funding), but not the two together. We assume each source pays the same share of
 * the action in every year: cell(source, year) = Σ over actions of
 *   byYear[year] × funding[source] / Σ funding.
 * So every column adds up to what the actions plan for that year, every row to what the source
 * gives in total, and the whole matrix to the plan's total cost. An action whose years are not
 * split yet is spread evenly over its own years; an action with no sources at all counts as
 * "source not identified" (UNIDENTIFIED row).
 */
import { actionsList, sum, type ActionData } from "./actions";
import type { FinancingContext } from "./program-context";
import { countDone, type Completeness } from "./completeness";
import { ownRevenueForecast } from "./passport-budget";
import { programYears, type ElementView, type ProgramData } from "./program-data";
import { numbering } from "./strategy-tree";

export const UNIDENTIFIED = "unidentified";

export type { FinancingContext } from "./program-context";

/** The cost of an action per year: its byYear, or its cost spread evenly over its years if not split. */
export function actionYearAmounts(a: ActionData): Record<number, number> {
  const split = Object.entries(a.byYear ?? {}).filter(([, v]) => (v ?? 0) !== 0);
  if (split.length > 0) return Object.fromEntries(split.map(([y, v]) => [Number(y), v]));
  const years: number[] = [];
  for (let y = a.startYear; y <= a.endYear && years.length < 50; y++) years.push(y);
  if (years.length === 0 || !a.totalCost) return {};
  return Object.fromEntries(years.map((y) => [y, a.totalCost / years.length]));
}

/** The action's share per source (sums to 1), or the whole of it unidentified. */
export function sourceShares(a: ActionData): Record<string, number> {
  const total = sum(a.funding);
  if (total <= 0) return { [UNIDENTIFIED]: 1 };
  return Object.fromEntries(
    Object.entries(a.funding)
      .filter(([, v]) => (v ?? 0) > 0)
      .map(([id, v]) => [id, v / total]),
  );
}

export interface FinancingMatrix {
  years: number[];
  /** Source ids as rows: template order, then UNIDENTIFIED if any action has no sources. */
  sourceIds: string[];
  cells: Record<string, Record<number, number>>;
  bySource: Record<string, number>;
  byYear: Record<number, number>;
  total: number;
  /** Money planned in years outside the program period (should be 0: the form forbids it). */
  outsidePeriod: number;
}

export function financingMatrix(data: ProgramData, sourceIds: string[]): FinancingMatrix {
  return matrixOf(actionsList(data), programYears(data.program), sourceIds);
}

function matrixOf(actions: readonly ElementView<ActionData>[], years: number[], sourceIds: string[]): FinancingMatrix {
  const inPeriod = new Set(years);
  const cells: Record<string, Record<number, number>> = {};
  let outsidePeriod = 0;
  for (const { data: a } of actions) {
    // The action's split by source is the same every year: read it once, not once per year.
    const shares = Object.entries(sourceShares(a));
    for (const [y, amount] of Object.entries(actionYearAmounts(a))) {
      const year = Number(y);
      if (!inPeriod.has(year)) {
        outsidePeriod += amount;
        continue;
      }
      for (const [source, share] of shares) {
        const row = (cells[source] ??= {});
        row[year] = (row[year] ?? 0) + amount * share;
      }
    }
  }
  const known = new Set(sourceIds);
  const rows = [...sourceIds, ...Object.keys(cells).filter((id) => !known.has(id))];
  const bySource = Object.fromEntries(rows.map((s) => [s, years.reduce((t, y) => t + (cells[s]?.[y] ?? 0), 0)]));
  const byYear = Object.fromEntries(years.map((y) => [y, rows.reduce((t, s) => t + (cells[s]?.[y] ?? 0), 0)]));
  return { years, sourceIds: rows, cells, bySource, byYear, total: sum(byYear), outsidePeriod };
}

/**
 * Own revenue per program year from the passport budget (T6, via ownRevenueForecast of
 * passport.ts: the sum of the own-revenue rows). A year without a figure takes the latest earlier
 * year that has one (marked `carried`), because passports often hold actuals and a short forecast.
 */
export function ownRevenueByYear(
  data: ProgramData,
  ownRevenueRowIds: string[],
): Record<number, { value: number | null; fromYear: number | null; carried: boolean }> {
  const forecast = ownRevenueForecast(
    data,
    ownRevenueRowIds.map((id) => ({ id, group: "revenue", ownRevenue: true })),
  );
  const known = new Map<number, number>(Object.entries(forecast).map(([y, v]) => [Number(y), v]));
  const sortedYears = [...known.keys()].sort((a, b) => a - b);
  const out: Record<number, { value: number | null; fromYear: number | null; carried: boolean }> = {};
  for (const y of programYears(data.program)) {
    if (known.has(y)) out[y] = { value: known.get(y)!, fromYear: y, carried: false };
    else {
      const earlier = sortedYears.filter((k) => k < y).pop();
      out[y] =
        earlier === undefined
          ? { value: null, fromYear: null, carried: false }
          : { value: known.get(earlier)!, fromYear: earlier, carried: true };
    }
  }
  return out;
}

export interface AffordabilityYear {
  year: number;
  local: number;
  ownRevenue: number | null;
  ownRevenueFromYear: number | null;
  carried: boolean;
  /** local / own revenue; null when own revenue is unknown or zero. */
  share: number | null;
  over: boolean;
  /** The local budget pays something this year but there is no own-revenue figure to compare with. */
  missingRevenue: boolean;
}

/**
 * Whether the local budget can carry the program: the ONE definition, read by compliance rule 14,
 * the stage's completeness on the workspace, the financing page and the DOCX. Rule 14 says "each
 * year", so a single year above the limit fails it; the average is shown for context only.
 */
export interface Affordability {
  years: AffordabilityYear[];
  max: number;
  /** Mean local cost per year ÷ mean own revenue per year (§7.6 of the domain brief): context, not the verdict. */
  average: { local: number; ownRevenue: number | null; share: number | null; over: boolean };
  /** No year over the limit and no year with local spending but without an own-revenue figure. */
  passes: boolean;
  /** Years whose local share is above the limit. */
  overYears: number[];
  /** Years with local spending and no own-revenue figure (none in the passport at all). */
  missingRevenueYears: number[];
  missingRevenue: boolean;
}

export function affordability(matrix: FinancingMatrix, ctx: FinancingContext, revenue: ReturnType<typeof ownRevenueByYear>): Affordability {
  const localIds = ctx.sources.filter((s) => s.budgetKind === "local").map((s) => s.id);
  const isOver = (share: number | null) => share !== null && share > ctx.maxLocalShare + 1e-9;
  const years = matrix.years.map<AffordabilityYear>((year) => {
    const local = localIds.reduce((t, id) => t + (matrix.cells[id]?.[year] ?? 0), 0);
    const r = revenue[year] ?? { value: null, fromYear: null, carried: false };
    const share = r.value && r.value > 0 ? local / r.value : null;
    return {
      year,
      local,
      ownRevenue: r.value,
      ownRevenueFromYear: r.fromYear,
      carried: r.carried,
      share,
      over: isOver(share),
      missingRevenue: local > 0 && share === null,
    };
  });
  const n = years.length || 1;
  const local = years.reduce((t, y) => t + y.local, 0) / n;
  const known = years.filter((y) => y.ownRevenue !== null && y.ownRevenue > 0);
  const ownRevenue = known.length ? known.reduce((t, y) => t + (y.ownRevenue ?? 0), 0) / known.length : null;
  const share = ownRevenue ? local / ownRevenue : null;
  const overYears = years.filter((y) => y.over).map((y) => y.year);
  const missingRevenueYears = years.filter((y) => y.missingRevenue).map((y) => y.year);
  return {
    years,
    max: ctx.maxLocalShare,
    average: { local, ownRevenue, share, over: isOver(share) },
    passes: overYears.length === 0 && missingRevenueYears.length === 0,
    overYears,
    missingRevenueYears,
    missingRevenue: missingRevenueYears.length > 0,
  };
}

export function unidentifiedShare(matrix: FinancingMatrix, ctx: FinancingContext) {
  const ids = [UNIDENTIFIED, ...ctx.sources.filter((s) => s.unidentified).map((s) => s.id)];
  const amount = ids.reduce((t, id) => t + (matrix.bySource[id] ?? 0), 0);
  const share = matrix.total > 0 ? amount / matrix.total : 0;
  return { amount, share, max: ctx.unidentifiedMaxShare, over: share > ctx.unidentifiedMaxShare + 1e-9 };
}

export interface PlannedAction {
  id: string;
  number: string;
  title: string;
  responsible: string;
  /** Cost in the year asked for (thousand som). */
  amount: number;
  bySource: Record<string, number>;
  nextBudget: boolean;
}

// One collator for every comparison: localeCompare with options builds one per call.
const byNumber = new Intl.Collator("en", { numeric: true });

/** Actions with their numbers, read once and shared by the plans of one call. */
interface ActionSet {
  actions: readonly ElementView<ActionData>[];
  numbers: Readonly<Record<string, string>>;
}
const actionSet = (data: ProgramData): ActionSet => ({ actions: actionsList(data), numbers: numbering(data) });

function plannedIn(set: ActionSet, year: number, filter: (a: ElementView<ActionData>, amount: number) => boolean): PlannedAction[] {
  const out: PlannedAction[] = [];
  for (const el of set.actions) {
    const amount = actionYearAmounts(el.data)[year] ?? 0;
    if (!filter(el, amount)) continue;
    const bySource: Record<string, number> = {};
    for (const [s, share] of Object.entries(sourceShares(el.data))) bySource[s] = amount * share;
    out.push({
      id: el.id,
      number: set.numbers[el.id] ?? "",
      title: el.data.title,
      responsible: el.data.responsible,
      amount,
      bySource,
      nextBudget: Boolean(el.data.nextBudget),
    });
  }
  return out.sort((a, b) => byNumber.compare(a.number, b.number));
}

function nextBudgetOf(set: ActionSet, first: number): PlannedAction[] {
  return plannedIn(
    set,
    first,
    (el, amount) => Boolean(el.data.nextBudget) || amount > 0 || (el.data.startYear <= first && el.data.endYear >= first),
  );
}

/** Measures for the next budget: flagged by hand, or active in the first program year. */
export function nextBudgetActions(data: ProgramData): PlannedAction[] {
  return nextBudgetOf(actionSet(data), data.program.startYear);
}

const annualPlanOf = (set: ActionSet, year: number) => plannedIn(set, year, (_el, amount) => amount > 0);

/** The implementation plan of one year (the council approves the first one with the program). */
export function annualPlan(data: ProgramData, year: number): PlannedAction[] {
  return annualPlanOf(actionSet(data), year);
}

export function financingPlan(data: ProgramData, ctx: FinancingContext) {
  const set = actionSet(data);
  const matrix = matrixOf(
    set.actions,
    programYears(data.program),
    ctx.sources.map((s) => s.id),
  );
  const revenue = ownRevenueByYear(data, ctx.ownRevenueRowIds);
  return {
    matrix,
    affordability: affordability(matrix, ctx, revenue),
    unidentified: unidentifiedShare(matrix, ctx),
    nextBudget: nextBudgetOf(set, data.program.startYear),
    firstYear: data.program.startYear,
    annualPlan: annualPlanOf(set, data.program.startYear),
  };
}
export type FinancingPlan = ReturnType<typeof financingPlan>;

/**
 * Complete when there are costed actions and the local budget can carry them each year (the same
 * verdict as rule 14). When it cannot, the summary names the years, as the check's evidence does.
 */
export function financingCompleteness(data: ProgramData, ctx: FinancingContext): Completeness {
  const matrix = financingMatrix(
    data,
    ctx.sources.map((s) => s.id),
  );
  const a = affordability(matrix, ctx, ownRevenueByYear(data, ctx.ownRevenueRowIds));
  const done = countDone([matrix.total > 0, a.passes], "completeness.financing");
  if (matrix.total <= 0 || a.passes) return done;
  const [summaryKey, years] = a.overYears.length
    ? ["completeness.financingOver", a.overYears]
    : ["completeness.financingNoRevenue", a.missingRevenueYears];
  return { ...done, summaryKey, params: { years: years.join(", "), count: years.length } };
}
