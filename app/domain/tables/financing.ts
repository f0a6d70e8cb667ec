/**
 * T13 "Financing plan" (source × year) and the first-year implementation plan as table
 * definitions, shared by the web page and the DOCX/XLSX exporters. The year columns depend on
 * the program period, so the definitions are built from the computed plan.
 */
import { UNIDENTIFIED, type FinancingMatrix, type PlannedAction } from "../financing";
import type { PlanColumn, PlanLabelContext, PlanTableDefinition, PlanTotalsRow } from "./action-plan";

export interface FinancingRow {
  sourceId: string;
  byYear: Record<number, number>;
  total: number;
}

/** Label of a matrix row: a template source, or "source not identified". */
export function sourceLabel(id: string, ctx: PlanLabelContext): string {
  return id === UNIDENTIFIED ? ctx.t("plan:financing.unidentifiedSource") : ctx.source(id);
}

export function financingTable(years: number[]): PlanTableDefinition<FinancingRow> {
  return {
    id: "t13-financing",
    title: "plan:financing.matrixTitle",
    columns: [
      { id: "source", header: "plan:financing.source", kind: "text", accessor: (r, ctx) => sourceLabel(r.sourceId, ctx) },
      ...years.map<PlanColumn<FinancingRow>>((y) => ({
        id: `y${y}`,
        header: "plan:financing.year",
        headerLabel: () => String(y),
        kind: "money",
        accessor: (r) => r.byYear[y] ?? 0,
      })),
      { id: "total", header: "plan:financing.total", kind: "money", accessor: (r) => r.total },
    ],
  };
}

/** Matrix rows with money (template sources nobody uses are left out), then the totals row separately. */
export function financingRows(matrix: FinancingMatrix): { rows: FinancingRow[]; totals: FinancingRow } {
  const rows = matrix.sourceIds
    .filter((id) => (matrix.bySource[id] ?? 0) > 0)
    .map((id) => ({
      sourceId: id,
      byYear: Object.fromEntries(matrix.years.map((y) => [y, matrix.cells[id]?.[y] ?? 0])),
      total: matrix.bySource[id] ?? 0,
    }));
  return { rows, totals: { sourceId: "", byYear: matrix.byYear, total: matrix.total } };
}

/** T13's totals row: each year's sum (`y<year>`) and the plan's total. */
export function financingTotalsRow(matrix: FinancingMatrix): PlanTotalsRow {
  return { ...Object.fromEntries(matrix.years.map((y) => [`y${y}`, matrix.byYear[y] ?? 0])), total: matrix.total };
}

/** Sources with money, in `order` (template order) and then any other source the amounts name. */
export function usedSourceIds(order: readonly string[], amounts: Readonly<Record<string, number>>): string[] {
  const known = new Set(order);
  return [...order, ...Object.keys(amounts).filter((id) => !known.has(id))].filter((id) => (amounts[id] ?? 0) > 0);
}

/** What a year's implementation plan pays per source, by source id. */
export function annualPlanBySource(rows: readonly PlannedAction[]): Record<string, number> {
  const bySource: Record<string, number> = {};
  for (const r of rows) for (const [id, v] of Object.entries(r.bySource)) bySource[id] = (bySource[id] ?? 0) + v;
  return bySource;
}

/** The annual plan's totals row: the year's amount and each shown source's sum (`source.<id>`). */
export function annualPlanTotalsRow(rows: readonly PlannedAction[], sourceIds: readonly string[]): PlanTotalsRow {
  const bySource = annualPlanBySource(rows);
  return { amount: rows.reduce((s, r) => s + r.amount, 0), ...Object.fromEntries(sourceIds.map((id) => [`source.${id}`, bySource[id]])) };
}

export function annualPlanTable(sourceIds: string[]): PlanTableDefinition<PlannedAction> {
  return {
    id: "annual-plan",
    title: "plan:financing.annualTitle",
    columns: [
      { id: "number", header: "plan:t12.number", kind: "text", accessor: (r) => r.number },
      { id: "title", header: "plan:t12.measure", kind: "text", accessor: (r) => r.title },
      { id: "responsible", header: "plan:t12.responsible", kind: "text", accessor: (r) => r.responsible },
      { id: "amount", header: "plan:financing.amountYear", kind: "money", accessor: (r) => r.amount },
      ...sourceIds.map<PlanColumn<PlannedAction>>((id) => ({
        id: `source.${id}`,
        header: "plan:t12.source",
        headerLabel: (ctx) => sourceLabel(id, ctx),
        kind: "money",
        accessor: (r) => r.bySource[id] ?? null,
      })),
    ],
  };
}
