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
  return (await page
    .locator(`a[href^='/programs/${programId}/actions/']`)
    .filter({ hasNotText: /Добавить/ })
    .first()
    .getAttribute("href"))!;
}

test.describe("error summary after a failed save", () => {
  test("with JavaScript: a lens gap and sources that do not add up bring the summary into view with focus; its link focuses the field", async ({
    page,
  }) => {
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
  // A person's press lasts long enough for the page to render what the blur caused before the
  // button comes up: hold it over two animation frames.
  await box.scrollIntoViewIfNeeded();
  const b = (await box.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.mouse.up();
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

test.describe("read-only roles see text, not forms", () => {
  const controls = "main input:not([type=hidden]), main select, main textarea";

  test("a deputy sees the action, a lens block and a passport page as text, with no controls", async ({ page }) => {
    await login(page, accounts.deputy);
    const demo = await demoProgramId(page);
    const action = await firstActionHref(page, demo);
    await page.goto(action);
    const title = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(/^[\d.]+\s*/, "");
    await expect(page.locator(controls)).toHaveCount(0);
    await expect(page.locator("dl.field--readonly", { has: page.locator("dt", { hasText: /^Мероприятие$/ }) }).locator("dd")).toHaveText(
      title,
    );
    await expect(page.locator(".money-split table").first()).toBeVisible();

    await page.goto(`/programs/${demo}/lens/A`);
    await expect(page.locator(controls)).toHaveCount(0);
    await expect(page.locator("dl.field--readonly").filter({ hasText: "Ответ" }).first()).toBeVisible();

    await page.goto(`/programs/${demo}/passport/general`);
    await expect(page.locator(controls)).toHaveCount(0);
    await expect(page.locator("main table").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Сохранить" })).toHaveCount(0);
  });

  test("stage 12 says how the program is approved and links to the status page", async ({ page }) => {
    await login(page, accounts.deputy);
    const demo = await demoProgramId(page);
    await page.goto(`/programs/${demo}/review`);
    await expect(page.getByText("появится позже")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Утверждение программы" })).toBeVisible();
    await page.getByRole("link", { name: /Статус программы, порядок утверждения/ }).click();
    await expect(page).toHaveURL(new RegExp(`/programs/${demo}/status$`));
  });
});
