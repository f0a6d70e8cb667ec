/**
 * Bounded reading of an uploaded workbook. An .xlsx is a zip of XML parts; a small upload can
 * unpack to gigabytes (a zip bomb) or hold 300 000 rows, and ExcelJS's `xlsx.load` builds the whole
 * workbook in memory (the fault run: 2.9 GB RSS, then a stack overflow). So:
 *   1. the zip's central directory is read first (part count, declared sizes, packing ratio),
 *      and a workbook over a limit is refused before anything is unpacked;
 *   2. each part is unpacked as a stream that fails as soon as it yields more than it declared
 *      (a lying header cannot inflate further);
 *   3. sheets are parsed row by row with ExcelJS's streaming readers and reading stops at the first
 *      row, column or cell over the limits of XLSX_LIMITS, or at row 3 of a sheet that is not ours.
 * ExcelJS's WorkbookReader unzips by itself (unbounded, worksheets cached in temp files when the
 * shared strings come later, as in files saved by Excel), so we drive its part parsers ourselves.
 */
import ExcelJS from "exceljs";
import { pipeline, Readable, Transform } from "node:stream";
import { createInflateRaw } from "node:zlib";
import type { Raw, SheetPayload, XlsxIssue } from "~/domain/xlsx-import";
import { lastSheetRow, ROW_ID_COLUMN, TABLE_MARK, XLSX_LIMITS } from "~/domain/xlsx-import";

/** A workbook refused by a limit; `issue` is the message for the user. */
export class XlsxRefused extends Error {
  constructor(readonly issue: XlsxIssue) {
    super(issue.key);
  }
}
const refused = (key: string, values?: Record<string, unknown>) =>
  new XlsxRefused({ sheet: String(values?.sheet ?? ""), row: null, column: null, key: `files:xlsx.errors.${key}`, values });
const MB = 1024 * 1024;

// ---- the zip's directory ----------------------------------------------------------------------------------

interface ZipEntry {
  name: string;
  method: number;
  packed: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
}

/** Entries of the central directory, checked against the limits; nothing is unpacked here. */
export function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  const notXlsx = () => refused("notXlsx");
  // End of central directory: 22 bytes plus a comment of up to 65 535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw notXlsx();
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // Zip64 markers: a workbook under the upload size never needs them.
  if (count === 0xffff || cdOffset === 0xffffffff) throw notXlsx();
  if (count > XLSX_LIMITS.maxEntries) throw refused("unpackedTooLarge", { max: XLSX_LIMITS.maxTotalBytes / MB });
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw notXlsx();
    const flags = buf.readUInt16LE(p + 8);
    const e: ZipEntry = {
      method: buf.readUInt16LE(p + 10),
      packed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      offset: buf.readUInt32LE(p + 42),
      name: "",
    };
    const nameLength = buf.readUInt16LE(p + 28);
    e.name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    // Encrypted parts, unknown packing or a name given twice: not a workbook we can read safely.
    if (flags & 1 || (e.method !== 0 && e.method !== 8) || entries.has(e.name)) throw notXlsx();
    if (e.method === 0 && e.packed !== e.size) throw notXlsx();
    total += e.size;
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
    const bomb = e.size > XLSX_LIMITS.ratioFreeBytes && e.size > e.packed * XLSX_LIMITS.maxRatio;
    if (bomb || total > XLSX_LIMITS.maxTotalBytes || (!isSheet && e.size > XLSX_LIMITS.maxPartBytes))
      throw refused("unpackedTooLarge", { max: XLSX_LIMITS.maxTotalBytes / MB });
    entries.set(e.name, e);
  }
  return entries;
}

/**
 * One part unpacked as a stream of text that errors as soon as it gives more bytes than it
 * declared. Text, not bytes: ExcelJS decodes each chunk alone, which breaks a Cyrillic letter
 * split between two chunks; the stream's own decoder keeps it whole.
 */
function partStream(buf: Buffer, e: ZipEntry): Readable {
  return partBytes(buf, e).setEncoding("utf8");
}

function partBytes(buf: Buffer, e: ZipEntry): Readable {
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) throw refused("notXlsx");
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  if (start + e.packed > buf.length) throw refused("notXlsx");
  const packed = Readable.from([buf.subarray(start, start + e.packed)]);
  if (e.method === 0) return packed;
  let seen = 0;
  const bound = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      done(seen > e.size ? refused("unpackedTooLarge", { max: XLSX_LIMITS.maxTotalBytes / MB }) : null, chunk);
    },
  });
  return pipeline(packed, createInflateRaw(), bound, () => {});
}

// ---- the workbook's parts ---------------------------------------------------------------------------------

/** The part parsers of ExcelJS's streaming reader (exceljs 4.4), fed with our bounded streams. */
interface PartReaders {
  model: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ value: WorksheetRows }>;
}
interface WorksheetRows extends AsyncIterable<ExcelJS.Row> {
  name: string;
}

export type PlainValue = (v: ExcelJS.CellValue) => Raw;

