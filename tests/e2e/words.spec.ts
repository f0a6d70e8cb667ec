/** Words shown to users: fields named by their labels, error prefixes in the page's language. */
import { expect, test, type Page } from "./fixtures";
import { accounts, createProgram, demoProgramId, expectAccessible, importCopy, login } from "./support";

async function transition(page: Page, email: string, programId: number, formId: string, button: string, comment?: string) {
  await page.context().clearCookies();
  await login(page, email);
  await page.goto(`/programs/${programId}/status`);
  if (comment) await page.locator(`form#${formId} [name=comment]`).fill(comment);
  await page.locator(`form#${formId}`).getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/status\?done=/);
}

test("history and the conflict panel name fields by their labels; field errors have no English prefix", async ({ page }) => {
  await login(page, accounts.planner);
  const id = await createProgram(page, `Слова ${Date.now()}`);
  await page.goto(`/programs/${id}/startup`);
  await page.locator("input[name=orderNumber]").fill("17-р");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page).toHaveURL(/saved=1/);

  await page.goto(`/programs/${id}/history`);
  const fields = page.locator("tbody tr").first().locator("td").nth(3);
  await expect(fields).toContainText("Номер распоряжения");
  await expect(fields).not.toContainText("orderNumber");

  // A second tab saves first: this page's save gets the conflict panel.
  const other = await page.context().newPage();
  await page.goto(`/programs/${id}/startup`);
  await other.goto(`/programs/${id}/startup`);
  await other.locator("input[name=orderNumber]").fill("18-р");
  await other.getByRole("button", { name: "Сохранить" }).click();
  await expect(other).toHaveURL(/saved=1/);
  await page.locator("input[name=orderNumber]").fill("19-р");
  await page.getByRole("button", { name: "Сохранить" }).click();
  const panel = page.locator(".notice--error[role=alert]").filter({ has: page.locator("table") });
  await expect(panel.locator("th[scope=row]")).toHaveText(["Номер распоряжения"]);
  await expect(panel).not.toContainText("startYear");

  // A field error: the hidden prefix is in the page's language.
  await page.goto(`/programs/${id}/startup`);
  await page.locator("input[name=startYear]").fill("1990");
  await page.getByRole("button", { name: "Сохранить" }).click();
  const error = page.locator(".field-error").first();
  await expect(error).toBeVisible();
  await expect(error).toContainText("Ошибка:");
  await expect(page.locator("main")).not.toContainText("Error:");
  await other.close();
});

test("version compare shows a changed lens answer and an action's vulnerable groups by their names, never their codes", async ({
  page,
}) => {
  test.slow();
  await login(page, accounts.planner);
  const programId = await importCopy(page, await demoProgramId(page));
  await transition(page, accounts.coordinator, programId, "transition-submit_to_council", "Передать в кенеш");
  await transition(page, accounts.deputy, programId, "transition-request_changes", "Запросить изменения", "Уточните ответы линзы");

  await page.context().clearCookies();
  await login(page, accounts.planner);
  // Question 1 was answered «Частично» (partly); now «Да».
  await page.goto(`/programs/${programId}/lens/A`);
  await page.locator("[id='lens-answers.q01']").getByLabel("Да", { exact: true }).check();
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page).toHaveURL(/saved=1/);
  // The first action gets one more target group.
  await page.goto(`/programs/${programId}/actions`);
  await page.goto((await page.locator("table.action-plan tbody td a[href*='/actions/']").first().getAttribute("href"))!);
  const groups = page.locator("fieldset").filter({ has: page.locator("legend", { hasText: "Целевые уязвимые группы" }) });
  const label = groups
    .locator("label")
    .filter({ has: page.locator("input[type=checkbox]:not(:checked)") })
    .first();
  // The label's own text (its hint, e.g. «(есть в паспорте)», is a separate element).
  const addedName = (await label.evaluate((l) => l.childNodes[1]?.textContent ?? "")).trim();
  expect(addedName.length).toBeGreaterThan(3);
  await label.locator("input").check();
  await page.locator("form#action button[type=submit]").first().click();
  await expect(page).toHaveURL(/saved=1|\/actions(\?|$)/);
  await transition(page, accounts.coordinator, programId, "transition-resubmit", "Передать снова");

  await page.goto(`/programs/${programId}/versions`);
  await page.locator("#compare-a").selectOption({ index: 2 });
  await page.locator("#compare-b").selectOption({ index: 0 });
  await page.getByRole("button", { name: "Сравнить" }).click();
  const answer = page.getByRole("row", { name: /^Вопрос 1: Ответ/ });
  await expect(answer.locator("td")).toHaveText(["Частично", "Да"]);
  const targetGroups = page.getByRole("row", { name: /^Целевые уязвимые группы/ });
  await expect(targetGroups.locator("td").nth(1)).toContainText(addedName);
  // No stored code anywhere in the compared values: lens ids, group ids, yes/no as true/false.
  const cells = await page.locator("main td").allTextContents();
  expect(cells.filter((c) => /\b(q\d\d|pwd|low_income|elderly|partly|yes|no|true|false)\b/.test(c))).toEqual([]);
  await expectAccessible(page);
});
