/**
 * How stage forms behave around errors and unsaved typing (issue #17, items 2, 8, 9): a failed
 * save puts the error summary in view with focus, with and without JavaScript; a click right
 * after typing a wrong value is not lost; leaving a changed form asks first; typing survives a
 * reload as a local draft.
 */
import { expect, test, type Page } from "./fixtures";
import { accounts, createProgram, demoProgramId, login } from "./support";

const lensQ8 = (page: Page) => page.locator("[id='lens-answers.q08']");

/** An open lens gap ("Нет" with no link and no justification) is refused by a rule over several fields. */
async function failLensSave(page: Page, programId: number) {
  await page.goto(`/programs/${programId}/lens/C`);
  await lensQ8(page).getByLabel("Нет", { exact: true }).check();
  await page.getByRole("button", { name: "Сохранить" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("Вопрос 8");
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await summary.getByRole("link", { name: /Вопрос 8/ }).click();
  return summary;
}

/** The first action of the seeded program (read-only tests and failed saves change nothing). */
async function firstActionHref(page: Page, programId: number) {
  await page.goto(`/programs/${programId}/actions`);
  return (await page.locator(`a[href^='/programs/${programId}/actions/']`).filter({ hasNotText: /Добавить/ }).first().getAttribute("href"))!;
}

test.describe("error summary after a failed save", () => {
  test("with JavaScript: a lens gap and sources that do not add up bring the summary into view with focus; its link focuses the field", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await createProgram(page, "Формы: сводка ошибок");
    await failLensSave(page, id);
    await expect(lensQ8(page).getByLabel("Да", { exact: true })).toBeFocused();

    const demo = await demoProgramId(page);
    await page.goto(await firstActionHref(page, demo));
    await page.locator("input[name=totalCost]").fill("987654321");
    await page.getByRole("button", { name: "Сохранить" }).click();
    const summary = page.locator(".error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    await summary.getByRole("link", { name: /Источники финансирования/ }).click();
    await expect(page.locator("input[name^='funding.']").first()).toBeFocused();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the summary the server sends is focused and in view; its link moves focus to the question", async ({ page }) => {
      await login(page, accounts.planner);
      const id = await createProgram(page, "Формы: без JS");
      await failLensSave(page, id);
      await expect(lensQ8(page)).toBeFocused();
    });
  });
});

test("a click right after typing a wrong value is not swallowed by a message appearing on blur", async ({ page }) => {
  await login(page, accounts.planner);
  const demo = await demoProgramId(page);
  await page.goto(await firstActionHref(page, demo));
  await page.locator("input[name=totalCost]").fill("много");
  const box = page.locator("input[name='tags.climate']");
  const before = await box.isChecked();
  await box.click();
  await expect(box).toBeChecked({ checked: !before });
  // Nothing was submitted, so nothing is marked yet.
  await expect(page.locator(".field-error")).toHaveCount(0);
});

test.describe("unsaved changes", () => {
  test("leaving a changed form asks first; after saving it does not", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await createProgram(page, "Формы: уход со страницы");
    await page.goto(`/programs/${id}/lens/C`);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await lensQ8(page).getByLabel("Да", { exact: true }).check();
    await page.getByRole("link", { name: /Следующий этап/ }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain("несохранённые изменения");
    await expect(page).toHaveURL(new RegExp(`/programs/${id}/lens/C$`));

    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(page).toHaveURL(/saved=1/);
    await page.getByRole("link", { name: /Следующий этап/ }).click();
    await expect(page).not.toHaveURL(/lens\/C/);
    expect(dialogs).toHaveLength(1);
  });

  test("typing survives a reload as a local draft, restored with a notice, and can be discarded", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await createProgram(page, "Формы: черновик");
    await page.goto(`/programs/${id}/lens/C`);
    page.on("dialog", (dialog) => void dialog.accept());
    const evidence = lensQ8(page).locator("textarea[name$='.evidence']");
    await evidence.fill("Заметки с встречи в айыл окмоту");
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("kadam:draft:")).length)).toBe(1);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === "1");
    await expect(page.locator(".draft-notice")).toContainText("Восстановлены несохранённые изменения");
    await expect(evidence).toHaveValue("Заметки с встречи в айыл окмоту");
    await page.getByRole("button", { name: "Отменить несохранённые изменения" }).click();
    await expect(evidence).toHaveValue("");
    await expect(page.locator(".draft-notice")).toHaveCount(0);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === "1");
    await expect(page.locator(".draft-notice")).toHaveCount(0);
  });
});
