/**
 * Issue #18 (error boundaries): a program page that fails keeps the program's frame and says what
 * happened in the user's language; an address outside any program keeps the site's header.
 */
import { expect, test } from "./fixtures";
import { accounts, demoProgramId, login } from "./support";

test("a missing action answers 404 inside the program's frame, with the way back", async ({ page }) => {
  await login(page, accounts.planner);
  const id = await demoProgramId(page);
  const response = await page.goto(`/programs/${id}/actions/no-such-action`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  // The frame: breadcrumbs to the program, the stage navigation, and the way back to the workspace.
  await expect(page.locator(".breadcrumbs").getByRole("link")).toHaveCount(2);
  await expect(page.getByRole("navigation", { name: "Этапы программы" })).toBeVisible();
  await page.locator(".error-page").getByRole("link", { name: "К обзору программы" }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${id}$`));
});

test("a program that does not exist answers 404 with the site's header", async ({ page }) => {
  await login(page, accounts.planner);
  const response = await page.goto("/programs/999999/actions");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  await expect(page.getByRole("banner").getByRole("link", { name: "Ждёт меня" })).toBeVisible();
});
