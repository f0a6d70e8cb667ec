import { expect, test } from "./fixtures";
import { accounts, expectAccessible, login } from "./support";

/**
 * The ministry's round: the dashboard lists the submitted Сары-Булак demo program, the oblast
 * filter narrows the list, the compliance report opens, and the program goes back with findings.
 */
test("a ministry user filters the dashboard, opens a report and returns the program with findings", async ({ page }) => {
  test.slow();
  await login(page, accounts.ministry);
  await page.goto("/ministry");
  const row = page.getByRole("row").filter({ hasText: "Сары-Булак" });
  await expect(row.first()).toBeVisible();

  await page.locator("#filter-oblast").selectOption({ label: "Иссык-Кульская область" });
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/oblast=issyk-kul(&|$)/);
  await expect(page.getByRole("row").filter({ hasText: "Сары-Булак" }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Кок-Жайык" })).toHaveCount(0);
  await expectAccessible(page);

  await page
    .getByRole("link", { name: /Сары-Булак айыл аймагынын/ })
    .first()
    .click();
  await page.waitForURL(/\/programs\/\d+/);
  const programUrl = page.url().match(/\/programs\/\d+/)![0];
  await page.goto(`${programUrl}/check`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Проверка соответствия");

  await page.goto(`${programUrl}/status`);
  const form = page.locator("section.transition-form").filter({ hasText: "Вернуть с замечаниями" });
  await form.getByRole("button", { name: "Вернуть с замечаниями" }).click();
  await expect(form.locator(".field-error")).toBeVisible(); // findings are required
  await form.getByLabel("Замечания").fill("Нет индикаторов по полу для задачи 2.1.1; уточните источник финансирования A1.2.");
  await form.getByRole("button", { name: "Вернуть с замечаниями" }).click();
  await expect(page.getByText("возвращена с замечаниями").first()).toBeVisible();
  await expect(page.getByText("Нет индикаторов по полу для задачи 2.1.1").first()).toBeVisible();
});
