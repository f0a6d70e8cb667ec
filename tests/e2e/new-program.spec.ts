import { expect, test, type Page } from "./fixtures";
import { accounts, login } from "./support";

const KY_TITLE = /социалдык-экономикалык өнүктүрүү программасы$/;
const RU_TITLE = /^Программа социально-экономического развития: /;

/** Opens the new-program form by its link's address (no race with hydration). */
async function openForm(page: Page) {
  await page.goto("/programs");
  await page.goto((await page.getByRole("link", { name: "Создать программу" }).first().getAttribute("href"))!);
  await expect(page.locator("form#new-program")).toBeVisible();
}

const title = (page: Page) => page.locator("form#new-program input[name=title]");
const language = (page: Page) => page.locator("form#new-program select[name=language]");

test.describe("the title offered for a new program is in the document's language", () => {
  test("with JavaScript: the offered title follows the language until the person edits it", async ({ page }) => {
    await login(page, accounts.planner);
    await openForm(page);
    // The interface is Russian, the document language defaults to Kyrgyz: so does the title.
    await expect(language(page)).toHaveValue("ky");
    await expect(title(page)).toHaveValue(KY_TITLE);
    await language(page).selectOption("ru");
    await expect(title(page)).toHaveValue(RU_TITLE);
    await language(page).selectOption("ky");
    await expect(title(page)).toHaveValue(KY_TITLE);
    // A typed title is the person's own: changing the language leaves it alone, and it is stored.
    const own = `Менин программам ${Date.now()}`;
    await title(page).fill(own);
    await language(page).selectOption("ru");
    await expect(title(page)).toHaveValue(own);
    await page.locator("form#new-program button[type=submit]").click();
    await expect(page).toHaveURL(/\/programs\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(own);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("an offered title left as it was is stored in the language chosen", async ({ page }) => {
      await login(page, accounts.planner);
      await openForm(page);
      await expect(title(page)).toHaveValue(KY_TITLE);
      // Nothing can rewrite the field without JavaScript: the server must not store the Kyrgyz title for a Russian document.
      await language(page).selectOption("ru");
      await page.locator("form#new-program button[type=submit]").click();
      await expect(page).toHaveURL(/\/programs\/\d+$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(RU_TITLE);
    });
  });
});
