/**
 * The DOCX table of a definition (app/export/table-from-definition.ts), read back from the packed
 * file: widths, repeated values (one TableCell shared by the rows of a column), header and footer.
 */
import { Document, Packer } from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { TEXT_WIDTH } from "~/export/docx-kit";
import { tableFromDefinition, tablePlacement, type AnyColumn } from "~/export/table-from-definition";

interface Row {
  title: string;
  source: string | null;
  cost: number;
}
const columns: AnyColumn<Row, unknown>[] = [
  { id: "title", header: { text: "Мероприятие" }, kind: "text", accessor: (r) => r.title },
  { id: "source", header: { text: "Источник" }, kind: "text", accessor: (r) => r.source },
  { id: "cost", header: { text: "Стоимость, тыс. сом" }, kind: "money", accessor: (r) => r.cost },
];
const rows: Row[] = [
  { title: "Ремонт водопровода в с. Кок-Жайык", source: "Местный бюджет", cost: 1250.5 },
  { title: "Өрт өчүрүү постун куруу", source: null, cost: 1250.5 },
  { title: "Ремонт школы", source: "Местный бюджет", cost: 300 },
];

async function xmlOf(table: ReturnType<typeof tableFromDefinition>): Promise<string> {
  const buffer = await Packer.toBuffer(new Document({ sections: [{ children: [table] }] }));
  return (await JSZip.loadAsync(buffer)).file("word/document.xml")!.async("string");
}

const documentXml = () => xmlOf(tableFromDefinition({ columns }, rows, "ru", { footer: [{ label: "Итого", values: { cost: 2801 } }] }));

/** A T12-like table: a long title, a year, a short type and 17 amount columns with long headers. */
function wideTable() {
  type Wide = { title: string; year: string; type: string; amounts: (number | string)[] };
  const amountColumns: AnyColumn<Wide, unknown>[] = Array.from({ length: 17 }, (_, k) => ({
    id: `a${k}`,
    header: { text: k === 0 ? "Целевые значения" : "Республиканский бюджет" },
    kind: "number",
    accessor: (r: Wide) => r.amounts[k],
  }));
  const wide: AnyColumn<Wide, unknown>[] = [
    { id: "title", header: { text: "Мероприятие" }, kind: "text", accessor: (r) => r.title },
    { id: "year", header: { text: "Начало" }, kind: "text", accessor: (r) => r.year },
    { id: "type", header: { text: "Тип" }, kind: "text", accessor: (r) => r.type },
    ...amountColumns,
  ];
  const data: Wide[] = Array.from({ length: 4 }, (_, i) => ({
    title: `Строительство водопровода в селе номер ${i + 1} протяжённостью девять километров`,
    year: "2026",
    type: "Проект",
    // A number column may hold a note with spaces (women / men): it wraps at the spaces.
    amounts: [`32.7 (Ж 32.7 / М 32.7)`, ...Array.from({ length: 16 }, () => 22800 + i)],
  }));
  return tableFromDefinition({ columns: wide }, data, "ru", { landscape: true });
}

const attr = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<w:${tag} [^>]*w:w="(\\d+)"`, "g"))].map((m) => Number(m[1]));
const rowsOf = (xml: string) =>
  xml
    .split("<w:tr>")
    .slice(1)
    .map((tr) => tr.split("</w:tr>")[0]);
const cellTexts = (tr: string) =>
  tr
    .split("<w:tc>")
    .slice(1)
    .map((tc) => [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));

describe("tableFromDefinition", () => {
  it("fills the text width exactly and gives every cell its column's width", async () => {
    const xml = await documentXml();
    const grid = attr(xml, "gridCol");
    expect(grid).toHaveLength(3);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH.portrait);
    const trs = rowsOf(xml);
    // header, three body rows, the total
    expect(trs).toHaveLength(5);
    for (const tr of trs.slice(0, 4)) expect(attr(tr, "tcW")).toEqual(grid);
    // the total's label spans the two columns without a value
    expect(attr(trs[4], "tcW")).toEqual([grid[0] + grid[1], grid[2]]);
    expect(trs[4]).toContain('<w:gridSpan w:val="2"/>');
  });

  it("shrinks the type of a wide table before its short words would break, and long texts wrap", async () => {
    const xml = await xmlOf(wideTable());
    const grid = attr(xml, "gridCol");
    expect(grid).toHaveLength(20);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH.landscape);
    // 7 pt, the smallest table type
    expect(xml).toContain('<w:pStyle w:val="KadamCell14"/>');
    const charWidth = 14 * 5.6;
    const [title, year, type, note, amount] = grid;
    // «2026», «Проект», «22 800» each fit on one line
    expect(year).toBeGreaterThanOrEqual(4 * charWidth);
    expect(type).toBeGreaterThanOrEqual(6 * charWidth);
    expect(amount).toBeGreaterThanOrEqual(6 * charWidth);
    // the note column is as wide as its longest word, not its whole text
    expect(note).toBeLessThan(12 * charWidth);
    // and the title has the most room
    expect(title).toBe(Math.max(...grid));
  });

  it("writes repeated values in every row, numbers the local way, header repeated, rows unsplit", async () => {
    const xml = await documentXml();
    const trs = rowsOf(xml);
    expect(trs.map(cellTexts)).toEqual([
      ["Мероприятие", "Источник", "Стоимость, тыс. сом"],
      ["Ремонт водопровода в с. Кок-Жайык", "Местный бюджет", "1\u00a0250,5"],
      ["Өрт өчүрүү постун куруу", "", "1\u00a0250,5"],
      ["Ремонт школы", "Местный бюджет", "300"],
      ["Итого", "2\u00a0801"],
    ]);
    expect(trs[0]).toContain("<w:tblHeader/>");
    for (const tr of trs) expect(tr).toContain("<w:cantSplit/>");
  });

  it("puts a table whose columns do not fit a portrait page on landscape pages, and only such a table", async () => {
    // A population table: the village, then 17 figures (sexes × age bands, as the template gives them).
    type Village = { name: string; figures: number[] };
    const figures: AnyColumn<Village, unknown>[] = Array.from({ length: 17 }, (_, k) => ({
      id: `f${k}`,
      header: { text: `${k * 5}–${k * 5 + 4} жаш, эркек` },
      kind: "number",
      accessor: (r: Village) => r.figures[k],
    }));
    const population: AnyColumn<Village, unknown>[] = [
      { id: "name", header: { text: "Айыл" }, kind: "text", accessor: (r) => r.name },
      ...figures,
    ];
    const villages: Village[] = ["Кок-Жайык", "Орто-Суу", "Кызыл-Дөбө"].map((name, i) => ({
      name,
      figures: Array.from({ length: 17 }, (_, k) => 1000 + i * 100 + k),
    }));

    const wide = tablePlacement({ columns: population }, villages, "ky", { landscape: "auto" });
    expect(wide.landscape).toBe(true);
    const grid = attr(await xmlOf(wide.table), "gridCol");
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH.landscape);
    // «Кызыл-Дөбө» keeps its letters together (at 7 pt), and «1 216» too.
    expect(grid[0]).toBeGreaterThanOrEqual(10 * 14 * 5.6);
    expect(Math.min(...grid.slice(1))).toBeGreaterThanOrEqual(5 * 14 * 5.6);

    const narrow = tablePlacement({ columns }, rows, "ru", { landscape: "auto" });
    expect(narrow.landscape).toBe(false);
    expect(attr(await xmlOf(narrow.table), "gridCol").reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH.portrait);
  });
});
