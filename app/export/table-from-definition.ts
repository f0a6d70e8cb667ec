/**
 * Renders any table definition of app/domain/tables/ as a DOCX table, so the document shows the
 * same columns as the web page without listing them again. The definitions come in a few shapes
 * (passport tables carry header objects, plan tables a header key plus an optional template label,
 * the M&E matrix group headers); this module accepts all of them.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { formatNumber } from "~/domain/format";
import type { DocLang, Translate } from "./i18n";
import { docTranslator } from "./i18n";
import { CELL_SIZES, cellStyleId, TEXT_WIDTH } from "./docx-kit";

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
  /** Page orientation; "auto" picks landscape only for a table whose columns do not fit portrait. */
  landscape?: boolean | "auto";
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

/**
 * Writes a table's figures, remembering each: formatting costs about a microsecond, a lookup a
 * twentieth of that, and a table repeats its figures (zeros, years, the same amounts and counts
 * in many rows). Made per table, so nothing outlives the export.
 */
function figureWriter(lang: DocLang): (value: number, kind: string) => string {
  const written = { money: new Map<number, string>(), percent: new Map<number, string>(), number: new Map<number, string>() };
  return (value, kind) => {
    const memo = kind === "money" ? written.money : kind === "percent" ? written.percent : written.number;
    let text = memo.get(value);
    if (text === undefined) {
      text = formatNumber(value, lang, kind === "money" ? MONEY_FORMAT : NUMBER_FORMAT);
      memo.set(value, (text = kind === "percent" ? `${text} %` : text));
    }
    return text;
  };
}

function formatCell(value: CellValue, kind: string, t: Translate, figure: (value: number, kind: string) => string): string {
  if (value === null || value === undefined || value === "") return kind === "text" ? "" : "—";
  if (typeof value === "boolean") return t(value ? "common:forms.yes" : "common:forms.no", { defaultValue: value ? "+" : "−" });
  if (typeof value === "number") return kind === "text" ? String(value) : figure(value, kind);
  return value;
}

export function headerText<Row, Ctx>(c: AnyColumn<Row, Ctx>, ctx: Ctx, t: Translate, ns?: string): string {
  if (c.headerLabel) return c.headerLabel(ctx);
  const h = c.header;
  if (typeof h === "string") return t(ns && !h.includes(":") ? `${ns}:${h}` : h, c.headerParams);
  if ("text" in h) return h.text;
  return t(h.key, h.values);
}

/** The smallest table type (each size of CELL_SIZES has a paragraph style of its own, docx-kit). */
const SMALLEST_SIZE = CELL_SIZES[CELL_SIZES.length - 1];
/** The most columns for each size of CELL_SIZES but the last; landscape pages take 4 more. */
const COLUMN_LIMITS = [5, 8, 12, 16];

