/**
 * Spreadsheet upload, the pure part: the cells of a downloaded-and-edited workbook (read by
 * app/export/xlsx.server.ts) become element data, every cell checked, and a list of changes for
 * the preview. Nothing here touches the database; the service applies the result.
 *
 * Layout of an uploadable sheet (written by worksheetFromDefinition):
 *   row 1  headers in the UI language (what the user sees, and what errors name)
 *   row 2  hidden: the column ids of the table definition
 *   row 3… data rows; the last, hidden column ("_id") holds each row's stable id, and its
 *          row-2 cell holds "#<table id>" so a sheet is recognised whatever its name.
 *   Computed total rows carry the id "_total" and are skipped on upload.
 */
import { actionIssues, compact, normalizeAction, type ActionData } from "./actions";
import { KIND_PLACES } from "./element-kinds";
import { populationFormSchema } from "./passport-population";
import { vulnerableFormSchema } from "./passport-vulnerable";
import { localNumber } from "./program-data";
import { parseErrorMessage, z } from "./validation";

export type Raw = string | number | boolean | null;

export interface SheetRow {
  /** Row number in the workbook (1-based, as Excel shows it). */
  row: number;
  /** Stable row id from the hidden column; null for rows the user added. */
  id: string | null;
  cells: Record<string, Raw>;
}
export interface SheetPayload {
  /** Table definition id, e.g. "t12-action-plan". */
  table: string;
  /** The sheet's name as the user sees it. */
  name: string;
  /** Header text by column id. */
  headers: Record<string, string>;
  rows: SheetRow[];
}

export interface XlsxIssue {
  sheet: string;
  row: number | null;
  column: string | null;
  /** Namespace-prefixed i18n key ("files:xlsx.errors.notNumber", "plan:errors.fundingSum"). */
  key: string;
  values?: Record<string, unknown>;
}

export interface RowChange {
  sheet: string;
  change: "added" | "changed" | "removed";
  label: string;
  /** Header texts of the changed columns. */
  columns?: string[];
}

export const ROW_ID_COLUMN = "_id";
export const FOOTER_ROW_ID = "_total";
export const TABLE_MARK = "#";

// ---- limits of an upload ----------------------------------------------------------------------------
// Checked while the file is read (app/export/xlsx-read.server.ts), before any sheet is held whole:
// a workbook that breaks one is refused with a message naming the sheet and the limit.

export const XLSX_LIMITS = {
  /** Parts (zip entries) in a workbook: ours has ~25, one saved by Excel or LibreOffice a few more. */
  maxEntries: 300,
  /** Unpacked size of one sheet's XML; it is read as a stream and stops at the row limit. */
  maxSheetBytes: 64 * 1024 * 1024,
  /** Unpacked size of any other part (shared strings and styles are held in memory whole). */
  maxPartBytes: 16 * 1024 * 1024,
  /** Unpacked size of all parts together. */
  maxTotalBytes: 128 * 1024 * 1024,
  /** Unpacked ÷ packed size above which a part is a zip bomb (Apache POI's default, 1 : 100)… */
  maxRatio: 100,
  /** …counted only for parts above this size, where a bomb could hurt. */
  ratioFreeBytes: 1024 * 1024,
  /** Columns: the widest sheet (T2, a column per sex and age band) has ~40. */
  maxColumns: 100,
  /** Characters in one cell: the longest text field of the forms is 1 000. */
  maxCellChars: 10_000,
  /**
   * Characters of all the cells kept, so the preview's payload stays bounded: sent back on confirm,
   * URL-encoded Cyrillic takes 6 bytes a letter, and the confirm body is held to XLSX_MAX_BYTES (5 MB).
   * A plan of 500 actions with long titles and partners holds ~250 000.
   */
  maxTextChars: 500_000,
  /** Empty (formatted) rows tolerated below the last row a sheet may hold. */
  blankRowsAllowed: 1000,
} as const;

/** Row 1 headers, row 2 column ids. */
export const SHEET_HEADER_ROWS = 2;
/** Computed total rows under a table (T6 has three). */
export const SHEET_TOTAL_ROWS = 3;

