/**
 * The baseline forecast as a table for the web page and the DOCX (section "forecast"):
 * indicator | unit | actual years | forecast years | the linked indicator's final target.
 */
import { num } from "../program-data";
import type { ForecastData } from "../forecast";
import type { HeaderText, PassportColumn, PassportTable } from "./passport-table";

export interface ForecastRowView {
  id: string;
  label: string;
  unit: string;
  values: Record<number, number | null>;
  /** "1.1.1.a Access to drinking water, %": the outcome indicator the row informs. */
  indicator: string | null;
  target: number | null;
}

export interface ForecastTableContext {
  rows: { id: string; label: string; unit: string }[];
  years: { actual: number[]; forecast: number[] };
  finalYear: number;
  /** Number and name of an indicator, and its target for a year (undefined when unknown). */
  indicator: (id: string) => { label: string; target: (year: number) => number | undefined } | undefined;
}

const h = (k: string, values?: Record<string, string | number>): HeaderText => ({ key: `analysis:forecast.col.${k}`, values });

export function forecastTable(data: Partial<ForecastData> | undefined, ctx: ForecastTableContext): PassportTable<ForecastRowView> {
  const all = [...ctx.years.actual, ...ctx.years.forecast];
  const yearColumns: PassportColumn<ForecastRowView>[] = all.map((y) => ({
    id: String(y),
    header: h(ctx.years.actual.includes(y) ? "actual" : "forecast", { year: y }),
    kind: "number",
    accessor: (r) => r.values[y] ?? null,
  }));
  const value = (v: unknown) => (v === undefined || v === null || v === "" ? null : num(v));
  return {
    id: "forecast",
    title: "analysis:forecast.tableTitle",
    columns: [
      { id: "indicator", header: h("indicator"), kind: "text", accessor: (r) => r.label },
      { id: "unit", header: h("unit"), kind: "text", accessor: (r) => r.unit },
      ...yearColumns,
      { id: "linked", header: h("linked"), kind: "text", accessor: (r) => r.indicator },
      { id: "target", header: h("target", { year: ctx.finalYear }), kind: "number", accessor: (r) => r.target },
    ],
    rows: ctx.rows.map((r) => {
      const e = data?.rows?.[r.id];
      const linked = e?.indicatorId ? ctx.indicator(e.indicatorId) : undefined;
      return {
        id: r.id,
        label: r.label,
        unit: r.unit,
        values: Object.fromEntries(all.map((y) => [y, value(e?.values?.[y])])),
        indicator: linked?.label ?? null,
        target: linked?.target(ctx.finalYear) ?? null,
      };
    }),
    footer: [],
  };
}
