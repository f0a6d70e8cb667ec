import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "./fixtures";
import { accounts, demoProgramId, expectAccessible, importCopy, login } from "./support";
import { exportHref } from "../../app/domain/export-urls";

/** Number of actions and the total cost as the action plan page shows them. */
async function actionPlan(page: Page, id: number) {
  await page.goto(`/programs/${id}/actions`);
  const rows = await page.locator("table.action-plan tbody td a[href*='/actions/']").count();
  const total = (await page.locator("table.action-plan tfoot td.num").first().textContent())?.trim();
  return { rows, total };
}

test("a program file downloaded from the workspace imports as a new program with the same action plan", async ({ page }) => {
  await login(page, accounts.planner);
  const demoId = await demoProgramId(page);
  const before = await actionPlan(page, demoId);
  expect(before.rows).toBeGreaterThan(3);
  const copyId = await importCopy(page, demoId);
  expect(copyId).not.toBe(demoId);
  expect(await actionPlan(page, copyId)).toEqual(before);
  await page.goto(`/programs/${copyId}/import/xlsx`);
  await expectAccessible(page);
});

test.describe("spreadsheet upload without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("an action plan with a bad cell is refused, then fixed, previewed and saved", async ({ page }, info) => {
    test.setTimeout(120_000);
    await login(page, accounts.planner);
    const id = await importCopy(page, await demoProgramId(page));
    // The workbook in Russian at its one address (the export page's download forms use the same), with the session's cookies.
    await page.goto(`/programs/${id}/export`);
    const response = await page.request.get(exportHref(id, "xlsx", { lang: "ru" }));
    expect(response.headers()["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await response.body()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("План мероприятий")!;
    const colOf = (colId: string) => {
      let n = 0;
      ws.getRow(2).eachCell((c, i) => {
        if (c.value === colId) n = i;
      });
      return n;
    };
    const local = ws.getRow(3).getCell(colOf("source.local"));
    const original = local.value;
    local.value = "много";
    const save = async (name: string) => {
      const file = path.join(info.outputDir, name);
      fs.mkdirSync(info.outputDir, { recursive: true });
      await wb.xlsx.writeFile(file);
      return file;
    };
    await page.getByRole("link", { name: /Загрузить исправленные таблицы/ }).click();
    await page.locator("input[name=file]").setInputFiles(await save("bad.xlsx"));
    await page.getByRole("button", { name: "Проверить файл" }).click();
    await expect(page.getByRole("alert")).toContainText("План мероприятий, строка 3, «Местный бюджет»: введите число");

    local.value = original;
    ws.getRow(3).getCell(colOf("title")).value = "Скважина для Тал-Булака";
    await page.locator("input[name=file]").setInputFiles(await save("good.xlsx"));
    await page.getByRole("button", { name: "Проверить файл" }).click();
    await expect(page.getByRole("heading", { name: "Проверьте изменения" })).toBeVisible();
    await expect(page.getByTestId("xlsx-changes")).toContainText("Изменится");
    await expect(page.getByTestId("xlsx-changes")).toContainText("Скважина для Тал-Булака");
    // Nothing saved before the confirmation.
    await page.goto(`/programs/${id}/actions`);
    await expect(page.getByRole("link", { name: "Скважина для Тал-Булака" })).toHaveCount(0);
    await page.goto(`/programs/${id}/import/xlsx`);
    await page.locator("input[name=file]").setInputFiles(await save("good.xlsx"));
    await page.getByRole("button", { name: "Проверить файл" }).click();
    await page.getByRole("button", { name: "Сохранить изменения" }).click();
    await expect(page.getByRole("status")).toContainText("сохранены");
    await page.goto(`/programs/${id}/actions`);
    await expect(page.getByRole("link", { name: "Скважина для Тал-Булака" })).toBeVisible();
  });
});