/** The largest list a schema field allows (its `.max()`), read from the form schema itself. */
function schemaMax(schema: z.ZodTypeAny): number {
  let s: z.ZodTypeAny = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s._def.innerType;
  const max = s instanceof z.ZodArray ? (s._def.maxLength?.value as number | undefined) : undefined;
  if (max === undefined) throw new Error("an uploadable list without .max()");
  return max;
}

/** Template rows of the keyed passport tables (fixed by the methodology), by table id. */
export type KeyedTableRows = Record<"t1-general" | "t4-economy" | "t5-services" | "t6-budget", number>;

/**
 * The data rows each uploadable table may hold: the largest list its form allows (the form
 * schemas are the source), the template's row count for fixed tables, and for T12 the actions a
 * program may hold (the kind registry's count, also held at program-file import).
 * A sheet may hold these plus the header rows and the total rows.
 */
export function uploadRowLimits(keyed: KeyedTableRows): Record<string, number> {
  return {
    ...keyed,
    "t2-population": schemaMax(populationFormSchema([]).shape.villages),
    "t3-vulnerable": schemaMax(vulnerableFormSchema([]).shape.rows),
    [ACTION_PLAN_TABLE]: KIND_PLACES.action.max,
  };
}

/** The last row number a sheet of this table may use. */
export const lastSheetRow = (dataRows: number) => SHEET_HEADER_ROWS + dataRows + SHEET_TOTAL_ROWS;

// ---- cells --------------------------------------------------------------------------------------------

type Result<T> = { ok: true; value: T } | { ok: false; key: string; values?: Record<string, unknown> };
const fail = (key: string, values?: Record<string, unknown>): { ok: false; key: string; values?: Record<string, unknown> } => ({
  ok: false,
  key: `files:xlsx.errors.${key}`,
  values,
});
const isEmpty = (raw: Raw) => raw === null || (typeof raw === "string" && raw.trim() === "");

/** A number cell: numbers as they are, texts like "1 250,5" read the local way; empty is undefined. */
export function numberCell(
  raw: Raw,
  opts: { integer?: boolean; min?: number; max?: number; required?: boolean } = {},
): Result<number | undefined> {
  if (isEmpty(raw)) return opts.required ? fail("required") : { ok: true, value: undefined };
  let n: number;
  if (typeof raw === "number") n = raw;
  else if (typeof raw === "string") n = localNumber(raw);
  else n = NaN;
  if (!Number.isFinite(n)) return fail("notNumber");
  if (opts.integer && !Number.isInteger(n)) return fail("notInteger");
  const min = opts.min ?? 0;
  if (n < min) return min === 0 ? fail("negative") : fail("tooSmall", { min });
  if (opts.max !== undefined && n > opts.max) return fail("tooBig", { max: opts.max });
  return { ok: true, value: n };
}

export const countCell = (raw: Raw, required = false) => numberCell(raw, { integer: true, max: 100_000_000, required });
export const amountCell = (raw: Raw, required = false) => numberCell(raw, { max: 1e12, required });
export const yearCell = (raw: Raw, required = false) => numberCell(raw, { integer: true, min: 1990, max: 2100, required });

/** A text cell, trimmed; numbers become their digits. Empty is undefined. */
export function textCell(raw: Raw, opts: { max?: number; required?: boolean } = {}): Result<string | undefined> {
  if (isEmpty(raw)) return opts.required ? fail("required") : { ok: true, value: undefined };
  const s = String(raw).trim();
  if (s.length > (opts.max ?? 200)) return fail("tooLong", { max: opts.max ?? 200 });
  return { ok: true, value: s };
}

/** Picks an id by its label (case-insensitive) or the id itself. */
export function choiceCell(raw: Raw, labels: Record<string, string>, required = false): Result<string | undefined> {
  if (isEmpty(raw)) return required ? fail("required") : { ok: true, value: undefined };
  const s = String(raw).trim().toLowerCase();
  for (const [id, label] of Object.entries(labels)) if (label.toLowerCase() === s || id.toLowerCase() === s) return { ok: true, value: id };
  return fail("unknownValue", { value: String(raw).trim(), allowed: Object.values(labels).join(", ") });
}

