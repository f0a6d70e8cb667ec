/** Words shown to users: fields named by their labels, error prefixes in the page's language. */
import { expect, test } from "./fixtures";
import { accounts, createProgram, login } from "./support";

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
