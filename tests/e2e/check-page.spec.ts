/**
 * Issue #17.17: the ministry's check page. One form for all verdicts (with "agree with all
 * passed"), a filter to the rules that still need attention (a GET link, no JavaScript needed),
 * and no «Исправить» links for roles that cannot edit the program.
 */
import { expect, test, type Page } from "./fixtures";
import { accounts, demoProgramId, expectAccessible, login } from "./support";

async function submittedProgram(page: Page) {
  await page.goto("/ministry");
  const href = await page
    .getByRole("link", { name: /Сары-Булак/ })
    .first()
    .getAttribute("href");
  return Number(href!.match(/programs\/(\d+)/)![1]);
}

for (const js of [true, false]) {
  test.describe(`JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });
    test("the ministry records all verdicts in one form and filters to failed and unjudged rules", async ({ page }) => {
      await login(page, accounts.ministry);
      const id = await submittedProgram(page);
      await page.goto(`/programs/${id}/check`);
      await expect(page.locator("main form[method=post], main form[method=POST]")).toHaveCount(1);
      await expect(page.getByRole("link", { name: /Исправить/ })).toHaveCount(0);
      const total = await page.locator(".compliance-rule").count();
      expect(total).toBeGreaterThan(20);

      // One failed rule disagreed with a comment, all passed ones agreed at once.
      const failed = page
        .locator(".compliance-rule")
        .filter({ has: page.locator("[data-status=fail]") })
        .first();
      await failed.getByLabel("Не согласен с результатом проверки").check();
      await failed.getByLabel(/Комментарий/).fill("Нужны мероприятия для людей с инвалидностью");
      await page.getByLabel("Согласен со всеми выполненными требованиями").check();
      await page.getByRole("button", { name: "Записать заключения" }).click();
      await expect(page.getByText("Заключение записано.")).toBeVisible();
      await expect(page.getByText("Нужны мероприятия для людей с инвалидностью")).toBeVisible();

      await page.getByRole("link", { name: "Только невыполненные и без заключения" }).click();
      await expect(page).toHaveURL(/show=open/);
      const shown = page.locator(".compliance-rule");
      // Wait for the filtered page itself, not only its address.
      await expect.poll(() => shown.count()).toBeLessThan(total);
      // Every passed rule now has a verdict, so only failed ones are left.
      expect(await shown.locator("[data-status=pass]").count()).toBe(0);
      if (js) await expectAccessible(page);
    });
  });
}

test("an empty verdicts form says what to do", async ({ page }) => {
  await login(page, accounts.ministry);
  const id = await submittedProgram(page);
  await page.goto(`/programs/${id}/check`);
  await page.getByRole("button", { name: "Записать заключения" }).click();
  await expect(page.getByRole("alert")).toContainText("Выберите заключение хотя бы по одному требованию");
});

test("the working group, who can edit, keeps the «Исправить» links", async ({ page }) => {
  await login(page, accounts.planner);
  await page.goto(`/programs/${await demoProgramId(page)}/check`);
  expect(await page.getByRole("link", { name: /Исправить/ }).count()).toBeGreaterThan(0);
});
