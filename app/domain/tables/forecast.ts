/**
 * The baseline forecast as a table for the web page and the DOCX (section "forecast"):
 * indicator | unit | actual years | forecast years | the linked indicator's final target.
 */
import type { OutcomeChoice } from "../indicators";
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
  /** The outcome indicators a row may link to (outcomeChoices). */
  indicators: readonly Pick<OutcomeChoice, "id" | "label" | "targets">[];
  /**
   * The document's form: only rows with a figure or a link, and the two indicator columns only
   * when a row is linked (a portrait page is not spent on dashes). The page shows every row.
   */
  filledOnly?: boolean;
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
  const indicators = new Map(ctx.indicators.map((i) => [i.id, i]));
  const rows: ForecastRowView[] = ctx.rows.map((r) => {
    const e = data?.rows?.[r.id];
    const linked = e?.indicatorId ? indicators.get(e.indicatorId) : undefined;
    return {
      id: r.id,
      label: r.label,
      unit: r.unit,
      values: Object.fromEntries(all.map((y) => [y, value(e?.values?.[y])])),
      indicator: linked?.label ?? null,
      target: linked?.targets[ctx.finalYear] ?? null,
    };
  });
  const linked = rows.some((r) => r.indicator !== null);
  const shown = ctx.filledOnly ? rows.filter((r) => r.indicator !== null || Object.values(r.values).some((v) => v !== null)) : rows;
  const linkColumns: PassportColumn<ForecastRowView>[] =
    ctx.filledOnly && !linked
      ? []
      : [
          { id: "linked", header: h("linked"), kind: "text", accessor: (r) => r.indicator },
          { id: "target", header: h("target", { year: ctx.finalYear }), kind: "number", accessor: (r) => r.target },
        ];
  return {
    id: "forecast",
    title: "analysis:forecast.tableTitle",
    columns: [
      { id: "indicator", header: h("indicator"), kind: "text", accessor: (r) => r.label },
      { id: "unit", header: h("unit"), kind: "text", accessor: (r) => r.unit },
      ...yearColumns,
      ...linkColumns,
    ],
    rows: shown,
    footer: [],
  };
}
