/**
 * Renders any table definition of app/domain/tables/ as a DOCX table, so the document shows the
 * same columns as the web page without listing them again. The definitions come in a few shapes
 * (passport tables carry header objects, plan tables a header key plus an optional template label,
 * the M&E matrix group headers); this module accepts all of them.
 */
import {
  AlignmentType, BorderStyle, HeightRule, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
} from "docx";
import { formatNumber } from "~/domain/format";
import type { DocLang, Translate } from "./i18n";
import { docTranslator } from "./i18n";
import { cellStyleId, TEXT_WIDTH } from "./docx-kit";

export type CellValue = string | number | boolean | null | undefined;
type HeaderSpec = string | { key: string; values?: Record<string, string | number> } | { text: string };

/** The union of the column shapes used by the definitions in app/domain/tables/. */
export interface AnyColumn<Row, Ctx> {
  id: string;
  header: HeaderSpec;
  headerLabel?: (ctx: Ctx) => string;
  headerParams?: Record<string, unknown>;
  group?: string;
  kind: string;
  accessor: (row: Row, ctx: Ctx) => CellValue;
}
export type AnyDefinition<Row, Ctx> = { columns: readonly AnyColumn<Row, Ctx>[] } | readonly AnyColumn<Row, Ctx>[];

export interface TableOptions<Ctx> {
  /** Passed to accessors and headerLabel (labels in the document language). */
  ctx?: Ctx;
  /** Translator; defaults to the document language's. */
  t?: Translate;
  /** Namespace for header keys without one (the gender gap table uses bare "inclusion" keys). */
  headerNs?: string;
  landscape?: boolean;
  /** Computed total rows, shown in bold after the body. */
  footer?: FooterRow[];
  /** Columns to leave out (by id), e.g. source columns nobody uses. */
  omit?: string[];
  /** Full-width group rows inserted before the body row of that index (e.g. the objective of T12 rows). */
  groupTitles?: Map<number, string>;
}
/** A totals row: a label in the first cell(s), values by column id. */
export interface FooterRow {
  label: string;
  values: Record<string, CellValue>;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
// Shared option objects: formatNumber finds their formatter by identity (thousands of cells).
const MONEY_FORMAT: Intl.NumberFormatOptions = { maximumFractionDigits: 1 };
const NUMBER_FORMAT: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };
const isNumeric = (kind: string) => kind === "number" || kind === "money" || kind === "percent";

export function formatCell(value: CellValue, kind: string, lang: DocLang, t: Translate): string {
  if (value === null || value === undefined || value === "") return kind === "text" ? "" : "—";
  if (typeof value === "boolean") return t(value ? "common:forms.yes" : "common:forms.no", { defaultValue: value ? "+" : "−" });
  if (typeof value === "number") {
    if (kind === "text") return String(value);
    const text = formatNumber(value, lang, kind === "money" ? MONEY_FORMAT : NUMBER_FORMAT);
    return kind === "percent" ? `${text} %` : text;
  }
  return value;
}

export function headerText<Row, Ctx>(c: AnyColumn<Row, Ctx>, ctx: Ctx, t: Translate, ns?: string): string {
  if (c.headerLabel) return c.headerLabel(ctx);
  const h = c.header;
  if (typeof h === "string") return t(ns && !h.includes(":") ? `${ns}:${h}` : h, c.headerParams);
  if ("text" in h) return h.text;
  return t(h.key, h.values);
}

/** Font size (half-points) that lets wide tables fit the page. */
function fontSizeFor(columns: number, landscape: boolean): number {
  const room = landscape ? 4 : 0;
  if (columns <= 5 + room) return 22;
  if (columns <= 8 + room) return 20;
  if (columns <= 12 + room) return 18;
  if (columns <= 16 + room) return 16;
  return 14;
}

/** Length of the longest word (split at spaces, tabs, line breaks and slashes); a loop, as it runs for every cell. */
function longestWord(s: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 47 || c === 10 || c === 9) {
      if (run > best) best = run;
      run = 0;
    } else run++;
  }
  return run > best ? run : best;
}

/**
 * Column widths in twips. Every column first gets room for its longest word (header or content;
 * numbers must never wrap), the rest of the page width goes to the columns with long texts.
 */
