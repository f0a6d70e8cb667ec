import fs from "node:fs";
import { expect, test, type Page } from "./fixtures";
import { accounts, demoProgramId, expectAccessible, login } from "./support";

async function downloadProgram(page: Page) {
  const id = await demoProgramId(page);
  await page.goto(`/programs/${id}/export`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /DOCX/ }).first().click()]);
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
