import { expect, test, type Page } from "./fixtures";
import { accounts, createProgram, expectAccessible, login } from "./support";

/** Digits with any grouping space (ru-RU uses a no-break space). */
const num = (s: string) => new RegExp(s.replace(/ /g, "[\\s\\u00a0\\u202f]"));

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

async function buildChain(page: Page, programId: number) {
  await page.goto(`/programs/${programId}/strategy`);
  await page.locator("textarea[name=text]").fill("Каждая семья с чистой водой");
  await page.locator("form#vision button[type=submit]").click();
  await expect(page).toHaveURL(/strategy\?saved=1/);
  await follow(page, "Добавить: Стратегическое направление");
  await saveNode(page, "Базовые услуги");
  await expect(page.getByRole("link", { name: "Базовые услуги" })).toBeVisible();
  await follow(page, /Добавить: Цель/);
  await saveNode(page, "Чистая вода");
  await follow(page, /Добавить: Задача/);
  await saveNode(page, "Водопровод в Тал-Булаке");
  await expect(page.locator(".strategy-tree")).toContainText("1.1.1");
  await expect(page.locator(".strategy-tree")).toContainText("Задача");
}

/** Follows the objective's "add an action" link (by its address: no race with hydration). */
async function openNewAction(page: Page) {
  await follow(page, /Добавить мероприятие/);
  await expect(page).toHaveURL(/actions\/new\?objective=/);
}

async function fillAction(page: Page, { local, start, end }: { local: string; start: number; end: number }) {
  await page.locator("input[name=title]").fill("Водопровод 9,5 км");
  await page.locator("input[name=responsible]").fill("Заместитель главы АО");
  await page.locator("input[name=startYear]").fill(String(start));
  await page.locator("input[name=endYear]").fill(String(end));
  await page.locator("input[name=totalCost]").fill("3500");
  await page.locator("input[name='funding.local']").fill(local);
  await page.locator("input[name='funding.republican']").fill("3000");
  await page.locator(`input[name='byYear.${start}']`).fill("2000");
  await page.locator(`input[name='byYear.${start + 1}']`).fill("1500");
}

for (const js of [true, false]) {
  test.describe(`planning with JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });

    test("direction → goal → objective → action, with money checks and the financing plan", async ({ page }) => {
      test.setTimeout(120_000);
      // axe needs JavaScript in the page; the JS-on run covers accessibility.
      const a11y = js ? () => expectAccessible(page) : async () => {};
      await login(page, accounts.planner);
      const programId = await createProgram(page, `План ${js ? "js" : "nojs"} ${Date.now()}`);
      await buildChain(page, programId);
      await a11y();

      await openNewAction(page);
      await expect(page).toHaveURL(/actions\/new\?objective=/);
      const first = Number(await page.locator("input[name=startYear]").inputValue());
      const last = Number(await page.locator("input[name=endYear]").inputValue());
      expect(last).toBeGreaterThan(first);

      // Sources that do not add up: the error names the difference.
      await fillAction(page, { local: "200", start: first, end: first + 1 });
      await page.locator("form#action button[type=submit]").click();
      await expect(page.locator(".error-summary")).toContainText(num("Источники в сумме дают 3 200, а стоимость 3 500: разница 300"));
      await expect(page.locator("input[name=title]")).toHaveValue("Водопровод 9,5 км");
      await a11y();

      // Years outside the program period.
      await page.locator("input[name='funding.local']").fill("500");
      await page.locator("input[name=startYear]").fill(String(first - 1));
      await page.locator("form#action button[type=submit]").click();
      await expect(page.locator(".error-summary")).toContainText(`Год должен быть в пределах периода программы (${first}–${last})`);

      // Fixed: saved, and the plan shows it.
      await page.locator("input[name=startYear]").fill(String(first));
      await page.locator("form#action button[type=submit]").click();
      await expect(page).toHaveURL(new RegExp(`/programs/${programId}/actions\\?saved=1$`));
      await expect(page.locator("table.action-plan")).toContainText("1.1.1.1");
      await expect(page.locator("table.action-plan tfoot")).toContainText(num("3 500"));

      await page.goto(`/programs/${programId}/financing`);
      const t13 = page.locator("table#t13");
      await expect(t13.locator("tbody tr", { hasText: "Местный бюджет" })).toContainText(num("500"));
      await expect(t13.locator("tfoot")).toContainText(num("3 500"));
      await expect(t13.locator("thead")).toContainText(String(first));
      await a11y();

      // Change the split by year: the financing plan follows.
      await page.goto(`/programs/${programId}/actions`);
      await page.goto((await page.locator("table.action-plan a", { hasText: "Водопровод 9,5 км" }).getAttribute("href"))!);
      await page.locator(`input[name='byYear.${first}']`).fill("3500");
      await page.locator(`input[name='byYear.${first + 1}']`).fill("");
      await page.locator("form#action button[type=submit]").click();
      await expect(page).toHaveURL(/actions\?saved=1/);
      await page.goto(`/programs/${programId}/financing`);
      const headers = await t13.locator("thead th").allInnerTexts();
      const col = headers.indexOf(String(first));
      await expect(t13.locator("tfoot td").nth(col - 1)).toHaveText(num("3 500"));
    });
  });
}

// Plain forms and links only (and no hydration race in the shared createProgram helper).
test.describe("deleting without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("deleting a goal lists its objective and actions first", async ({ page }) => {
    test.setTimeout(120_000);
    await login(page, accounts.planner);
    const programId = await createProgram(page, `Удаление ${Date.now()}`);
    await buildChain(page, programId);
    await openNewAction(page);
    const first = Number(await page.locator("input[name=startYear]").inputValue());
    await fillAction(page, { local: "500", start: first, end: first + 1 });
    await page.locator("form#action button[type=submit]").click();
    await expect(page).toHaveURL(/actions\?saved=1/);
    await page.goto(`/programs/${programId}/strategy`);
    await page.goto((await page.getByRole("link", { name: "Удалить 1.1", exact: true }).getAttribute("href"))!);
    await expect(page.locator("main")).toContainText("Водопровод в Тал-Булаке");
    await expect(page.locator("main")).toContainText("Водопровод 9,5 км");
    await page.getByRole("button", { name: "Да, удалить всё это" }).click();
    await expect(page).toHaveURL(/strategy\?deleted=3/);
    await expect(page.locator(".strategy-tree")).not.toContainText("Чистая вода");
  });
});