/**
 * A comma-separated list of labels → ids. Labels may themselves contain commas ("Пожилые люди,
 * в том числе одинокие"), so the longest label the text starts with is taken, not a split.
 */
export function listCell(raw: Raw, labels: Record<string, string>): Result<string[]> {
  if (isEmpty(raw)) return { ok: true, value: [] };
  const options = Object.entries(labels)
    .flatMap(
      ([id, label]) =>
        [
          [id, label.toLowerCase()],
          [id, id.toLowerCase()],
        ] as const,
    )
    .sort((a, b) => b[1].length - a[1].length);
  const out: string[] = [];
  let rest = String(raw).trim();
  while (rest) {
    const lower = rest.toLowerCase();
    const hit = options.find(
      ([, l]) =>
        lower.startsWith(l) &&
        (lower.length === l.length ||
          /[,;\n]/.test(lower.charAt(l.length)) ||
          /^\s*[,;\n]/.test(lower.slice(l.length)) ||
          lower.slice(l.length).trim() === ""),
    );
    if (!hit) return fail("unknownValue", { value: rest.split(/[,;\n]/)[0].trim(), allowed: Object.values(labels).join("; ") });
    out.push(hit[0]);
    rest = rest.slice(hit[1].length).replace(/^[\s,;]+/, "");
  }
  return { ok: true, value: [...new Set(out)] };
}

/** Reads cells one by one and collects every problem with its sheet, row and column. */
export class CellReader {
  readonly issues: XlsxIssue[] = [];
  constructor(private readonly sheet: SheetPayload) {}
  read<T>(row: SheetRow, column: string, parse: (raw: Raw) => Result<T>): T | undefined {
    const r = parse(row.cells[column] ?? null);
    if (r.ok) return r.value;
    this.issues.push({ sheet: this.sheet.name, row: row.row, column: this.sheet.headers[column] ?? column, key: r.key, values: r.values });
    return undefined;
  }
  issue(row: number | null, column: string | null, key: string, values?: Record<string, unknown>) {
    this.issues.push({ sheet: this.sheet.name, row, column: column ? (this.sheet.headers[column] ?? column) : null, key, values });
  }
  has(column: string) {
    return column in this.sheet.headers;
  }
}

/** Rows the user filled (the totals row and fully empty rows are not data). */
export function dataRows(sheet: SheetPayload): SheetRow[] {
  return sheet.rows.filter((r) => r.id !== FOOTER_ROW_ID && Object.entries(r.cells).some(([k, v]) => k !== ROW_ID_COLUMN && !isEmpty(v)));
}

/** Stable comparison of stored data (key order does not matter, empty optional texts equal absent). */
export function sameData(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined && x !== null && x !== "")
          .sort(([x], [y]) => (x < y ? -1 : 1))
          .map(([k, x]) => [k, norm(x)]),
      );
    return v;
  };
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

// ---- action plan (T12) ----------------------------------------------------------------------------------

export const ACTION_PLAN_TABLE = "t12-action-plan";

export interface ActionPlanImportContext {
  objectives: { id: string; number: string; title: string }[];
  /** The actions the download listed (under current objectives), with their versions. */
  existing: { id: string; objectiveId: string; version: number; number: string; action: ActionData }[];
  sourceIds: string[];
  years: number[];
  /** Labels in the upload's language. */
  typeLabels: Record<string, string>;
  tagLabels: Record<string, string>;
  genderTagLabels: Record<string, string>;
  lang: string;
}

export interface ActionWrite {
  /** Absent for a new action. */
  id?: string;
  objectiveId: string;
  data: ActionData;
  expectedVersion: number;
}

export interface ActionPlanImport {
  issues: XlsxIssue[];
  changes: RowChange[];
  upsert: ActionWrite[];
  remove: { id: string; version: number }[];
}

