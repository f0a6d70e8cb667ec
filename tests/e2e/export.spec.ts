import fs from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { expect, test, type Page } from "./fixtures";
import { accounts, demoProgramId, expectAccessible, login } from "./support";

async function downloadProgram(page: Page) {
  const id = await demoProgramId(page);
  await page.goto(`/programs/${id}/export`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /DOCX/ }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  expect(download.suggestedFilename()).toContain("2025-2029");
  const file = await download.path();
  expect(fs.readFileSync(file!).subarray(0, 2).toString()).toBe("PK");
}

test("a planner downloads the demo program as DOCX", async ({ page }) => {
  await login(page, accounts.planner);
  const id = await demoProgramId(page);
  await page.goto(`/programs/${id}/export`);
  await expectAccessible(page);
  await downloadProgram(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the export links are plain downloads", async ({ page }) => {
    await login(page, accounts.planner);
    await downloadProgram(page);
  });
});

test("a deputy (read-only) may export too; the action plan and annual plan download", async ({ page }) => {
  await login(page, accounts.deputy);
  const id = await demoProgramId(page);
  for (const path of ["action-plan/docx", "annual-plan/docx"]) {
    const res = await page.request.get(`/programs/${id}/export/${path}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toMatch(/attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''/);
    expect((await res.body()).subarray(0, 2).toString()).toBe("PK");
  }
});

test("each download is offered in the language the user picks, the program's first", async ({ page }) => {
  await login(page, accounts.planner);
  const id = await demoProgramId(page);
  await page.goto(`/programs/${id}/export`);
  // The demo program is written in Kyrgyz: every file defaults to it.
  for (const select of await page.getByLabel(/Язык файла/).all()) await expect(select).toHaveValue("ky");
  await page.getByLabel(/Язык файла: Программа целиком/).selectOption("ru");
  const [docx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Программа целиком/ }).click()]);
  const xml = await (await JSZip.loadAsync(fs.readFileSync((await docx.path())!))).file("word/document.xml")!.async("string");
  expect(xml).toContain("СОДЕРЖАНИЕ");
  expect(xml.toLowerCase()).not.toContain("мазмуну");

  await page.getByLabel(/Язык файла: Скачать таблицы/).selectOption("en");
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Скачать таблицы/ }).click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await xlsx.path())!);
  const names = book.worksheets.map((w) => w.name).join(" | ");
  expect(names).toMatch(/[A-Za-z]{4}/);
  expect(names).not.toMatch(/[А-Яа-яӨөҮүҢң]/);
});

test("a file that takes a moment shows that it is being prepared, then downloads", async ({ page }) => {
  await login(page, accounts.planner);
  const id = await demoProgramId(page);
  await page.goto(`/programs/${id}/export`);
  // Hold the server's answer until the notice is on screen: the state is awaited, not a time.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route("**/export/action-plan/docx**", async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: /План мероприятий/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Документ готовится" })).toBeVisible();
  release();
  expect((await downloading).suggestedFilename()).toMatch(/action-plan.*\.docx$/);
  await expect(page.getByText("Документ готовится")).toHaveCount(0);
});
