import { expect, test } from "./fixtures";
import { accounts, demoProgramId, expectAccessible, login } from "./support";

test.describe("administration", () => {
  test("an admin adds a municipality and a planner, who then sets their own password", async ({ page, browser }) => {
    test.setTimeout(90_000); // two browsers and several accessibility scans
    const stamp = Date.now();
    const municipality = `Тест-Суу ${stamp}`;
    const email = `planner-${stamp}@test.demo`;
    const temporaryPassword = `temp-pass-${stamp}`;
    const ownPassword = `own-pass-${stamp}`;

    await login(page, accounts.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await expectAccessible(page);

    // Municipality: an empty form first names the missing fields, then a complete one is saved.
    await page.locator('a[href="/admin/municipalities/new"]').first().click();
    await expect(page).toHaveURL(/\/admin\/municipalities\/new$/);
    await page.locator("form#municipality button[type=submit]").click();
    await expect(page.getByRole("alert")).toContainText("Заполните это поле");
    await page.locator("input[name=name_ru]").fill(`${municipality} айылный аймак`);
    await page.locator("input[name=name_ky]").fill(`${municipality} айыл аймагы`);
    await page.locator("select[name=kind]").selectOption("aiyl_aimak");
    // Oblast and raion come from the reference list; the raions are grouped by oblast.
    await page.locator("select[name=oblast]").selectOption({ label: "Чуйская область" });
    await expect(page.locator('select[name=raion] optgroup[label="Чуйская область"] option')).toHaveCount(8);
    await page.locator("select[name=raion]").selectOption({ label: "Сокулукский район" });
    await expectAccessible(page);
    await page.locator("form#municipality button[type=submit]").click();
    await expect(page).toHaveURL(/\/admin\?saved=1$/);
    await expect(page.getByRole("status")).toBeVisible();
    const created = page.getByRole("row", { name: new RegExp(`${municipality} айылный аймак`) });
    await expect(created).toContainText("Сокулукский район");
    await expect(created).toContainText("Чуйская область");

    // Account: a planner without a municipality is refused with a field error, then created.
    await page.locator('a[href="/admin/accounts/new"]').first().click();
    await expect(page).toHaveURL(/\/admin\/accounts\/new$/);
    await page.locator("input[name=email]").fill(email);
    await page.locator("input[name=displayName]").fill("Тест Планировщик");
    await page.locator("select[name=language]").selectOption("ru");
    await page.locator("select[name=role]").selectOption("planner");
    await page.locator("input[name=password]").fill(temporaryPassword);
    await page.locator("form#new-account button[type=submit]").click();
    await expect(page.getByRole("alert")).toContainText("Выберите муниципалитет");
    const option = page.locator("select[name=municipalityId] option", { hasText: municipality });
    const municipalityId = await option.getAttribute("value");
    expect(municipalityId).toMatch(/^\d+$/);
    await page.locator("select[name=municipalityId]").selectOption(municipalityId!);
    await page.locator("input[name=password]").fill(temporaryPassword);
    await expectAccessible(page);
    await page.locator("form#new-account button[type=submit]").click();
    await expect(page).toHaveURL(/\/admin\/accounts\/[^/?]+\?saved=1/);
    await expect(page.getByRole("status")).toBeVisible();
    await expect(page.locator("h1")).toHaveText("Тест Планировщик");
    await expect(page.locator(".summary-list")).toContainText(email);
    await expectAccessible(page);

    // The new planner signs in (in a separate browser), must change the password, then works.
    const context = await browser.newContext();
    const planner = await context.newPage();
    await login(planner, email, temporaryPassword);
    await expect(planner).toHaveURL(/\/account\/password$/);
    await planner.locator("input[name=currentPassword]").fill(temporaryPassword);
    await planner.locator("input[name=newPassword]").fill(ownPassword);
    await planner.locator("input[name=confirmPassword]").fill(ownPassword);
    await planner.locator("form#password button[type=submit]").click();
    await expect(planner.getByRole("status")).toBeVisible();
    await planner.goto("/");
    await expect(planner).toHaveURL(/\/programs$/);
    await expect(planner.getByRole("heading", { level: 2, name: new RegExp(municipality) })).toBeVisible();
    await context.close();

    // Back in the admin list, the planner no longer has to change the password.
    await page.goto("/admin");
    const row = page.getByRole("row", { name: /Тест Планировщик/ });
    await expect(row).toContainText(email);
    await expect(row).not.toContainText("должен сменить пароль");
  });

  test("Kyrgyz pages name the oblast and raion in Kyrgyz", async ({ browser }) => {
    // The language cookie only, in a context of its own: the accounts' stored language stays Russian.
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, accounts.planner);
    const id = await demoProgramId(page);
    await context.addCookies([{ name: "kadam_lng", value: "ky", url: page.url() }]);
    await page.goto(`/programs/${id}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "ky");
    await expect(page.getByTestId("program-place")).toContainText("Кочкор району, Нарын облусу");
    await context.close();
  });

  test("other roles do not see the admin pages", async ({ page }) => {
    await login(page, accounts.coordinator);
    for (const path of ["/admin", "/admin/accounts/new", "/admin/municipalities/new"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });
});

test.describe("the municipality form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a raion of another oblast is refused by the server with the message at the raion, then a raion of the oblast is saved", async ({
    page,
  }) => {
    await login(page, accounts.admin);
    await page.goto("/admin/municipalities/new");
    await page.locator("input[name=name_ru]").fill(`Чужой район ${Date.now()}`);
    await page.locator("input[name=name_ky]").fill("Чужой район");
    await page.locator("select[name=oblast]").selectOption({ label: "Таласская область" });
    await page.locator("select[name=raion]").selectOption({ label: "Кочкорский район" });
    await page.locator("form#municipality button[type=submit]").click();
    await expect(page.locator("select[name=raion]")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator(".field--error")).toContainText("Этот район не входит в выбранную область");
    await expect(page).toHaveURL(/\/admin\/municipalities\/new$/);
    // The form comes back as it was sent; a raion of Talas is then saved.
    await expect(page.locator("select[name=oblast]")).toHaveValue("talas");
    await page.locator("select[name=raion]").selectOption({ label: "Манасский район" });
    await page.locator("form#municipality button[type=submit]").click();
    await expect(page).toHaveURL(/\/admin\?saved=1$/);
  });
});