function columnWidths(headers: string[], body: string[][], kinds: string[], total: number, size: number): number[] {
  const charW = size * 5.6; // average glyph width of Times New Roman in twips at this size (half-points)
  const pad = 150; // cell margins
  const min = headers.map((h, i) => {
    const values = body.map((r) => r[i] ?? "");
    const chars = isNumeric(kinds[i])
      ? Math.max(...values.map((v) => v.length), Math.min(longestWord(h), 7), 2)
      : Math.max(Math.min(14, Math.max(0, ...values.map(longestWord))), Math.min(longestWord(h), 8), 2);
    return chars * charW + pad;
  });
  const want = headers.map((h, i) => {
    if (isNumeric(kinds[i])) return 0;
    const lengths = body.map((r) => r[i]?.length ?? 0).sort((a, b) => a - b);
    const typical = lengths.length ? lengths[Math.floor(lengths.length * 0.8)] : 0;
    return typical > 0 ? Math.sqrt(typical) * 3 : 0;
  });
  const minSum = min.reduce((a, b) => a + b, 0);
  if (minSum >= total) {
    // Too many columns: numbers keep their width (they must not wrap), texts share the rest.
    const numeric = min.reduce((a, w, i) => a + (isNumeric(kinds[i]) ? w : 0), 0);
    const text = minSum - numeric;
    if (numeric >= total || text === 0) return min.map((w) => Math.floor((w / minSum) * total));
    const weight = min.map((w, i) => (isNumeric(kinds[i]) ? 0 : w + want[i] * charW * 1.5));
    const weightSum = weight.reduce((a, b) => a + b, 0);
    return min.map((w, i) => Math.floor(isNumeric(kinds[i]) ? w : (weight[i] / weightSum) * (total - numeric)));
  }
  const wantSum = want.reduce((a, b) => a + b, 0);
  if (wantSum === 0) return min.map((w) => Math.floor((w / minSum) * total));
  return min.map((w, i) => Math.floor(w + ((total - minSum) * want[i]) / wantSum));
}

type CellOptions = { size: number; bold?: boolean; align?: string; header?: boolean; columnSpan?: number; rowSpan?: number; keepNext?: boolean };

/**
 * Cell paragraphs of one table, shared between cells with the same text and formatting ("—",
 * labels, repeated numbers): a plain-text paragraph writes the same XML wherever it sits, and
 * building docx objects is most of the export's own time. Per table call, so never stale.
 */
type ParagraphMemo = Map<string, Paragraph>;

function cellParagraph(memo: ParagraphMemo, line: string, opts: CellOptions): Paragraph {
  const key = `${opts.size}|${opts.align ?? ""}|${opts.keepNext ? 1 : 0}|${opts.bold ? 1 : 0}|${line}`;
  let p = memo.get(key);
  if (!p) {
    const align = opts.align && opts.align !== AlignmentType.LEFT ? (opts.align as (typeof AlignmentType)[keyof typeof AlignmentType]) : undefined;
    p = new Paragraph({ style: cellStyleId(opts.size), alignment: align, keepNext: opts.keepNext, children: [new TextRun({ text: line, bold: opts.bold })] });
    memo.set(key, p);
  }
  return p;
}

/** A table cell: borders and margins come from the table, text size from a paragraph style. */
function cell(memo: ParagraphMemo, text: string, _width: number, opts: CellOptions) {
  return new TableCell({
    columnSpan: opts.columnSpan,
    rowSpan: opts.rowSpan,
    verticalAlign: opts.header ? VerticalAlign.CENTER : undefined,
    shading: opts.header ? { fill: "E7E7E7" } : undefined,
    children: (text.includes("\n") ? text.split("\n") : [text]).map((line) => cellParagraph(memo, line, opts)),
  });
}

/**
 * The DOCX table of a definition: header rows repeat on every page, rows never split across
 * pages, numbers right-aligned and formatted the local way (space thousands, comma decimals).
 */