/** The fields the sheet controls; others (links to problems, groups…) are kept as they were. */
const SHEET_FIELDS = [
  "title",
  "type",
  "responsible",
  "partners",
  "startYear",
  "endYear",
  "totalCost",
  "funding",
  "byYear",
  "output",
  "beneficiaries",
  "tags",
  "genderTag",
] as const;
/** Which column an action field is shown in (for errors and the preview). */
const FIELD_COLUMN: Record<string, string> = {
  title: "title",
  type: "type",
  responsible: "responsible",
  partners: "partners",
  startYear: "start",
  endYear: "end",
  totalCost: "totalCost",
  output: "output",
  tags: "tags",
  genderTag: "tags",
};

export const yearColumnId = (y: number) => `year.${y}`;

function resolveObjective(raw: Raw, ctx: ActionPlanImportContext): Result<string> {
  if (isEmpty(raw)) return fail("required");
  const s = String(raw).trim();
  const byFull = ctx.objectives.find((o) => `${o.number}. ${o.title}` === s || o.title === s);
  if (byFull) return { ok: true, value: byFull.id };
  const number = s.match(/^(\d+(?:\.\d+)*)\.?(\s|$)/)?.[1];
  const byNumber = number ? ctx.objectives.find((o) => o.number === number) : undefined;
  return byNumber ? { ok: true, value: byNumber.id } : fail("unknownObjective", { value: s });
}

/** The action of one sheet row, or null when a cell is invalid (the reader holds the issues). */
export function actionFromRow(
  row: SheetRow,
  r: CellReader,
  ctx: ActionPlanImportContext,
  base: ActionData | undefined,
): { objectiveId: string; data: ActionData } | null {
  const before = r.issues.length;
  const kept = normalizeAction(base ?? {});
  // A column the user deleted keeps the saved values instead of clearing them.
  const opt = <T>(column: string, parse: (raw: Raw) => Result<T>, keep: T): T | undefined =>
    r.has(column) ? r.read(row, column, parse) : keep;
  const objectiveId = r.read(row, "objective", (v) => resolveObjective(v, ctx));
  const title = r.read(row, "title", (v) => textCell(v, { max: 500, required: true }));
  const type = r.read(row, "type", (v) => choiceCell(v, ctx.typeLabels, true));
  const responsible = r.read(row, "responsible", (v) => textCell(v, { max: 300, required: true }));
  const partners = opt("partners", (v) => textCell(v, { max: 500 }), kept.partners);
  const startYear = r.read(row, "start", (v) => yearCell(v, true));
  const endYear = r.read(row, "end", (v) => yearCell(v, true));
  const totalCost = r.read(row, "totalCost", (v) => amountCell(v, true));
  const funding: Record<string, number | undefined> = {};
  for (const id of ctx.sourceIds) funding[id] = opt(`source.${id}`, (v) => amountCell(v), kept.funding[id]);
  const byYear: Record<string, number | undefined> = {};
  for (const y of ctx.years) byYear[String(y)] = opt(yearColumnId(y), (v) => amountCell(v), kept.byYear[String(y)]);
  const output = opt("output", (v) => textCell(v, { max: 500 }), kept.output);
  const b = kept.beneficiaries;
  const ben = {
    total: opt("benTotal", (v) => countCell(v), b.total),
    women: opt("benWomen", (v) => countCell(v), b.women),
    men: opt("benMen", (v) => countCell(v), b.men),
    pwd: opt("benPwd", (v) => countCell(v), b.pwd),
  };
  const keptTags = [
    ...(["inclusive", "gender", "climate"] as const).filter((k) => kept.tags[k]),
    ...(kept.genderTag ? [kept.genderTag] : []),
  ];
  const tagIds = opt("tags", (v) => listCell(v, { ...ctx.tagLabels, ...ctx.genderTagLabels }), keptTags) ?? [];
  if (r.issues.length > before) return null;
  const data: ActionData = {
    ...kept,
    title: title!,
    type: type as ActionData["type"],
    responsible: responsible!,
    partners,
    startYear: startYear!,
    endYear: endYear!,
    totalCost: totalCost!,
    funding: compact(funding),
    byYear: compact(byYear),
    output,
    beneficiaries: Object.fromEntries(Object.entries(ben).filter(([, n]) => n !== undefined)),
    tags: { inclusive: tagIds.includes("inclusive"), gender: tagIds.includes("gender"), climate: tagIds.includes("climate") },
    genderTag: tagIds.find((id) => id in ctx.genderTagLabels),
  };
  // The same cross-field checks as the action form (sources and years add up to the cost).
  for (const issue of actionIssues(data, { start: ctx.years[0], end: ctx.years[ctx.years.length - 1] }, ctx.lang)) {
    const [field, sub] = issue.path.map(String);
    const column = field === "byYear" && sub ? yearColumnId(Number(sub)) : (FIELD_COLUMN[field] ?? "totalCost");
    const { key, values } = parseErrorMessage(issue.message);
    r.issue(row.row, column, key.includes(":") ? key : `common:${key}`, values);
  }
  return r.issues.length > before ? null : { objectiveId: objectiveId!, data };
}

