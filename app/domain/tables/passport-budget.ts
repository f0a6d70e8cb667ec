/** T6 local budget, thousand som: item | 3 years actual | program years forecast; totals computed. */
import { num } from "../program-data";
import { budgetTotals, type BudgetData } from "../passport-budget";
import { key, type PassportColumn, type PassportContext, type PassportTable } from "./passport-table";

export interface BudgetRowView {
  id: string;
  label: string;
  values: Record<number, number | null>;
  total?: boolean;
}

export function budgetTable(
  data: Partial<BudgetData> | undefined,
  ctx: PassportContext,
  years: { actual: number[]; forecast: number[] },
): PassportTable<BudgetRowView> {
  const all = [...years.actual, ...years.forecast];
  const totals = budgetTotals(data, all, ctx.budgetRows);
  const yearColumns: PassportColumn<BudgetRowView>[] = all.map((y) => ({
    id: String(y),
    header: key(years.actual.includes(y) ? "budget.actualYear" : "budget.forecastYear", { year: y }),
    kind: "money",
    accessor: (r) => r.values[y] ?? null,
  }));
  const value = (rowId: string, y: number) => {
    const v = data?.rows?.[rowId]?.[y];
    return v === undefined || v === null ? null : num(v);
  };
  return {
    id: "t6-budget",
    title: "stages:passport.budget.title",
    columns: [{ id: "item", header: key("budget.item"), kind: "text", accessor: (r) => r.label }, ...yearColumns],
    rows: ctx.budgetRows.map((r) => ({ id: r.id, label: r.label, values: Object.fromEntries(all.map((y) => [y, value(r.id, y)])) })),
    footer: [
      { id: "own", label: "", values: totals.own, total: true },
      { id: "revenue", label: "", values: totals.revenue, total: true },
      { id: "balance", label: "", values: totals.balance, total: true },
    ],
    footerLabels: [key("budget.ownTotal"), key("budget.revenueTotal"), key("budget.balance")],
  };
}