/** Font size (half-points) that lets wide tables fit the page. */
function fontSizeFor(columns: number, landscape: boolean): number {
  const room = landscape ? 4 : 0;
  const i = COLUMN_LIMITS.findIndex((limit) => columns <= limit + room);
  return i === -1 ? SMALLEST_SIZE : CELL_SIZES[i];
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

/** What the widths of a column depend on, read once per table whatever the type size. */
interface ColumnMeasure {
  numeric: boolean;
  /** Longest word of its cells, in characters. */
  longest: number;
  /** Longest word of its header. */
  headerWord: number;
  /** Length of its typical text (the 80th percentile of its cells). */
  typical: number;
}

/** Reads every cell once (plain loops: this reads every cell of the largest tables). */
function measureColumns(headers: string[], body: string[][], kinds: string[]): ColumnMeasure[] {
  // A typed array sorts numerically without a comparator callback.
  const lengths = new Uint32Array(body.length);
  return headers.map((header, i) => {
    let longest = 0;
    for (let r = 0; r < body.length; r++) {
      const v = body[r][i] ?? "";
      const l = longestWord(v);
      if (l > longest) longest = l;
      lengths[r] = v.length;
    }
    lengths.sort();
    return {
      numeric: isNumeric(kinds[i]),
      longest,
      headerWord: longestWord(header),
      typical: body.length ? lengths[Math.floor(lengths.length * 0.8)] : 0,
    };
  });
}

/**
 * Column widths in twips, in three steps as the page allows:
 * 1. every column gets room for its longest word, up to 14 characters for texts and 8 for their
 *    header (numbers never wrap: the no-break space of "1 250,5" keeps one word whole);
 * 2. then room for the header's whole longest word («Жергиликтүү бюджет», up to 12 characters), so
 *    headers do not break mid-word where there is space;
 * 3. the rest goes to the columns whose texts are longer than their width (titles, measures).
 * When even step 1 does not fit: null unless `squeeze`; then numbers keep their width, short texts
 * their words up to 8 characters, and the long texts share the rest.
 */
function columnWidths(columns: ColumnMeasure[], total: number, size: number, squeeze: boolean): number[] | null {
  const charW = size * 5.6; // average glyph width of Times New Roman in twips at this size (half-points)
  const pad = 150; // cell margins
  const n = columns.length;
  const min: number[] = new Array(n);
  // When the page is short: a text column's longest word and header word up to 8 characters; a
  // number column its longest number and header word up to 5 (a header may break, a number not).
  const floor: number[] = new Array(n);
  const ideal: number[] = new Array(n);
  const want: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const { numeric, longest, headerWord: h, typical } = columns[i];
    const chars = numeric ? Math.max(longest, Math.min(h, 7), 2) : Math.max(Math.min(14, longest), Math.min(h, 8), 2);
    min[i] = chars * charW + pad;
    floor[i] = (numeric ? Math.max(longest, Math.min(h, 5), 2) : Math.max(Math.min(longest, 8), Math.min(h, 8), 2)) * charW + pad;
    // Headers are bold: a little wider than the body text the glyph estimate is for.
    ideal[i] = Math.max(chars * charW, Math.min(h, 12) * charW * 1.15) + pad;
    // Only texts that do not fit their width on one line ask for more.
    want[i] = !numeric && typical > chars ? Math.sqrt(typical) * 3 : 0;
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const minSum = sum(min);
  if (minSum >= total) {
    if (!squeeze) return null;
    // Too many columns: numbers keep their floor (they must not wrap), texts share the rest.
    const numeric = floor.reduce((a, w, i) => a + (columns[i].numeric ? w : 0), 0);
    const texts = columns.filter((c) => !c.numeric).length;
    if (numeric >= total || texts === 0) return floor.map((w) => Math.floor((w / sum(floor)) * total));
    const room = total - numeric;
    const floorSum = floor.reduce((a, w, i) => a + (columns[i].numeric ? 0 : w), 0);
    // Short texts («2024», «саат/күн», a number like 1.2.1.a) keep their floor; long ones share the rest.
    if (floorSum <= room) {
      const weight = min.map((w, i) => (columns[i].numeric ? 0 : w - floor[i] + want[i] * charW * 1.5));
      const weightSum = sum(weight);
      const share = (i: number) => (weightSum > 0 ? weight[i] / weightSum : 1 / texts);
      return floor.map((w, i) => Math.floor(columns[i].numeric ? w : w + (room - floorSum) * share(i)));
    }
    // Not even that: every text column gives up the same share of its floor.
    return floor.map((w, i) => Math.floor(columns[i].numeric ? w : (w / floorSum) * room));
  }
  const idealSum = sum(ideal);
  if (idealSum >= total) {
    const k = (total - minSum) / (idealSum - minSum);
    return min.map((w, i) => Math.floor(w + (ideal[i] - w) * k));
  }
  const wantSum = sum(want);
  if (wantSum === 0) return ideal.map((w) => Math.floor((w / idealSum) * total));
  return ideal.map((w, i) => Math.floor(w + ((total - idealSum) * want[i]) / wantSum));
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** What a plain cell holds: its paragraphs. */
type CellContent = { readonly children: Paragraph[] };

/**
 * Makes the content of cells of one formatting (size, alignment, bold, keep-with-next) and shares
 * it between cells with the same text ("—", labels, repeated numbers): a plain-text paragraph
 * writes the same XML wherever it sits. Made per table call, so nothing outlives the export. Size
 * comes from a paragraph style, so a paragraph carries only a style id.
 */
function contentMaker(size: number, align: Align, bold: boolean, keepNext: boolean): (text: string) => CellContent {
  const memo = new Map<string, CellContent>();
  const style = cellStyleId(size);
  const alignment = align === AlignmentType.LEFT ? undefined : align;
  const one = (line: string) =>
    new Paragraph({ style, alignment, keepNext: keepNext || undefined, children: [new TextRun(bold ? { text: line, bold } : line)] });
  return (text) => {
    let c = memo.get(text);
    if (!c) memo.set(text, (c = { children: text.includes("\n") ? text.split("\n").map(one) : [one(text)] }));
    return c;
  };
}

const HEADER_SHADING = { fill: "E7E7E7" } as const;

type CellWidth = { readonly size: number; readonly type: typeof WidthType.DXA };

/** A header cell: grey, vertically centred; borders and margins come from the table. */
function headerCell(content: CellContent, width: CellWidth, span: { columnSpan?: number; rowSpan?: number } = {}): TableCell {
  return new TableCell({
    width,
    columnSpan: span.columnSpan,
    rowSpan: span.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    shading: HEADER_SHADING,
    children: content.children,
  });
}

/**
 * Makes the column widths add up to the table width exactly (the rounding remainder goes to the
 * widest column), so every cell can carry its column's width as given: docx then neither rescales
 * nor re-derives the width of each cell when it builds and again when it writes the table.
 */
function fitWidths(widths: number[], total: number): number[] {
  const rest = total - widths.reduce((a, b) => a + b, 0);
  if (rest <= 0 || !widths.length) return widths;
  let widest = 0;
  for (let i = 1; i < widths.length; i++) if (widths[i] > widths[widest]) widest = i;
  const fitted = widths.slice();
  fitted[widest] += rest;
  return fitted;
}

/**
 * The type size and column widths of a table on a page: the largest size at which every column
 * gets its words, stepping down to 7 pt; there, squeezed when `squeeze`, else null (the table
 * does not fit that page).
 */
function layoutFor(columns: ColumnMeasure[], landscape: boolean, squeeze: boolean): { size: number; widths: number[] } | null {
  const total = landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
  for (let size = fontSizeFor(columns.length, landscape); ; size = CELL_SIZES.find((s) => s < size) ?? SMALLEST_SIZE) {
    const last = size <= SMALLEST_SIZE;
    const widths = columnWidths(columns, total, size, last && squeeze);
    if (widths) return { size, widths };
    if (last) return null;
  }
}

/**
 * The DOCX table of a definition: header rows repeat on every page, rows never split across
 * pages, numbers right-aligned and formatted the local way (space thousands, comma decimals).
 * Borders and cell margins are set once on the table, text size by a paragraph style: a body
 * cell carries no properties of its own. With `landscape: "auto"` the table goes on portrait
 * pages when its columns fit there and says it needs landscape pages when they do not (a
 * population table with many age bands): the caller places it (docx-kit's LandscapePages).
 */
export function tablePlacement<Row, Ctx = unknown>(
  def: AnyDefinition<Row, Ctx>,
  rows: readonly Row[],
  lang: DocLang,
  opts: TableOptions<Ctx> = {},
): { table: Table; landscape: boolean } {
  const t = opts.t ?? docTranslator(lang);
  const ctx = (opts.ctx ?? {}) as Ctx;
  const all = "columns" in def ? def.columns : (def as readonly AnyColumn<Row, Ctx>[]);
  const columns = opts.omit?.length ? all.filter((c) => !opts.omit!.includes(c.id)) : all;
  const n = columns.length;
  const kinds = columns.map((c) => c.kind);
  const headers = columns.map((c) => headerText(c, ctx, t, opts.headerNs));
  const figure = figureWriter(lang);
  const body: string[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const cells: string[] = new Array(n);
    for (let i = 0; i < n; i++) cells[i] = formatCell(columns[i].accessor(rows[r], ctx), kinds[i], t, figure);
    body[r] = cells;
  }
  const footer = (opts.footer ?? []).map((f) => ({
    label: f.label,
    cells: columns.map((c) => (c.id in f.values ? formatCell(f.values[c.id], c.kind, t, figure) : "")),
  }));
  const measured = measureColumns(headers, footer.length ? [...body, ...footer.map((f) => f.cells)] : body, kinds);
  // "auto": portrait when every column gets its words there (down to 7 pt), else landscape.
  const portrait = opts.landscape === "auto" ? layoutFor(measured, false, false) : null;
  const landscape = opts.landscape === "auto" ? !portrait : Boolean(opts.landscape);
  const total = landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
  const { size, widths: fitted } = portrait ?? layoutFor(measured, landscape, true)!;
  const widths = fitWidths(fitted, total);
  const widthOf = widths.map((w): CellWidth => ({ size: w, type: WidthType.DXA }));
  const spanWidth = (from: number, span: number): CellWidth => ({
    size: widths.slice(from, from + span).reduce((a, b) => a + b, 0),
    type: WidthType.DXA,
  });
  const fullWidth = spanWidth(0, n);

  const headText = contentMaker(size, AlignmentType.CENTER, true, false);
  const text = contentMaker(size, AlignmentType.LEFT, false, false);
  const number = contentMaker(size, AlignmentType.RIGHT, false, false);
  const boldText = contentMaker(size, AlignmentType.LEFT, true, false);
  const boldNumber = contentMaker(size, AlignmentType.RIGHT, true, false);
  const bodyOf = kinds.map((k) => (isNumeric(k) ? number : text));
  const footOf = kinds.map((k) => (isNumeric(k) ? boldNumber : boldText));

  const headerRows: TableRow[] = [];
  const grouped = columns.some((c) => c.group);
  if (!grouped) {
    headerRows.push(
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => headerCell(headText(h), widthOf[i])) }),
    );
  } else {
    // Two header rows: group titles spanning their columns, other headers spanning both rows.
    const top: TableCell[] = [];
    const bottom: TableCell[] = [];
    for (let i = 0; i < n;) {
      const g = columns[i].group;
      if (!g) {
        top.push(headerCell(headText(headers[i]), widthOf[i], { rowSpan: 2 }));
        i++;
        continue;
      }
      let j = i;
      while (j < n && columns[j].group === g) j++;
      top.push(headerCell(headText(t(g)), spanWidth(i, j - i), { columnSpan: j - i }));
      for (let k = i; k < j; k++) bottom.push(headerCell(headText(headers[k]), widthOf[k]));
      i = j;
    }
    headerRows.push(
      new TableRow({ tableHeader: true, cantSplit: true, children: top }),
      new TableRow({ tableHeader: true, cantSplit: true, children: bottom }),
    );
  }

  const bodyRows: TableRow[] = [];
  const groupText = opts.groupTitles?.size ? contentMaker(size, AlignmentType.LEFT, true, true) : null;
  // A body cell writes the same XML in every row of its column, so a column's cells with the same
  // text ("—", a source, a year) are one TableCell: large plans repeat most values.
  const bodyCells = kinds.map(() => new Map<string, TableCell>());
  for (let r = 0; r < body.length; r++) {
    const group = opts.groupTitles?.get(r);
    if (group !== undefined && groupText)
      bodyRows.push(
        new TableRow({
          cantSplit: true,
          children: [new TableCell({ width: fullWidth, columnSpan: n, children: groupText(group).children })],
        }),
      );
    const cells = body[r];
    const children: TableCell[] = new Array(n);
    for (let i = 0; i < n; i++) {
      let cell = bodyCells[i].get(cells[i]);
      if (!cell) bodyCells[i].set(cells[i], (cell = new TableCell({ width: widthOf[i], children: bodyOf[i](cells[i]).children })));
      children[i] = cell;
    }
    bodyRows.push(new TableRow({ cantSplit: true, children }));
  }
  const footerRows = footer.map((f) => {
    // The label spans the leading cells that have no value.
    let span = 0;
    while (span < f.cells.length - 1 && f.cells[span] === "") span++;
    span = Math.max(span, 1);
    const label = new TableCell({
      width: spanWidth(0, span),
      columnSpan: span > 1 ? span : undefined,
      children: boldText(f.label).children,
    });
    return new TableRow({
      cantSplit: true,
      children: [
        label,
        ...f.cells.slice(span).map((c, k) => new TableCell({ width: widthOf[span + k], children: footOf[span + k](c).children })),
      ],
    });
  });
  if (!bodyRows.length)
    bodyRows.push(
      new TableRow({
        children: [
          new TableCell({
            width: fullWidth,
            columnSpan: n,
            children: contentMaker(size, AlignmentType.CENTER, false, false)("—").children,
          }),
        ],
      }),
    );

  const table = new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    rows: [...headerRows, ...bodyRows, ...footerRows],
  });
  return { table, landscape };
}

/**
 * The DOCX table of a definition on a page of the given orientation (portrait unless
 * `landscape`); see tablePlacement for a table that picks its orientation.
 */
export function tableFromDefinition<Row, Ctx = unknown>(
  def: AnyDefinition<Row, Ctx>,
  rows: readonly Row[],
  lang: DocLang,
  opts: TableOptions<Ctx> & { landscape?: boolean } = {},
): Table {
  return tablePlacement(def, rows, lang, opts).table;
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
    rows: [
      new TableRow({
        height: { value: 0, rule: HeightRule.AUTO },
        children: columns.map(
          (children) =>
            new TableCell({
              width: { size: w, type: WidthType.DXA },
              borders: { top: none, bottom: none, left: none, right: none },
              children,
            }),
        ),
      }),
    ],
  });
}
