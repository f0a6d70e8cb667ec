/**
 * T11 "Strategic framework": every strategy node in tree order (direction → goal → objective),
 * with the outcome indicators of the objectives (baseline, final-year target). Defined once for
 * the exports; the strategy page shows the tree as a nested list. Pure.
 */
import { indicatorsByParent, type IndicatorData } from "../indicators";
import type { ProgramData } from "../program-data";
import { flattenTree, strategyTree } from "../strategy-tree";
import type { TableDefinition } from "./problems";

export interface FrameworkRow {
  id: string;
  number: string;
  depth: number;
  title: string;
  nationalPrograms: string[];
  indicator?: IndicatorData;
}

export interface FrameworkCtx {
  t: (key: string, params?: Record<string, unknown>) => string;
  /** Template label of a strategy level by depth (templates/strategy.json, chosen form). */
  level: (depth: number) => string;
  nationalProgram: (id: string) => string;
  finalYear: number;
  formatNumber: (v: number) => string;
}

const value = (v: number | undefined, ctx: FrameworkCtx) => (typeof v === "number" ? ctx.formatNumber(v) : "");

export const strategyFrameworkTable: TableDefinition<FrameworkRow, FrameworkCtx> = {
  id: "t11-framework",
  title: "export:doc.tables.t11",
  columns: [
    { id: "number", header: "export:doc.col.number", kind: "text", accessor: (r) => r.number },
    { id: "level", header: "export:doc.col.level", kind: "text", accessor: (r, ctx) => ctx.level(r.depth) },
    { id: "title", header: "export:doc.col.title", kind: "text", accessor: (r) => r.title },
    {
      id: "indicator",
      header: "export:doc.col.indicator",
      kind: "text",
      accessor: (r) => (r.indicator ? `${r.indicator.name}${r.indicator.unit ? `, ${r.indicator.unit}` : ""}` : ""),
    },
    {
      id: "baseline",
      header: "export:doc.col.baseline",
      kind: "text",
      accessor: (r, ctx) =>
        r.indicator && typeof r.indicator.baselineValue === "number"
          ? `${value(r.indicator.baselineValue, ctx)}${r.indicator.baselineYear ? ` (${r.indicator.baselineYear})` : ""}`
          : "",
    },
    {
      id: "target",
      header: "export:doc.col.target",
      kind: "text",
      accessor: (r, ctx) => value(r.indicator?.targets?.[String(ctx.finalYear)], ctx),
    },
    {
      id: "national",
      header: "export:doc.col.national",
      kind: "text",
      accessor: (r, ctx) => r.nationalPrograms.map(ctx.nationalProgram).join("; "),
    },
  ],
};

/** One row per node; an objective with several outcome indicators gets one row per indicator. */
export function strategyFrameworkRows(data: ProgramData): FrameworkRow[] {
  const byParent = indicatorsByParent(data);
  return flattenTree(strategyTree(data)).flatMap((n) => {
    const base = {
      id: n.element.id,
      number: n.number,
      depth: n.depth,
      title: n.element.data.title,
      nationalPrograms: n.element.data.nationalPrograms ?? [],
    };
    const outcomes = (byParent.get(n.element.id) ?? []).filter((i) => i.data.type === "outcome");
    if (outcomes.length === 0) return [base];
    return outcomes.map((i, k) =>
      k === 0
        ? { ...base, indicator: i.data }
        : { ...base, id: `${base.id}:${i.id}`, number: "", title: "", nationalPrograms: [], indicator: i.data },
    );
  });
}
