/**
 * T7 "Problems" and T8 "SWOT" as table definitions, shared by the web page and the DOCX/XLSX
 * exporters. Pure: labels are looked up through the context the caller passes in.
 */
import { rankProblems, SWOT_QUADRANTS, type ProblemRow, type SwotData, type SwotQuadrant } from "../situation";

export type ColumnKind = "text" | "number" | "money";

/** Lookups an exporter provides in its language (template labels, passport village names). */
export interface LabelContext {
  sector: (id: string | undefined) => string;
  village: (id: string) => string;
  group: (id: string) => string;
  /** Translates an i18n key (namespace-prefixed), e.g. the SWOT quadrant names. */
  t: (key: string) => string;
  /** Shown where a list is empty; "—" by default. */
  empty?: string;
}

export interface TableColumn<Row, Ctx = LabelContext> {
  id: string;
  /** i18n key (namespace-prefixed) of the header. */
  header: string;
  kind: ColumnKind;
  accessor: (row: Row, ctx: Ctx) => string | number | null;
}

export interface TableDefinition<Row, Ctx = LabelContext> {
  id: string;
  /** i18n key of the caption. */
  title: string;
  columns: TableColumn<Row, Ctx>[];
}

export type RankedProblem = ProblemRow & { rank: number | null };

const list = (ids: string[] | undefined, label: (id: string) => string, ctx: LabelContext) =>
  ids && ids.length > 0 ? ids.map(label).join(", ") : (ctx.empty ?? "—");

export const problemsTable: TableDefinition<RankedProblem> = {
  id: "t7-problems",
  title: "analysis:problems.tableTitle",
  columns: [
    { id: "rank", header: "analysis:problems.rank", kind: "number", accessor: (r) => r.rank },
    { id: "title", header: "analysis:problems.title", kind: "text", accessor: (r) => r.title },
    { id: "sector", header: "analysis:problems.sector", kind: "text", accessor: (r, ctx) => ctx.sector(r.sectorId) },
    { id: "villages", header: "analysis:problems.villages", kind: "text", accessor: (r, ctx) => list(r.villageIds, ctx.village, ctx) },
    { id: "groups", header: "analysis:problems.groups", kind: "text", accessor: (r, ctx) => list(r.groups, ctx.group, ctx) },
    { id: "evidence", header: "analysis:problems.evidence", kind: "text", accessor: (r) => r.evidence ?? "" },
    { id: "score", header: "analysis:problems.priorityScore", kind: "number", accessor: (r) => r.priorityScore ?? null },
  ],
};

/** The problem rows as the table shows them: with their computed rank, in table order. */
export function problemTableRows(rows: readonly ProblemRow[]): RankedProblem[] {
  return rankProblems(rows);
}

export interface SwotTableRow {
  quadrant: SwotQuadrant;
  text: string;
  sectorId?: string;
  groupId?: string;
}

export const swotTable: TableDefinition<SwotTableRow> = {
  id: "t8-swot",
  title: "analysis:swot.tableTitle",
  columns: [
    { id: "quadrant", header: "analysis:swot.quadrant", kind: "text", accessor: (r, ctx) => ctx.t(`analysis:swot.${r.quadrant}`) },
    { id: "text", header: "analysis:swot.text", kind: "text", accessor: (r) => r.text },
    { id: "sector", header: "analysis:swot.sector", kind: "text", accessor: (r, ctx) => (r.sectorId ? ctx.sector(r.sectorId) : "") },
    { id: "group", header: "analysis:swot.group", kind: "text", accessor: (r, ctx) => (r.groupId ? ctx.group(r.groupId) : "") },
  ],
};

/** Flattens the four quadrants into rows (strengths first), for a one-table export layout. */
export function swotTableRows(data: Partial<SwotData> | undefined): SwotTableRow[] {
  return SWOT_QUADRANTS.flatMap((quadrant) =>
    (data?.[quadrant] ?? []).map((i) => ({ quadrant, text: i.text, sectorId: i.sectorId, groupId: i.groupId })),
  );
}