/**
 * The uploadable sheets of a workbook (recognised by the table mark in hidden row 2), as plain
 * cell data. `rowLimits` gives the data rows each table may hold. Throws XlsxRefused.
 */
export async function readSheetsBounded(buf: Buffer, rowLimits: Record<string, number>, plainValue: PlainValue): Promise<SheetPayload[]> {
  const entries = zipEntries(buf);
  const part = (name: string) => entries.get(name);
  const rels = part("xl/_rels/workbook.xml.rels");
  const book = part("xl/workbook.xml");
  if (!rels || !book) throw refused("notXlsx");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as PartReaders;
  await reader._parseRels(partStream(buf, rels));
  await reader._parseWorkbook(partStream(buf, book));
  const strings = part("xl/sharedStrings.xml");
  if (strings) for await (const _ of reader._parseSharedStrings(partStream(buf, strings)));
  const styles = part("xl/styles.xml");
  if (styles) await reader._parseStyles(partStream(buf, styles));
  const state = { textChars: 0 };
  const out: SheetPayload[] = [];
  for (const [n, sheet] of (reader.model.sheets ?? []).entries()) {
    const target = reader.workbookRels?.find((r) => r.Id === sheet.rId)?.Target ?? "";
    const entry = part(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    if (!entry) continue;
    if (entry.size > XLSX_LIMITS.maxSheetBytes) throw refused("sheetTooLarge", { sheet: sheet.name, max: XLSX_LIMITS.maxSheetBytes / MB });
    const stream = partStream(buf, entry);
    try {
      const [{ value: rows }] = [...reader._parseWorksheet(stream, String(n + 1))];
      const payload = await readSheet(sheet.name, rows, rowLimits, plainValue, state);
      if (payload) out.push(payload);
    } finally {
      // Reading stops early (a sheet not ours, a refusal): the rest is never unpacked.
      stream.destroy();
    }
  }
  return out;
}

const hasContent = (row: ExcelJS.Row) => row.actualCellCount > 0;

async function readSheet(
  name: string,
  rows: AsyncIterable<ExcelJS.Row>,
  rowLimits: Record<string, number>,
  plainValue: PlainValue,
  state: { textChars: number },
): Promise<SheetPayload | null> {
  let header: ExcelJS.Row | null = null;
  let table: string | null = null;
  let last = 0;
  const columns: { index: number; id: string }[] = [];
  const payload: SheetPayload = { table: "", name, headers: {}, rows: [] };
  for await (const row of rows) {
    if (row.number <= 1) {
      checkRow(name, row, plainValue);
      header = row;
      continue;
    }
    if (row.number === 2) {
      checkRow(name, row, plainValue);
      table = readIdRow(row, columns, plainValue);
      if (!table || !(table in rowLimits)) return null;
      last = lastSheetRow(rowLimits[table]);
      payload.table = table;
      payload.headers = Object.fromEntries(
        columns.map((c) => [c.id, String((header && plainValue(header.getCell(c.index).value)) ?? c.id)]),
      );
      continue;
    }
    // Row 2 holds the mark; a sheet without it (T13, T14, the user's own) is not read further.
    if (!table) return null;
    if (row.number > last && (hasContent(row) || row.number > last + XLSX_LIMITS.blankRowsAllowed))
      throw refused("tooManyRows", { sheet: name, max: rowLimits[table] });
    checkRow(name, row, plainValue);
    const cells: Record<string, Raw> = {};
    for (const c of columns) {
      const v = plainValue(row.getCell(c.index).value);
      cells[c.id] = v;
      if (typeof v === "string") state.textChars += v.length;
    }
    if (state.textChars > XLSX_LIMITS.maxTextChars) throw refused("tooMuchText", { max: XLSX_LIMITS.maxTextChars });
    const id = cells[ROW_ID_COLUMN];
    payload.rows.push({ row: row.number, id: id === null || id === undefined ? null : String(id), cells });
  }
  return table ? payload : null;
}

/** Hidden row 2: the column ids, and "#<table id>" over the row-id column. Returns the table id. */
function readIdRow(row: ExcelJS.Row, columns: { index: number; id: string }[], plainValue: PlainValue): string | null {
  let table: string | null = null;
  row.eachCell((cell, index) => {
    const v = plainValue(cell.value);
    if (typeof v !== "string" || !v) return;
    if (v.startsWith(TABLE_MARK)) table = v.slice(TABLE_MARK.length);
    columns.push({ index, id: v.startsWith(TABLE_MARK) ? ROW_ID_COLUMN : v });
  });
  return table;
}

/** Columns and cell lengths of one row, any cell, before its values are kept. */
function checkRow(sheet: string, row: ExcelJS.Row, plainValue: PlainValue) {
  row.eachCell((cell, index) => {
    if (index > XLSX_LIMITS.maxColumns) throw refused("tooManyColumns", { sheet, max: XLSX_LIMITS.maxColumns });
    const v = plainValue(cell.value);
    if (typeof v === "string" && v.length > XLSX_LIMITS.maxCellChars)
      throw refused("cellTooLong", { sheet, cell: cell.address, max: XLSX_LIMITS.maxCellChars });
  });
}
