import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildProgramWorkbook, readUploadSheets, workbookBuffer } from "~/export/xlsx.server";
import { actionsList } from "~/domain/actions";
import { loadProgramData } from "~/services/program-data.server";
import { applyUpload, planUpload, staleVersions } from "~/services/xlsx-import.server";
import { useTestDatabase, userIdByEmail } from "../support/test-db";

/** Column number of a column id (hidden row 2 of the downloaded layout). */
function col(ws: ExcelJS.Worksheet, id: string): number {
  let found = 0;
  ws.getRow(2).eachCell((c, n) => {
    if (c.value === id || (typeof c.value === "string" && c.value.startsWith("#") && id === "_id")) found = n;
  });
  if (!found) throw new Error(`no column ${id}`);
  return found;
}
function rowWithId(ws: ExcelJS.Worksheet, id: string): number {
  const c = col(ws, "_id");
  for (let n = 3; n <= ws.rowCount; n++) if (ws.getRow(n).getCell(c).value === id) return n;
  throw new Error(`no row ${id}`);
}

describe("XLSX download and upload", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  let userId: string;
  beforeEach(async () => {
    t = useTestDatabase();
    programId = (await t.db.selectFrom("program").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
    userId = await userIdByEmail(t, "planner@kok-jaiyk.demo");
  });
  afterEach(async () => {
    await t.close();
  });

  async function download() {
    const data = await loadProgramData(t.db, programId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBuffer(buildProgramWorkbook(data, "ru"))) as unknown as ArrayBuffer);
    return wb;
  }
  const revisions = async () =>
    Number(
      (
        await t.db
          .selectFrom("program_revision")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("downloads one sheet per table with numbers as numbers", async () => {
    const wb = await download();
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([
      "Т1 Общая характеристика",
      "Т2 Население",
      "Т3 Уязвимые группы",
      "Т4 Экономика и занятость",
      "Т5 Доступ к услугам",
      "Т6 Местный бюджет",
      "План мероприятий",
      "Матрица МиО",
      "Финансирование",
    ]);
    const plan = wb.getWorksheet("План мероприятий")!;
    expect(plan.getRow(1).getCell(col(plan, "title")).value).toBe("Мероприятие");
    expect(plan.getRow(1).font?.bold).toBe(true);
    expect(plan.getRow(2).hidden).toBe(true);
    const total = plan.getRow(rowWithId(plan, "_total")).getCell(col(plan, "totalCost"));
    expect(total.value).toBe(95610);
    expect(total.numFmt).toBe("#,##0.0");
    const financing = wb.getWorksheet("Финансирование")!;
    const last = financing.getRow(financing.rowCount);
    expect(typeof last.getCell(financing.getRow(2).cellCount).value).toBe("number");
  });

  it("refuses an upload with a bad cell, naming sheet, row and column; nothing is saved", async () => {
    const wb = await download();
    const plan = wb.getWorksheet("План мероприятий")!;
    plan.getRow(3).getCell(col(plan, "source.local")).value = "много";
    const before = await revisions();
    const result = await planUpload(programId, await readUploadSheets(await workbookBuffer(wb)), "ru");
    expect(result.issues).toContainEqual(
      expect.objectContaining({ sheet: "План мероприятий", row: 3, column: "Местный бюджет", key: "files:xlsx.errors.notNumber" }),
    );
    expect(result.changes).toEqual([]);
    await expect(applyUpload(programId, userId, result)).rejects.toThrow();
    expect(await revisions()).toBe(before);
  });

  it("an unchanged download has no changes", async () => {
    const wb = await download();
    const result = await planUpload(programId, await readUploadSheets(await workbookBuffer(wb)), "ru");
    expect(result.issues).toEqual([]);
    expect(result.changes).toEqual([]);
  });

  it("previews and saves changed, added and removed actions in one go", async () => {
    const wb = await download();
    const plan = wb.getWorksheet("План мероприятий")!;
    const data = await loadProgramData(t.db, programId);
    const [first, second] = actionsList(data).filter((a) => plan.getColumn(col(plan, "_id")).values.includes(a.id));
    // Changed title of the first action, the second removed, a new row added.
    plan.getRow(rowWithId(plan, first.id)).getCell(col(plan, "title")).value = "Новое название";
    plan.spliceRows(rowWithId(plan, second.id), 1);
    const objective = plan.getRow(3).getCell(col(plan, "objective")).value;
    const added = plan.getRow(plan.rowCount + 1);
    const start = data.program.startYear;
    Object.entries({
      objective,
      title: "Скважина",
      type: "Проект",
      responsible: "Айыл өкмөтү",
      start,
      end: start,
      totalCost: 100,
      "source.local": 100,
      [`year.${start}`]: 100,
    }).forEach(([id, v]) => {
      added.getCell(col(plan, id)).value = v as ExcelJS.CellValue;
    });
    const sheets = await readUploadSheets(await workbookBuffer(wb));
    const preview = await planUpload(programId, sheets, "ru");
    expect(preview.issues).toEqual([]);
    expect(preview.changes.map((c) => c.change).sort()).toEqual(["added", "changed", "removed"]);
    expect(preview.changes.find((c) => c.change === "changed")?.columns).toEqual(["Мероприятие"]);
    // Confirm: checked again against the current data, then saved in one transaction.
    const again = await planUpload(programId, sheets, "ru");
    expect(staleVersions(again, preview.versions)).toEqual([]);
    await applyUpload(programId, userId, again);
    const after = actionsList(await loadProgramData(t.db, programId));
    expect(after.find((a) => a.id === first.id)?.data.title).toBe("Новое название");
    expect(after.some((a) => a.id === second.id)).toBe(false);
    expect(after.some((a) => a.data.title === "Скважина" && a.data.funding.local === 100)).toBe(true);
    // The same file again is now stale for the changed action.
    expect(staleVersions(await planUpload(programId, sheets, "ru"), preview.versions).length).toBeGreaterThan(0);
  });

  it("round-trips and updates a passport table", async () => {
    const wb = await download();
    const budget = wb.getWorksheet("Т6 Местный бюджет")!;
    const data = await loadProgramData(t.db, programId);
    const y = String(data.program.startYear);
    const row = budget.getRow(3);
    row.getCell(col(budget, y)).value = 1234.5;
    const result = await planUpload(programId, await readUploadSheets(await workbookBuffer(wb)), "ru");
    expect(result.issues).toEqual([]);
    expect(result.changes).toHaveLength(1);
    await applyUpload(programId, userId, result);
    const saved = (await loadProgramData(t.db, programId)).byKind.passport_budget[0].data as {
      rows: Record<string, Record<string, number>>;
    };
    expect(saved.rows[String(row.getCell(col(budget, "_id")).value)][y]).toBe(1234.5);
  });
});
