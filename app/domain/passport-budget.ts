/**
 * T6, the local budget (thousand som): its form schema, computed totals and the own-revenue
 * forecast the financing stage compares the program with. Its own module so the other passport
 * pages do not ship it.
 */
import { KINDS } from "./element-kinds";
import { budgetYears, objectOf, version } from "./passport";
import { hasNumber, num, one, type ProgramData } from "./program-data";
import { amount, z } from "./validation";

export function budgetFormSchema(years: readonly number[], rowIds: readonly string[]) {
  return z.object({ version, rows: objectOf(rowIds, () => objectOf(years.map(String), () => amount().optional())) });
}
export interface BudgetData {
  rows: Record<string, Record<string, number | undefined>>;
}
type BudgetRowLike = { id: string; group: string; ownRevenue: boolean };

export interface BudgetTotals {
  own: Record<number, number>;
  revenue: Record<number, number>;
  balance: Record<number, number>;
}
export function budgetTotals(
  data: Partial<BudgetData> | undefined,
  years: readonly number[],
  rows: readonly BudgetRowLike[],
): BudgetTotals {
  const sumOf = (pick: (r: BudgetRowLike) => boolean, y: number) => rows.filter(pick).reduce((a, r) => a + num(data?.rows?.[r.id]?.[y]), 0);
  const out: BudgetTotals = { own: {}, revenue: {}, balance: {} };
  for (const y of years) {
    out.own[y] = sumOf((r) => r.ownRevenue, y);
    out.revenue[y] = sumOf((r) => r.group === "revenue", y);
    // Capital spending is part of total expenditure, so only the total row is subtracted.
    out.balance[y] = out.revenue[y] - num(data?.rows?.["expenditure_total"]?.[y]);
  }
  return out;
}

/**
 * Own revenue (sum of rows with ownRevenue: true) per year of T6, actuals and forecast, in
 * thousand som. Years where no own-revenue row has a value are left out, so a caller can tell
 * "no forecast" from zero. The financing stage compares the local-budget share with it.
 */
export function ownRevenueForecast(data: ProgramData, rows: readonly BudgetRowLike[]): Record<number, number> {
  const d = one<BudgetData>(data, KINDS.budget)?.data;
  const own = rows.filter((r) => r.ownRevenue);
  const out: Record<number, number> = {};
  for (const y of budgetYears(data.program).all) {
    if (!own.some((r) => hasNumber(d?.rows?.[r.id]?.[y]))) continue;
    out[y] = own.reduce((a, r) => a + num(d?.rows?.[r.id]?.[y]), 0);
  }
  return out;
}
