/**
 * T12 "Action plan" as a table definition, shared by the web page and the DOCX/XLSX exporters.
 * Rows are grouped by objective (the last strategy level) in tree order; the totals are computed
 * here, never stored. Pure: labels come through the context the caller passes in.
 */
import { actionsList, type ActionData } from "../actions";
import { byParent, type ProgramData } from "../program-data";
import { numbering } from "../strategy-tree";
import { objectives } from "../strategy";
import type { ProgramContext } from "../program-context";

export type ColumnKind = "text" | "number" | "money";

/** Lookups an exporter provides in its language. */
export interface PlanLabelContext {
  /** Translates an i18n key (namespace-prefixed). */
  t: (key: string) => string;
  /** Template label of a funding source (templates/reference.json). */
  source: (id: string) => string;
  /** Template label of a gender tag (templates/gender.json). */
  genderTag: (id: string) => string;
}

export interface PlanColumn<Row> {
  id: string;
  /** i18n key (namespace-prefixed) of the header… */
  header: string;
  /** …unless the header is a template label (funding sources): then this gives it. */
  headerLabel?: (ctx: PlanLabelContext) => string;
  kind: ColumnKind;
  accessor: (row: Row, ctx: PlanLabelContext) => string | number | null;
}

export interface PlanTableDefinition<Row> {
  id: string;
  title: string;
  columns: PlanColumn<Row>[];
}

/** The header text of a column in the context's language. */
/** The labels of a program's context: funding sources and gender tags in its language ("" for no id, the id when unknown). */
export function planLabelContext(pc: Pick<ProgramContext, "sources" | "genderTags">, t: (key: string) => string): PlanLabelContext {
  const sources = new Map(pc.sources.map((s) => [s.id, s.label]));
  const tags = new Map(pc.genderTags.map((g) => [g.id, g.label]));
  return { t, source: (id) => (id ? (sources.get(id) ?? id) : ""), genderTag: (id) => (id ? (tags.get(id) ?? id) : "") };
}

export function headerText<Row>(column: PlanColumn<Row>, ctx: PlanLabelContext): string {
  return column.headerLabel ? column.headerLabel(ctx) : ctx.t(column.header);
}

export interface ActionPlanRow {
  id: string;
  number: string;
  objectiveId: string;
  version: number;
  action: ActionData;
}

export interface ActionPlanGroup {
  objective: { id: string; number: string; title: string };
  rows: ActionPlanRow[];
  totalCost: number;
}

export interface ActionPlanTotals {
  totalCost: number;
  bySource: Record<string, number>;
  beneficiaries: { total: number; women: number; men: number; pwd: number };
  count: number;
}

const orEmpty = (v: number | undefined) => (v === undefined ? null : v);

