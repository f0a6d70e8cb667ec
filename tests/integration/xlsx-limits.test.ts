/**
 * Issue #16, defects 3 and 10: oversized and hostile workbooks are refused by the upload page
 * (4xx, a message naming the sheet and the limit, nothing stored, quickly), and exported text that
 * looks like a formula carries the quote prefix yet reads back as the same text.
 */
import JSZip from "jszip";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildProgramWorkbook, workbookBuffer } from "~/export/xlsx.server";
import { docTranslator } from "~/export/i18n";
import { KIND_PLACES } from "~/domain/element-kinds";
import { XLSX_LIMITS, type XlsxIssue } from "~/domain/xlsx-import";
import { loadProgramData } from "~/services/program-data.server";
import { cookieFor } from "../support/requests";
import { useTestDatabase } from "../support/test-db";

const PLAN_SHEET = "План мероприятий";

describe("XLSX upload limits", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  let cookie: string;
  beforeEach(async () => {
    t = useTestDatabase();
    programId = (await t.db.selectFrom("program").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
    cookie = await cookieFor("planner@kok-jaiyk.demo");
  });
  afterEach(async () => {
    await t.close();
  });

  const download = async () => workbookBuffer(buildProgramWorkbook(await loadProgramData(t.db, programId), "ru"));
  const stored = async () =>
    Number(
      (
        await t.db
          .selectFrom("program_revision")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Posts a workbook to the upload page's action; status, issues and the wall time of the action. */
  async function upload(file: Buffer) {
    const { action } = await import("~/routes/programs.$programId.import.xlsx");
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(file)]), "program.xlsx");
    const request = new Request(`http://localhost/programs/${programId}/import/xlsx`, { method: "POST", headers: { cookie }, body: form });
    const started = performance.now();
    const response = (await action({ request, params: { programId: String(programId) }, context: {} })) as Response;
    const ms = performance.now() - started;
    const body = (await response.json()) as { issues?: XlsxIssue[]; preview?: { changes: unknown[]; payload: string } };
    return { status: response.status, issues: body.issues ?? [], preview: body.preview, ms };
  }

  /** The zip path of a sheet, by its name (workbook.xml → relationships). */
  async function sheetPath(zip: JSZip, name: string) {
    const book = await zip.file("xl/workbook.xml")!.async("string");
    const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(book)![1];
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    return `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]}`;
  }

  /** The downloaded workbook with `count` generated action rows (whole, or a title only) appended to the plan sheet. */
  async function withRows(count: number, whole = true) {
    const zip = await JSZip.loadAsync(await download());
    const path = await sheetPath(zip, PLAN_SHEET);
    const xml = await zip.file(path)!.async("string");
    const rows: string[] = [];
    const first = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
    for (let r = first; r < first + count; r++) {
      const text = (col: string, v: string) => `<c r="${col}${r}" t="inlineStr"><is><t>${v}</t></is></c>`;
      const rest = whole
        ? `${text("C", "Проект")}${text("D", "Айыл өкмөтү")}<c r="E${r}"><v>2026</v></c><c r="F${r}"><v>2026</v></c><c r="G${r}"><v>${r}</v></c>`
        : "";
      rows.push(`<row r="${r}">${text("B", `Мероприятие ${r}`)}${rest}</row>`);
    }
    zip.file(path, xml.replace(/<dimension [^>]*\/>/, "").replace("</sheetData>", `${rows.join("")}</sheetData>`));
    // The fastest packing keeps the test short; the upload limit (5 MB) still holds 300 000 short rows.
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } });
  }

  const tr = docTranslator("ru");
  const text = (i: XlsxIssue) => tr(i.key, i.values ?? {});

  // Rows with a title only: packing whole rows makes the 100 000-row test three times slower to build.
  it.each([100_000, 300_000])(
    "refuses %i action rows with 413 in under a second, naming the sheet and the limit; nothing stored",
    async (count) => {
      const file = await withRows(count, false);
      expect(file.length).toBeLessThan(5 * 1024 * 1024);
      const before = await stored();
      // One upload first, so the timing is of a running server and not of its first call's warm-up.
      await upload(await download());
      const res = await upload(file);
      expect(res.status).toBe(413);
      expect(res.issues).toEqual([
        expect.objectContaining({ key: "files:xlsx.errors.tooManyRows", values: { sheet: PLAN_SHEET, max: KIND_PLACES.action.max } }),
      ]);
      expect(text(res.issues[0])).toBe(
        `На листе «${PLAN_SHEET}» больше строк, чем может быть в этой таблице (не больше ${KIND_PLACES.action.max}). Удалите лишние строки, в том числе пустые оформленные строки ниже таблицы.`,
      );
      expect(res.ms).toBeLessThan(1000);
      expect(await stored()).toBe(before);
    },
    120_000,
  );

  it("refuses a part that declares a huge unpacked size before unpacking it", async () => {
    const file = Buffer.from(await download());
    // The central directory entry of the shared strings says 3 GB; its packed bytes are garbage,
    // so any attempt to unpack them would fail differently (as "not an xlsx").
    const p = centralEntry(file, "xl/sharedStrings.xml");
    file.writeUInt32LE(0xc0000000, p + 24);
    const local = file.readUInt32LE(p + 42);
    file.fill(
      0xff,
      local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28),
      local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28) + file.readUInt32LE(p + 20),
    );
    const res = await upload(file);
    expect(res.status).toBe(413);
    expect(res.issues).toEqual([
      expect.objectContaining({ key: "files:xlsx.errors.unpackedTooLarge", values: { max: XLSX_LIMITS.maxTotalBytes / 1024 / 1024 } }),
    ]);
  });

  it("refuses a zip bomb by its packing ratio, and a part that unpacks to more than it declared", async () => {
    const zip = await JSZip.loadAsync(await download());
    zip.file("xl/media/zeros.bin", Buffer.alloc(20 * 1024 * 1024));
    const bomb = await upload(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    expect(bomb.status).toBe(413);
    expect(bomb.issues[0].key).toBe("files:xlsx.errors.unpackedTooLarge");
    // A lying directory: the plan sheet says it unpacks to 100 bytes.
    const file = await withRows(10);
    file.writeUInt32LE(100, centralEntry(file, await sheetPath(await JSZip.loadAsync(file), PLAN_SHEET)) + 24);
    const lying = await upload(file);
    expect(lying.status).toBe(413);
    expect(lying.issues[0].key).toBe("files:xlsx.errors.unpackedTooLarge");
  });

  it("refuses a cell over the length limit, a filled column beyond the limit (naming the sheet) and too much text", async () => {
    const zip = await JSZip.loadAsync(await download());
    const path = await sheetPath(zip, PLAN_SHEET);
    const xml = await zip.file(path)!.async("string");
    const cell = (ref: string, v: string) => `<row r="${/\d+/.exec(ref)![0]}"><c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c></row>`;
    // Rows 400–419, every kept column (A–T) with 1 000 letters each: more text than the preview may carry.
    const letters = "ABCDEFGHIJKLMNOPQRST".split("");
    const wordy = Array.from(
      { length: 1 + XLSX_LIMITS.maxTextChars / 1000 / letters.length },
      (_, i) =>
        `<row r="${400 + i}">${letters.map((l) => `<c r="${l}${400 + i}" t="inlineStr"><is><t>${"x".repeat(1000)}</t></is></c>`).join("")}</row>`,
    ).join("");
    for (const [row, key, values] of [
      [
        cell("B400", "x".repeat(XLSX_LIMITS.maxCellChars + 1)),
        "cellTooLong",
        { sheet: PLAN_SHEET, cell: "B400", max: XLSX_LIMITS.maxCellChars },
      ],
      [cell("XFD400", "x"), "tooManyColumns", { sheet: PLAN_SHEET, max: XLSX_LIMITS.maxColumns }],
      [wordy, "tooMuchText", { max: XLSX_LIMITS.maxTextChars }],
    ] as const) {
      zip.file(path, xml.replace("</sheetData>", `${row}</sheetData>`));
      const res = await upload(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
      expect(res.status).toBe(413);
      expect(res.issues).toEqual([expect.objectContaining({ key: `files:xlsx.errors.${key}`, values })]);
    }
  });

  it("exports formula-like text with the quote prefix, numbers as numbers, and reads it back unchanged", async () => {
    const action = await t.db
      .selectFrom("program_element")
      .select(["id", "data"])
      .where("program_id", "=", programId)
      .where("kind", "=", "action")
      .orderBy("position")
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("program_element")
      .set({ data: JSON.stringify({ ...JSON.parse(action.data), title: "=1+1", partners: "@SUM(A1)" }) })
      .where("id", "=", action.id)
      .execute();
    const file = await download();
    const zip = await JSZip.loadAsync(file);
    const sheet = await zip.file(await sheetPath(zip, PLAN_SHEET))!.async("string");
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const xfs = [...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    const strings = [...(await zip.file("xl/sharedStrings.xml")!.async("string")).matchAll(/<si>(.*?)<\/si>/g)].map((m) =>
      m[1].replace(/<[^>]+>/g, ""),
    );
    const quoted = (c: string) => xfs[Number(/ s="(\d+)"/.exec(c)?.[1] ?? 0)].includes('quotePrefix="1"');
    const cells = [...sheet.matchAll(/<c [^>]*>.*?<\/c>/g)].map((m) => m[0]);
    const textOf = (c: string) => (c.includes('t="s"') ? strings[Number(/<v>(\d+)<\/v>/.exec(c)![1])] : null);
    const formulaLike = cells.filter((c) => ["=1+1", "@SUM(A1)"].includes(textOf(c) ?? ""));
    expect(formulaLike).toHaveLength(2);
    expect(formulaLike.every(quoted)).toBe(true);
    expect(cells.some((c) => c.includes("<f>"))).toBe(false);
    // Other texts and every number are written as before.
    expect(cells.filter((c) => !formulaLike.includes(c) && quoted(c))).toEqual([]);
    expect(cells.some((c) => !c.includes(" t=") && /<v>\d/.test(c))).toBe(true);
    const res = await upload(file);
    expect(res.issues).toEqual([]);
    expect(res.preview?.changes).toEqual([]);
  });
});

/** Offset of a part's entry in the zip's central directory (found from the end-of-directory record). */
function centralEntry(file: Buffer, name: string): number {
  const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = file.readUInt32LE(eocd + 16);
  for (let n = file.readUInt16LE(eocd + 10); n > 0; n--) {
    const length = file.readUInt16LE(p + 28);
    if (file.toString("utf8", p + 46, p + 46 + length) === name) return p;
    p += 46 + length + file.readUInt16LE(p + 30) + file.readUInt16LE(p + 32);
  }
  throw new Error(`no part ${name}`);
}
