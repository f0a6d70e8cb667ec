import { expect, test, type Page } from "./fixtures";
import { accounts, createProgram, expectAccessible, login } from "./support";

const PROBLEM = "Нет пандусов в айыл окмоту";
const OPEN_GAP = "Свяжите этот пробел с проблемой или мероприятием или объясните, почему нет";

async function addProblem(page: Page, programId: number) {
  await page.goto(`/programs/${programId}/situation/problems`);
  await page.getByRole("button", { name: "Добавить проблему" }).click();
  await expect(page.locator("input[name='rows[0].title']")).toBeVisible();
  await page.locator("input[name='rows[0].title']").fill(PROBLEM);
  await page.locator("select[name='rows[0].sectorId']").selectOption({ index: 1 });
  await page.locator("input[name='rows[0].priorityScore']").fill("10");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page).toHaveURL(/saved=1/);
}

/** A "Нет" is refused as an open gap, then saved once it is linked to a problem. */
async function answerLensGap(page: Page, programId: number, js: boolean) {
  await page.goto(`/programs/${programId}/lens`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Инклюзивная линза");
  await page.getByRole("link", { name: /^C\./ }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${programId}/lens/C$`));
  const q8 = page.locator("[id='lens-answers.q08']");
  await q8.getByLabel("Нет", { exact: true }).check();
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(q8.locator(".field-error")).toContainText(OPEN_GAP);
  await expect(page.locator(".error-summary")).toContainText("Вопрос 8");
  await expect(page).not.toHaveURL(/saved=1/);
  if (js) await expectAccessible(page); // axe needs JavaScript in the page
  await expect(q8.getByLabel("Нет", { exact: true })).toBeChecked();
  await q8.getByLabel(PROBLEM).check();
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page).toHaveURL(/saved=1/);
  await expect(q8.getByLabel("Нет", { exact: true })).toBeChecked();
  await expect(q8.getByLabel(PROBLEM)).toBeChecked();
  await page.goto(`/programs/${programId}/lens`);
  const rowC = page.getByRole("row", { name: /^C\./ });
  await expect(rowC.locator("td")).toHaveText(["4", "1", "1", "1", "0", "0"]);
  await expect(page.getByText("Открытых пробелов нет.")).toBeVisible();
  if (js) await expectAccessible(page); // axe needs JavaScript in the page
}

async function fillGenderGap(page: Page, programId: number, js: boolean) {
  await page.goto(`/programs/${programId}/gender`);
  await expect(page.getByText("В паспорте пока нет цифр, поэтому профиль пуст.")).toBeVisible();
  await expect(page.getByText("Мероприятий пока нет.", { exact: false }).first()).toBeVisible();
  await page
    .getByRole("navigation", { name: "Части гендерного анализа" })
    .getByRole("link", { name: "Таблица гендерных разрывов" })
    .click();
  await page.getByRole("button", { name: "Добавить разрыв" }).click();
  await expect(page.locator("input[name='gaps[0].indicator']")).toBeVisible();
  await page.locator("select[name='gaps[0].domain']").selectOption("economy");
  await page.locator("input[name='gaps[0].indicator']").fill("Молодёжь вне учёбы и работы");
  await page.locator("input[name='gaps[0].women']").fill("31");
  await page.locator("input[name='gaps[0].men']").fill("17");
  await page.locator("input[name='gaps[0].unit']").fill("%");
  await page.locator("select[name='gaps[0].needType']").selectOption("strategic");
  if (js) await expectAccessible(page); // axe needs JavaScript in the page
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${programId}/gender\\?saved=1`));
  const chart = page.locator("figure.gender-chart svg");
  await expect(chart).toBeVisible();
  await expect(chart.locator("title")).toHaveText("Основные гендерные разрывы: женщины и мужчины");
  await expect(chart).toContainText("Молодёжь вне учёбы и работы (%)");
  await expect(chart).toContainText("Женщины");
  const row = page.locator("#gaps-chart-table").getByRole("row", { name: /Молодёжь вне учёбы/ });
  await expect(row.locator("td").nth(4)).toHaveText("14");
  if (js) await expectAccessible(page); // axe needs JavaScript in the page
}

test.describe("inclusive lens and gender analysis", () => {
  test.setTimeout(120_000);
  test("a lens gap is refused as open, then saved once linked to a problem", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await createProgram(page, "Линза (JS)");
    await addProblem(page, id);
    await answerLensGap(page, id, true);
  });

  test("a gender gap saved in the table shows in the chart", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await createProgram(page, "Гендер (JS)");
    await fillGenderGap(page, id, true);
  });

  test("a deputy sees the lens without a save button and cannot post", async ({ page }) => {
    await login(page, accounts.deputy);
    await page.goto("/programs");
    const link = page
      .locator("a[href^='/programs/']")
      .filter({ hasText: /Кок-Жайык/ })
      .first();
    const href = await link.getAttribute("href");
    const id = Number(href!.match(/programs\/(\d+)/)![1]);
    await page.goto(`/programs/${id}/lens/A`);
    await expect(page.getByRole("button", { name: "Сохранить" })).toHaveCount(0);
    const res = await page.request.post(`/programs/${id}/lens/A`, { form: { version: "0" } });
    expect(res.status()).toBe(403);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test.setTimeout(150_000);
  test("the same flow works with plain form posts", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await createProgram(page, "Линза и гендер (без JS)");
    await addProblem(page, id);
    await answerLensGap(page, id, false);
    await fillGenderGap(page, id, false);
  });
});