export function actionPlanTable(sourceIds: string[]): PlanTableDefinition<ActionPlanRow> {
  return {
    id: "t12-action-plan",
    title: "plan:t12.title",
    columns: [
      { id: "number", header: "plan:t12.number", kind: "text", accessor: (r) => r.number },
      { id: "title", header: "plan:t12.measure", kind: "text", accessor: (r) => r.action.title },
      { id: "type", header: "plan:t12.type", kind: "text", accessor: (r, ctx) => ctx.t(`plan:action.types.${r.action.type}`) },
      { id: "responsible", header: "plan:t12.responsible", kind: "text", accessor: (r) => r.action.responsible },
      { id: "partners", header: "plan:t12.partners", kind: "text", accessor: (r) => r.action.partners ?? "" },
      { id: "start", header: "plan:t12.start", kind: "text", accessor: (r) => String(r.action.startYear) },
      { id: "end", header: "plan:t12.end", kind: "text", accessor: (r) => String(r.action.endYear) },
      { id: "totalCost", header: "plan:t12.totalCost", kind: "money", accessor: (r) => r.action.totalCost },
      ...sourceIds.map<PlanColumn<ActionPlanRow>>((id) => ({
        id: `source.${id}`,
        header: `plan:t12.source`,
        headerLabel: (ctx) => ctx.source(id),
        kind: "money",
        accessor: (r) => r.action.funding[id] ?? null,
      })),
      { id: "output", header: "plan:t12.output", kind: "text", accessor: (r) => r.action.output ?? "" },
      { id: "benTotal", header: "plan:t12.benTotal", kind: "number", accessor: (r) => orEmpty(r.action.beneficiaries.total) },
      { id: "benWomen", header: "plan:t12.benWomen", kind: "number", accessor: (r) => orEmpty(r.action.beneficiaries.women) },
      { id: "benMen", header: "plan:t12.benMen", kind: "number", accessor: (r) => orEmpty(r.action.beneficiaries.men) },
      { id: "benPwd", header: "plan:t12.benPwd", kind: "number", accessor: (r) => orEmpty(r.action.beneficiaries.pwd) },
      {
        id: "tags",
        header: "plan:t12.tags",
        kind: "text",
        accessor: (r, ctx) =>
          [
            ...(["inclusive", "gender", "climate"] as const).filter((k) => r.action.tags[k]).map((k) => ctx.t(`plan:action.tagNames.${k}`)),
            ...(r.action.genderTag ? [ctx.genderTag(r.action.genderTag)] : []),
          ].join(", "),
      },
    ],
  };
}

/** Actions grouped under their objectives in tree order; objectives without actions are kept (empty). */
export function actionPlanGroups(data: ProgramData, levels: number): ActionPlanGroup[] {
  const numbers = numbering(data);
  // Actions come sorted by position from buildProgramData; group them once by objective.
  const byObjective = byParent(actionsList(data));
  return objectives(data, levels).map((o) => {
    const rows = (byObjective.get(o.element.id) ?? []).map((a) => ({
      id: a.id,
      number: numbers[a.id] ?? "",
      objectiveId: o.element.id,
      version: a.version,
      action: a.data,
    }));
    return {
      objective: { id: o.element.id, number: o.number, title: o.element.data.title },
      rows,
      totalCost: rows.reduce((s, r) => s + r.action.totalCost, 0),
    };
  });
}

/** Actions whose objective is gone or not of the last level (e.g. after the form changed). */
export function orphanActions(data: ProgramData, levels: number) {
  const ids = new Set(objectives(data, levels).map((o) => o.element.id));
  return actionsList(data).filter((a) => !a.parentId || !ids.has(a.parentId));
}

/**
 * A plan table's computed totals row (never stored), by column id: the page, the DOCX and the
 * XLSX print the same figures under their own "Total" label, as passport tables carry their footer.
 */
export type PlanTotalsRow = Record<string, number>;

/** T12's totals row: total cost, each source's sum (`source.<id>`) and the beneficiaries. */
export function actionPlanTotalsRow(rows: ActionPlanRow[]): PlanTotalsRow {
  const totals = actionPlanTotals(rows);
  return {
    totalCost: totals.totalCost,
    ...Object.fromEntries(Object.entries(totals.bySource).map(([id, v]) => [`source.${id}`, v])),
    benTotal: totals.beneficiaries.total,
    benWomen: totals.beneficiaries.women,
    benMen: totals.beneficiaries.men,
    benPwd: totals.beneficiaries.pwd,
  };
}

export function actionPlanTotals(rows: ActionPlanRow[]): ActionPlanTotals {
  const bySource: Record<string, number> = {};
  const ben = { total: 0, women: 0, men: 0, pwd: 0 };
  for (const r of rows) {
    for (const [id, v] of Object.entries(r.action.funding)) bySource[id] = (bySource[id] ?? 0) + (v ?? 0);
    for (const k of ["total", "women", "men", "pwd"] as const) ben[k] += r.action.beneficiaries[k] ?? 0;
  }
  return { totalCost: rows.reduce((s, r) => s + r.action.totalCost, 0), bySource, beneficiaries: ben, count: rows.length };
}
