/**
 * XLSX download and upload of the program's data tables, built from the same table definitions
 * the web pages and the DOCX use (headers come from table-from-definition's headerText).
 * Layout (see app/domain/xlsx-import.ts): row 1 headers, hidden row 2 column ids, data from
 * row 3, a hidden last column "_id" with row ids for tables that can be uploaded back.
 */
import ExcelJS from "exceljs";
import {
  actionPlanGroups,
  actionPlanTable,
  actionPlanTotalsRow,
  planLabelContext,
  type ActionPlanRow,
  type PlanLabelContext,
} from "~/domain/tables/action-plan";
import { financingRows, financingTable, financingTotalsRow } from "~/domain/tables/financing";
import { meMatrixRows, meMatrixTable } from "~/domain/tables/me-matrix";
import type { PassportTable } from "~/domain/tables/passport-table";
import { financingMatrix } from "~/domain/financing";
import { programYears, type ProgramData } from "~/domain/program-data";
import { FOOTER_ROW_ID, ROW_ID_COLUMN, TABLE_MARK, uploadRowLimits, yearColumnId, type Raw, type SheetPayload } from "~/domain/xlsx-import";
import type { ProgramContext } from "~/domain/program-context";
import { programContextFrom } from "~/domain/program-context-build";
import { localize } from "~/methodology/schema";
import { methodology } from "~/methodology/templates.server";
import { docTranslator, type DocLang, type Translate } from "./i18n";
import { headerText, type AnyColumn, type AnyDefinition, type CellValue, type FooterRow } from "./table-from-definition";
import { passportTables } from "~/domain/xlsx-passport";
import { writeText } from "./xlsx-quote.server";
import { readSheetsBounded } from "./xlsx-read.server";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Uploads above this are refused before parsing (a full program workbook is well under 1 MB). */
export const XLSX_MAX_BYTES = 5 * 1024 * 1024;

const HEADER_ROW = 1;
const ID_ROW = 2;
const FIRST_DATA_ROW = 3;

export interface SheetOptions<Row, Ctx> {
  ctx?: Ctx;
  t: Translate;
  footer?: FooterRow[];
  headerNs?: string;
  /** Definition id and row ids: when given, the sheet can be uploaded back. */
  upload?: { table: string; rowId: (row: Row) => string };
}

/** Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters. */
export function safeSheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 31) || "Sheet"
  );
}

function numFmt(kind: string, value: number): string | undefined {
  if (kind === "money") return "#,##0.0";
  if (kind === "percent") return "0.0";
  if (kind === "number") return Number.isInteger(value) ? "#,##0" : "#,##0.0#";
  return undefined;
}

function writeCell(cell: ExcelJS.Cell, value: CellValue, kind: string, t: Translate) {
  if (value === null || value === undefined || value === "") return;
  if (typeof value === "boolean") cell.value = t(value ? "common:forms.yes" : "common:forms.no");
  else if (typeof value === "number" && kind !== "text") {
    // Numbers stay numbers, so the user can sum and sort them.
    cell.value = value;
    const fmt = numFmt(kind, value);
    if (fmt) cell.numFmt = fmt;
  } else writeText(cell, String(value));
  if (kind !== "text" && typeof value === "number") cell.alignment = { horizontal: "right" };
}

/** One sheet of a table definition: bold frozen header, numbers as numbers, widths from the content. */
export function worksheetFromDefinition<Row, Ctx>(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  def: AnyDefinition<Row, Ctx>,
  rows: readonly Row[],
  opts: SheetOptions<Row, Ctx>,
): ExcelJS.Worksheet {
  const { t } = opts;
  const ctx = (opts.ctx ?? {}) as Ctx;
  const columns = "columns" in def ? def.columns : (def as readonly AnyColumn<Row, Ctx>[]);
  const ws = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: "frozen", ySplit: ID_ROW }] });
  const headers = columns.map((c) => (c.group ? `${t(c.group)}: ` : "") + headerText(c, ctx, t, opts.headerNs));
  const widths = headers.map((h) => Math.min(Math.max(h.length, 6), 40));
  const header = ws.getRow(HEADER_ROW);
  const ids = ws.getRow(ID_ROW);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = headers[i];
    ids.getCell(i + 1).value = c.id;
  });
  const idCol = columns.length + 1;
  if (opts.upload) {
    header.getCell(idCol).value = ROW_ID_COLUMN;
    ids.getCell(idCol).value = `${TABLE_MARK}${opts.upload.table}`;
  }
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  ids.hidden = true;
  rows.forEach((r, n) => {
    const line = ws.getRow(FIRST_DATA_ROW + n);
    columns.forEach((c, i) => {
      const v = c.accessor(r, ctx);
      writeCell(line.getCell(i + 1), v, c.kind, t);
      const len = v === null || v === undefined ? 0 : String(v).length;
      if (len > widths[i]) widths[i] = Math.min(len, 60);
    });
    if (opts.upload) line.getCell(idCol).value = opts.upload.rowId(r);
  });
  (opts.footer ?? []).forEach((f, n) => {
    const line = ws.getRow(FIRST_DATA_ROW + rows.length + n);
    line.getCell(1).value = f.label;
    columns.forEach((c, i) => {
      if (c.id in f.values) writeCell(line.getCell(i + 1), f.values[c.id], c.kind, t);
    });
    if (opts.upload) line.getCell(idCol).value = FOOTER_ROW_ID;
    line.font = { bold: true };
  });
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = widths[i] + 2;
    if (c.kind === "text" && widths[i] >= 40) col.alignment = { wrapText: true, vertical: "top" };
  });
  if (opts.upload) ws.getColumn(idCol).hidden = true;
  return ws;
}