export function tableFromDefinition<Row, Ctx = unknown>(def: AnyDefinition<Row, Ctx>, rows: readonly Row[], lang: DocLang, opts: TableOptions<Ctx> = {}): Table {
  const t = opts.t ?? docTranslator(lang);
  const memo: ParagraphMemo = new Map();
  const ctx = (opts.ctx ?? {}) as Ctx;
  const all = "columns" in def ? def.columns : (def as readonly AnyColumn<Row, Ctx>[]);
  const columns = all.filter((c) => !opts.omit?.includes(c.id));
  const kinds = columns.map((c) => c.kind);
  const headers = columns.map((c) => headerText(c, ctx, t, opts.headerNs));
  const body = rows.map((r) => columns.map((c) => formatCell(c.accessor(r, ctx), c.kind, lang, t)));
  const footer = (opts.footer ?? []).map((f) => ({ label: f.label, cells: columns.map((c) => (c.id in f.values ? formatCell(f.values[c.id], c.kind, lang, t) : "")) }));
  const total = opts.landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
  const size = fontSizeFor(columns.length, Boolean(opts.landscape));
  const widths = columnWidths(headers, [...body, ...footer.map((f) => f.cells)], kinds, total, size);
  const align = (i: number) => (isNumeric(kinds[i]) ? AlignmentType.RIGHT : AlignmentType.LEFT);

  const headerRows: TableRow[] = [];
  const grouped = columns.some((c) => c.group);
  if (!grouped) {
    headerRows.push(new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(memo, h, widths[i], { size, bold: true, header: true, align: AlignmentType.CENTER })) }));
  } else {
    // Two header rows: group titles spanning their columns, other headers spanning both rows.
    const top: TableCell[] = [];
    const bottom: TableCell[] = [];
    for (let i = 0; i < columns.length; ) {
      const g = columns[i].group;
      if (!g) {
        top.push(cell(memo, headers[i], widths[i], { size, bold: true, header: true, rowSpan: 2, align: AlignmentType.CENTER }));
        i++;
        continue;
      }
      let j = i;
      while (j < columns.length && columns[j].group === g) j++;
      top.push(cell(memo, t(g), widths.slice(i, j).reduce((a, b) => a + b, 0), { size, bold: true, header: true, columnSpan: j - i, align: AlignmentType.CENTER }));
      for (let k = i; k < j; k++) bottom.push(cell(memo, headers[k], widths[k], { size, bold: true, header: true, align: AlignmentType.CENTER }));
      i = j;
    }
    headerRows.push(new TableRow({ tableHeader: true, cantSplit: true, children: top }), new TableRow({ tableHeader: true, cantSplit: true, children: bottom }));
  }

  const bodyRows = body.flatMap((cells, r) => {
    const row = new TableRow({ cantSplit: true, children: cells.map((text, i) => cell(memo, text, widths[i], { size, align: align(i) })) });
    const group = opts.groupTitles?.get(r);
    if (group === undefined) return [row];
    return [new TableRow({ cantSplit: true, children: [cell(memo, group, total, { size, bold: true, columnSpan: columns.length, keepNext: true })] }), row];
  });
  const footerRows = footer.map((f) => {
    // The label spans the leading cells that have no value.
    let span = 0;
    while (span < f.cells.length - 1 && f.cells[span] === "") span++;
    span = Math.max(span, 1);
    const label = cell(memo, f.label, widths.slice(0, span).reduce((a, b) => a + b, 0), { size, bold: true, columnSpan: span > 1 ? span : undefined });
    return new TableRow({ cantSplit: true, children: [label, ...f.cells.slice(span).map((text, k) => cell(memo, text, widths[span + k], { size, bold: true, align: align(span + k) }))] });
  });

  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    rows: [...headerRows, ...(bodyRows.length ? bodyRows : [new TableRow({ children: [cell(memo, "—", total, { size, columnSpan: columns.length, align: AlignmentType.CENTER })] })]), ...footerRows],
  });
}

/** A borderless layout table (title-page signature blocks side by side). */
export function layoutTable(columns: Paragraph[][], width: number): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const w = Math.floor(width / columns.length);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: columns.map(() => w),
    layout: TableLayoutType.FIXED,
    borders,
    rows: [new TableRow({ height: { value: 0, rule: HeightRule.AUTO }, children: columns.map((children) => new TableCell({ width: { size: w, type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none }, children })) })],
  });
}
