/**
 * T14, the M&E matrix: one row per indicator (outcome indicators of each objective, then the
 * output indicators of its actions), defined once for the web page, DOCX and XLSX.
 * Headers are i18n keys (namespace "monitoring") with params; labels of codes (type, frequency)
 * come through the context the caller passes in, so this stays pure.
 */
import {
  indicatorsByParent,
  indicatorNumbers,
  indicatorParents,
  type IndicatorData,
  type IndicatorParent,
  type IndicatorView,
} from "../indicators";
import { programYears, type ProgramData } from "../program-data";

export type ColumnKind = "text" | "number" | "money";

/** Lookups an exporter provides in its language. */
export interface MeMatrixContext {
  /** Translates an i18n key (namespace-prefixed); params for year columns. */
  t: (key: string, params?: Record<string, unknown>) => string;
  /** Template label of a frequency (templates/reference.json indicatorFrequencies). */
  frequency: (id: string) => string;
  lang: "ru" | "ky" | "en";
}

export interface MeMatrixColumn {
  id: string;
  /** i18n key (namespace-prefixed) of the header, with `headerParams` (the year). */
  header: string;
  headerParams?: Record<string, unknown>;
  /** Columns under a shared group header (targets, actual values) carry its i18n key. */
  group?: string;
  kind: ColumnKind;
  accessor: (row: MeMatrixRow, ctx: MeMatrixContext) => string | number | null;
}

export interface MeMatrixDefinition {
  id: string;
  /** i18n key of the caption. */
  title: string;
  columns: MeMatrixColumn[];
}

export interface MeMatrixRow {
  id: string;
  number: string;
  parentNumber: string;
  parentTitle: string;
  indicator: IndicatorData;
}

type Cell = string | number | null;
const num = (v: number | undefined | null): Cell => (typeof v === "number" ? v : null);

/** "25 (Ж 24.9 / М 25.1)": the total, then women/men when the indicator is by sex. */
function withSex(
  total: number | undefined,
  women: number | undefined,
  men: number | undefined,
  bySex: boolean,
  ctx: MeMatrixContext,
): Cell {
  if (!bySex || (women === undefined && men === undefined)) return num(total);
  const part = `${ctx.t("monitoring:matrix.womenShort")} ${women ?? "—"} / ${ctx.t("monitoring:matrix.menShort")} ${men ?? "—"}`;
  return total === undefined ? part : `${total} (${part})`;
}

/** `levels` of the chosen strategy form; `pre` holds what a caller already computed (the indicators page), so it is not computed twice. */
export function meMatrixRows(
  data: ProgramData,
  levels: number,
  pre: {
    parents?: IndicatorParent[];
    byParent?: ReadonlyMap<string, readonly IndicatorView[]>;
    numbers?: Readonly<Record<string, string>>;
  } = {},
): MeMatrixRow[] {
  const byParent = pre.byParent ?? indicatorsByParent(data);
  const numbers = pre.numbers ?? indicatorNumbers(data, byParent);
  return (pre.parents ?? indicatorParents(data, levels)).flatMap((p) =>
    (byParent.get(p.id) ?? []).map((i) => ({
      id: i.id,
      number: numbers[i.id] ?? "",
      parentNumber: p.number,
      parentTitle: p.title,
      indicator: i.data,
    })),
  );
}

/** The T14 definition for a program period: fixed columns, one target and one actual column per year. */
export function meMatrixTable(period: { startYear: number; endYear: number }): MeMatrixDefinition {
  const years = programYears(period);
  const i = (r: MeMatrixRow) => r.indicator;
  return {
    id: "t14-me-matrix",
    title: "monitoring:matrix.caption",
    columns: [
      { id: "number", header: "monitoring:matrix.number", kind: "text", accessor: (r) => r.number },
      { id: "name", header: "monitoring:matrix.name", kind: "text", accessor: (r) => i(r).name },
      { id: "type", header: "monitoring:matrix.type", kind: "text", accessor: (r, ctx) => ctx.t(`monitoring:type.${i(r).type}`) },
      { id: "unit", header: "monitoring:matrix.unit", kind: "text", accessor: (r) => i(r).unit },
      {
        id: "disaggregation",
        header: "monitoring:matrix.disaggregation",
        kind: "text",
        accessor: (r, ctx) => (i(r).bySex ? ctx.t("monitoring:matrix.bySex") : "—"),
      },
      {
        id: "baseline",
        header: "monitoring:matrix.baseline",
        kind: "number",
        accessor: (r, ctx) => withSex(i(r).baselineValue, i(r).baselineWomen, i(r).baselineMen, i(r).bySex, ctx),
      },
      {
        id: "baselineYear",
        header: "monitoring:matrix.baselineYear",
        kind: "text",
        accessor: (r) => (i(r).baselineYear ? String(i(r).baselineYear) : null),
      },
      ...years.map((y): MeMatrixColumn => ({
        id: `target-${y}`,
        header: "monitoring:matrix.targetYear",
        headerParams: { year: y },
        group: "monitoring:matrix.targets",
        kind: "number",
        accessor: (r, ctx) => withSex(i(r).targets?.[y], i(r).targetsWomen?.[y], i(r).targetsMen?.[y], i(r).bySex, ctx),
      })),
      { id: "source", header: "monitoring:matrix.source", kind: "text", accessor: (r) => i(r).source ?? null },
      {
        id: "frequency",
        header: "monitoring:matrix.frequency",
        kind: "text",
        accessor: (r, ctx) => (i(r).frequency ? ctx.frequency(i(r).frequency!) : null),
      },
      { id: "responsible", header: "monitoring:matrix.responsible", kind: "text", accessor: (r) => i(r).responsible ?? null },
      // Actual values are reported during implementation; in the approved plan these stay empty.
      ...years.map((y): MeMatrixColumn => ({
        id: `actual-${y}`,
        header: "monitoring:matrix.actualYear",
        headerParams: { year: y },
        group: "monitoring:matrix.actuals",
        kind: "number",
        accessor: () => null,
      })),
    ],
  };
}