function changedColumns(a: ActionData, b: ActionData, headers: Record<string, string>): string[] {
  const out = new Set<string>();
  for (const f of SHEET_FIELDS) {
    if (sameData(a[f], b[f])) continue;
    if (f === "funding") {
      for (const id of new Set([...Object.keys(a.funding), ...Object.keys(b.funding)])) {
        if ((a.funding[id] ?? 0) !== (b.funding[id] ?? 0)) out.add(headers[`source.${id}`] ?? id);
      }
    } else if (f === "byYear") {
      for (const y of new Set([...Object.keys(a.byYear), ...Object.keys(b.byYear)])) {
        if ((a.byYear[y] ?? 0) !== (b.byYear[y] ?? 0)) out.add(headers[yearColumnId(Number(y))] ?? y);
      }
    } else if (f === "beneficiaries") {
      for (const [k, col] of [
        ["total", "benTotal"],
        ["women", "benWomen"],
        ["men", "benMen"],
        ["pwd", "benPwd"],
      ] as const)
        if (a.beneficiaries[k] !== b.beneficiaries[k]) out.add(headers[col] ?? col);
    } else out.add(headers[FIELD_COLUMN[f]] ?? f);
  }
  return [...out];
}

/** Every row of the action-plan sheet checked and matched to the saved actions by the hidden id. */
export function importActionPlan(sheet: SheetPayload, ctx: ActionPlanImportContext): ActionPlanImport {
  const r = new CellReader(sheet);
  const byId = new Map(ctx.existing.map((e) => [e.id, e]));
  const seen = new Set<string>();
  const out: ActionPlanImport = { issues: r.issues, changes: [], upsert: [], remove: [] };
  for (const row of dataRows(sheet)) {
    const old = row.id ? byId.get(row.id) : undefined;
    if (old && seen.has(old.id)) {
      r.issue(row.row, ROW_ID_COLUMN, "files:xlsx.errors.duplicateRow");
      continue;
    }
    if (old) seen.add(old.id);
    const parsed = actionFromRow(row, r, ctx, old?.action);
    if (!parsed) continue;
    const label = parsed.data.title;
    if (!old) {
      out.upsert.push({ objectiveId: parsed.objectiveId, data: parsed.data, expectedVersion: 0 });
      out.changes.push({ sheet: sheet.name, change: "added", label });
      continue;
    }
    const columns = changedColumns(old.action, parsed.data, sheet.headers);
    if (parsed.objectiveId !== old.objectiveId) columns.unshift(sheet.headers.objective ?? "objective");
    if (!columns.length) continue;
    out.upsert.push({ id: old.id, objectiveId: parsed.objectiveId, data: parsed.data, expectedVersion: old.version });
    out.changes.push({ sheet: sheet.name, change: "changed", label: `${old.number} ${label}`.trim(), columns });
  }
  for (const e of ctx.existing)
    if (!seen.has(e.id)) {
      out.remove.push({ id: e.id, version: e.version });
      out.changes.push({ sheet: sheet.name, change: "removed", label: `${e.number} ${e.action.title}`.trim() });
    }
  return out;
}