/** What the sheets need: the program context in the UI language (ru, ky or en) and its translator. */
export interface SheetContext {
  pc: ProgramContext;
  t: Translate;
}
export const sheetContext = (pc: ProgramContext): SheetContext => ({ pc, t: docTranslator(pc.lang) });

/** T12 sheet columns: the objective first (for new rows), the definition, then the phasing by year. */
export function actionPlanSheetColumns(
  ctx: SheetContext,
  objectiveOf: (r: ActionPlanRow) => string,
): AnyColumn<ActionPlanRow, PlanLabelContext>[] {
  const def = actionPlanTable(ctx.pc.sourceIds);
  return [
    { id: "objective", header: "files:xlsx.objective", kind: "text", accessor: (r) => objectiveOf(r) },
    ...def.columns,
    ...programYears(ctx.pc.data.program).map<AnyColumn<ActionPlanRow, PlanLabelContext>>((y) => ({
      id: yearColumnId(y),
      header: "files:xlsx.byYear",
      headerParams: { year: y },
      kind: "money",
      accessor: (r) => r.action.byYear[String(y)] ?? null,
    })),
  ];
}

export function actionPlanSheet(workbook: ExcelJS.Workbook, ctx: SheetContext) {
  const groups = actionPlanGroups(ctx.pc.data, ctx.pc.levels);
  const rows = groups.flatMap((g) => g.rows);
  const objectiveName = new Map(groups.map((g) => [g.objective.id, `${g.objective.number}. ${g.objective.title}`]));
  const columns = actionPlanSheetColumns(ctx, (r) => objectiveName.get(r.objectiveId) ?? "");
  const footer: FooterRow = { label: ctx.t("doc.total"), values: actionPlanTotalsRow(rows) };
  worksheetFromDefinition(workbook, ctx.t("files:xlsx.sheets.t12"), { columns }, rows, {
    t: ctx.t,
    ctx: planLabelContext(ctx.pc, ctx.t),
    footer: rows.length ? [footer] : [],
    upload: { table: "t12-action-plan", rowId: (r) => r.id },
  });
}

/** A passport table with its computed total rows (labels from the definition's footerLabels). */
function passportSheet<Row extends { id: string }>(
  workbook: ExcelJS.Workbook,
  ctx: SheetContext,
  sheetKey: string,
  table: PassportTable<Row>,
) {
  const label = (i: number) => {
    const l = table.footerLabels?.[i];
    return !l ? ctx.t("doc.total") : "text" in l ? l.text : ctx.t(l.key, l.values);
  };
  const footer = table.footer.map((row, i) => ({
    label: label(i),
    values: Object.fromEntries(table.columns.slice(1).map((c) => [c.id, c.accessor(row)])),
  }));
  worksheetFromDefinition(workbook, ctx.t(`files:xlsx.sheets.${sheetKey}`), table, table.rows, {
    t: ctx.t,
    footer,
    upload: { table: table.id, rowId: (r) => r.id },
  });
}

/** The whole workbook: T1–T6, the action plan (T12), the M&E matrix (T14) and the financing plan (T13). */
export function buildProgramWorkbook(data: ProgramData | ProgramContext, lang: DocLang): ExcelJS.Workbook {
  // A caller holding the request's ProgramContext hands it over; bare data (tests, scripts) gets one here.
  const pc =
    "methodology" in data && data.lang === lang ? data : programContextFrom("methodology" in data ? data.data : data, methodology, lang);
  const ctx = sheetContext(pc);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kadam";
  wb.created = new Date();
  const program = pc.data;
  for (const { key, table } of passportTables(program, pc.passport)) passportSheet(wb, ctx, key, table);
  actionPlanSheet(wb, ctx);
  const frequencies = new Map(pc.methodology.reference.indicatorFrequencies.map((f) => [f.id, localize(f.label, lang)]));
  const mctx = { t: ctx.t, frequency: (id: string) => (id ? (frequencies.get(id) ?? id) : ""), lang };
  worksheetFromDefinition(wb, ctx.t("files:xlsx.sheets.t14"), meMatrixTable(program.program), meMatrixRows(program, pc.levels), {
    t: ctx.t,
    ctx: mctx,
  });
  const matrix = financingMatrix(program, pc.sourceIds);
  const { rows } = financingRows(matrix);
  const footer: FooterRow = { label: ctx.t("doc.total"), values: financingTotalsRow(matrix) };
  worksheetFromDefinition(wb, ctx.t("files:xlsx.sheets.t13"), financingTable(matrix.years), rows, {
    t: ctx.t,
    ctx: planLabelContext(pc, ctx.t),
    footer: rows.length ? [footer] : [],
  });
  return wb;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell's value as plain data: formulas give their result, rich text its text, dates ISO days. */
export function plainValue(v: ExcelJS.CellValue): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v) return plainValue(v.result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
  }
  return null;
}

/** Data rows each uploadable table may hold (list maxima of the forms, template rows of the fixed tables). */
export function sheetRowLimits(): Record<string, number> {
  const p = methodology.passport;
  return uploadRowLimits({
    "t1-general": p.general.fields.length,
    "t4-economy": p.economy.rows.length,
    "t5-services": p.services.rows.length,
    "t6-budget": p.budget.rows.length,
  });
}

/**
 * The uploadable sheets of a workbook (recognised by the table mark), as plain cell data, read
 * within XLSX_LIMITS (app/export/xlsx-read.server.ts). Throws XlsxRefused with the message.
 */
export async function readUploadSheets(buffer: ArrayBuffer | Buffer): Promise<SheetPayload[]> {
  return readSheetsBounded(Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer), sheetRowLimits(), plainValue);
}
