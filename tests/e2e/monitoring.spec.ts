import { expect, test, type Page } from "./fixtures";
import { accounts, createProgram, expectAccessible, login } from "./support";

/** Goes to a link's address (no race with hydration when JavaScript is on). */
async function follow(page: Page, name: string | RegExp) {
  const href = await page.getByRole("link", { name }).first().getAttribute("href");
  await page.goto(href!);
}

async function saveNode(page: Page, title: string) {
  await page.locator("input[name=title]").fill(title);
  await page.locator("form#node button[type=submit]").click();
  await expect(page).toHaveURL(/strategy\?saved=1$/);
}

/** Direction → goal → objective through the strategy pages: indicators need an objective. */
async function buildObjective(page: Page, programId: number) {
  await page.goto(`/programs/${programId}/strategy`);
  await page.locator("textarea[name=text]").fill("Каждая семья с чистой водой");
  await page.locator("form#vision button[type=submit]").click();
  await expect(page).toHaveURL(/strategy\?saved=1/);
  await follow(page, "Добавить: Стратегическое направление");
  await saveNode(page, "Базовые услуги");
  await follow(page, /Добавить: Цель/);
  await saveNode(page, "Чистая вода");
  await follow(page, /Добавить: Задача/);
  await saveNode(page, "Водопровод в Тал-Булаке");
}

for (const js of [true, false]) {
  test.describe(`indicators and M&E with JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });

    test("an outcome indicator by sex, a baseline-year error, then a risk", async ({ page }) => {
      test.setTimeout(150_000); // three accessibility scans on a busy machine
      await login(page, accounts.planner);
      const programId = await createProgram(page, `Мониторинг ${js ? "JS" : "без JS"} ${Date.now()}`);
      await page.goto(`/programs/${programId}/startup`);
      const start = Number(await page.locator("input[name=startYear]").inputValue());
      const end = Number(await page.locator("input[name=endYear]").inputValue());
      await buildObjective(page, programId);

      await page.goto(`/programs/${programId}/indicators`);
      await expect(page.getByRole("heading", { level: 2, name: /1\.1\.1 Водопровод в Тал-Булаке/ })).toBeVisible();
      if (js) await expectAccessible(page);
      await follow(page, /Добавить показатель результата/);
      await expect(page).toHaveURL(/indicators\/new\?parent=/);
      const form = page.locator("form#indicator");
      await form.locator("input[name=name]").fill("Доля молодёжи NEET");
      await form.locator("input[name=unit]").fill("%");
      await form.locator("input[name=baselineValue]").fill("24");
      await form.locator("input[name=baselineYear]").fill(String(start + 1));
      await form.locator(`input[name='targets.${end}']`).fill("18");
      await form.locator("input[name=bySex]").check();
      await form.locator("input[name=baselineWomen]").fill("31");
      await form.locator("input[name=baselineMen]").fill("17");
      await form.locator(`input[name='targetsWomen.${end}']`).fill("22");
      // The men's target for the last year is left empty: refused like the total's would be.
      await form.locator("input[name=source]").fill("Опрос домохозяйств");
      await form.locator("select[name=frequency]").selectOption("annual");
      await form.locator("button[type=submit]").click();

      // The error is shown next to the field and in the summary; typed values are kept.
      const yearField = page.locator(".field", { has: page.locator("input[name=baselineYear]") });
      await expect(yearField.locator(".field-error")).toContainText(`с ${start - 10} по ${start}`);
      await expect(page.locator(".error-summary")).toContainText("Год базового значения");
      await expect(form.locator("input[name=name]")).toHaveValue("Доля молодёжи NEET");
      const menTarget = page.locator(".field", { has: page.locator(`input[name='targetsMen.${end}']`) });
      await expect(menTarget.locator(".field-error")).toContainText(`Укажите цель на ${end} год: показатель разделяется по полу`);
      await expect(page.locator(".field", { has: page.locator(`input[name='targetsWomen.${end}']`) }).locator(".field-error")).toHaveCount(
        0,
      );
      if (js) await expectAccessible(page);

      await form.locator(`input[name='targetsMen.${end}']`).fill("14");
      await form.locator("input[name=baselineYear]").fill(String(start - 1));
      await form.locator("button[type=submit]").click();
      await expect(page).toHaveURL(/indicators\?saved=1$/);
      const matrix = page.locator("table", { has: page.locator("caption", { hasText: "Т14" }) });
      await expect(matrix).toContainText("Доля молодёжи NEET");
      await expect(matrix).toContainText("по полу");
      await expect(matrix).toContainText("24 (Ж 31 / М 17)");
      await expect(page.locator(".indicator-group .tag--ok")).toBeVisible();

      await page.goto(`/programs/${programId}/review`);
      const risks = page.locator("form#risks");
      await risks.getByRole("button", { name: "Добавить риск" }).click();
      await expect(risks.locator("textarea[name='rows[0].risk']")).toBeVisible();
      await risks.locator("textarea[name='rows[0].risk']").fill("Донор не выделит средства вовремя");
      await risks.locator("select[name='rows[0].probability']").selectOption("medium");
      await risks.locator("select[name='rows[0].impact']").selectOption("high");
      await risks.locator("textarea[name='rows[0].mitigation']").fill("Искать второй источник");
      await risks.locator("input[name='rows[0].owner']").fill("Глава АО");
      await risks.getByRole("button", { name: "Сохранить риски" }).click();
      await expect(page).toHaveURL(/review\?saved=1$/);
      await expect(page.locator("form#risks textarea[name='rows[0].risk']")).toHaveValue("Донор не выделит средства вовремя");
      if (js) await expectAccessible(page);

      await page.goto(`/programs/${programId}/trace`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Прослеживаемость");
      await expect(page.locator(".trace-tree").first()).toContainText("Доля молодёжи NEET");
      if (js) await expectAccessible(page);
    });
  });
}
