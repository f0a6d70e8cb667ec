import { expect, test, type Page } from "./fixtures";
import { accounts, createProgram, demoProgramId, expectAccessible, login } from "./support";

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

async function addMember(page: Page, i: number, m: { name: string; sex: "f" | "m"; age?: string; pwd?: boolean }) {
  await page.getByRole("button", { name: "Добавить участника" }).click();
  await expect(field(page, `members[${i}].fullName`)).toBeVisible();
  await field(page, `members[${i}].fullName`).fill(m.name);
  await field(page, `members[${i}].sex`).selectOption(m.sex);
  if (m.age) await field(page, `members[${i}].age`).fill(m.age);
  if (m.pwd) await field(page, `members[${i}].pwd`).check();
}

async function fillVillage(page: Page) {
  await page.getByRole("button", { name: "Добавить село" }).click();
  await expect(field(page, "villages[0].name")).toBeVisible();
  await field(page, "villages[0].name").fill("Тал-Булак");
  await field(page, "villages[0].byAge.0-2.m").fill("77");
  await field(page, "villages[0].byAge.0-2.f").fill("73");
  await field(page, "villages[0].byAge.16-29.f").fill("222");
  await field(page, "villages[0].households").fill("479");
}

test.describe("working group", () => {
  test("a planner adds two members and sees the composition check", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await createProgram(page, `РГ e2e ${Date.now()}`);
    await page.goto(`/programs/${id}/working-group`);
    await expect(page.locator("h1")).toContainText("рабочая группа");
    await addMember(page, 0, { name: "Айгүл Турдубаева", sex: "f", age: "24" });
    await addMember(page, 1, { name: "Бакыт Асанов", sex: "m", pwd: true });
    await field(page, "members[0].groups").first().check();
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(page).toHaveURL(/saved=1/);
    await expect(page.getByRole("status")).toHaveText("Сохранено");
    await expect(field(page, "members[1].fullName")).toHaveValue("Бакыт Асанов");
    const check = page.locator("section[aria-labelledby=composition-title]");
    await expect(check).toContainText("Участников: 2");
    await expect(check.getByRole("row", { name: /Женщины/ })).toContainText("50");
    await expect(check.getByRole("row", { name: /^Люди с инвалидностью/ })).toContainText("в норме");
    await expectAccessible(page);
  });

  test("a text in the age field keeps the typed values and explains in Russian", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await createProgram(page, `РГ ошибка ${Date.now()}`);
    await page.goto(`/programs/${id}/working-group`);
    await addMember(page, 0, { name: "Нурлан Жумабеков", sex: "m", age: "много" });
    // Validated on submit (not on blur), so the first click on «Сохранить» is not lost.
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(page.locator(".field-error").first()).toContainText("Введите целое число");
    await expect(page.locator(".error-summary")).toContainText("Возраст: Введите целое число");
    await expect(field(page, "members[0].fullName")).toHaveValue("Нурлан Жумабеков");
    await expect(field(page, "members[0].age")).toHaveValue("много");
  });

  test("a deputy sees the demo working group read-only and cannot post", async ({ page }) => {
    await login(page, accounts.deputy);
    const id = await demoProgramId(page);
    await page.goto(`/programs/${id}/working-group`);
    // Read-only: the names as text, no inputs.
    await expect(
      page
        .locator("dl.field--readonly dd")
        .filter({ hasText: /Асанов/ })
        .first(),
    ).toBeVisible();
    await expect(page.locator("main input:not([type=hidden]), main select, main textarea")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Сохранить" })).toHaveCount(0);
    const response = await page.request.post(`/programs/${id}/working-group`, {
      form: { version: "1", "members[0].fullName": "Взлом", "members[0].sex": "m" },
    });
    expect(response.status()).toBe(403);
  });
});

test.describe("passport", () => {
  test("a planner fills one village and sees the computed totals", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await createProgram(page, `Паспорт e2e ${Date.now()}`);
    await page.goto(`/programs/${id}/passport/population`);
    await fillVillage(page);
    // With JavaScript the totals follow the typing.
    await expect(page.getByTestId("village-total")).toHaveText("372");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(page).toHaveURL(/saved=1/);
    const totals = page.locator("#population-totals");
    await expect(totals.locator("tbody tr").first()).toContainText("Тал-Булак");
    await expect(totals.locator("tfoot")).toContainText("372");
    await expect(totals.locator("tfoot")).toContainText("77");
    await page.goto(`/programs/${id}/passport`);
    await expect(page.locator("#main")).toContainText("1 из 6 таблиц заполнено");
    await expectAccessible(page);
  });

  test("a negative count and a text in a number field keep the typed values", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await createProgram(page, `Паспорт ошибка ${Date.now()}`);
    await page.goto(`/programs/${id}/passport/population`);
    await fillVillage(page);
    await field(page, "villages[0].households").fill("-5");
    await field(page, "villages[0].byAge.3-6.m").fill("много");
    await field(page, "villages[0].byAge.3-6.m").blur();
    await page.getByRole("button", { name: "Сохранить" }).click();
    const summary = page.locator(".error-summary");
    await expect(summary).toContainText("Домохозяйства: Число не может быть отрицательным");
    await expect(summary).toContainText("Введите целое число");
    await expect(field(page, "villages[0].name")).toHaveValue("Тал-Булак");
    await expect(field(page, "villages[0].households")).toHaveValue("-5");
    await expect(field(page, "villages[0].byAge.3-6.m")).toHaveValue("много");
  });

  test("the demo passport pages show the §7.1 figures", async ({ page }) => {
    // Axe on four long forms takes a while on a shared machine.
    test.setTimeout(240_000);
    await login(page, accounts.planner);
    const id = await demoProgramId(page);
    await page.goto(`/programs/${id}/passport`);
    await expect(page.locator("body")).toContainText("6 из 6 таблиц заполнено");
    await page.goto(`/programs/${id}/passport/population`);
    await expect(page.locator("#population-totals tfoot")).toContainText("14 860");
    await page.goto(`/programs/${id}/passport/budget`);
    await expect(page.locator("#budget-totals tfoot")).toContainText("21 900");
    for (const table of ["general", "vulnerable", "economy", "services"]) {
      const response = await page.goto(`/programs/${id}/passport/${table}`);
      expect(response!.status()).toBe(200);
      await expectAccessible(page);
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the working group saves with list buttons posting to the server", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await createProgram(page, `РГ без JS ${Date.now()}`);
    await page.goto(`/programs/${id}/working-group`);
    await addMember(page, 0, { name: "Жылдыз Осмонова", sex: "f" });
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(page).toHaveURL(/saved=1/);
    await expect(field(page, "members[0].fullName")).toHaveValue("Жылдыз Осмонова");
    await expect(page.locator("section[aria-labelledby=composition-title]")).toContainText("Участников: 1");
  });

  test("the population table saves and totals are computed on the server", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await createProgram(page, `Паспорт без JS ${Date.now()}`);
    await page.goto(`/programs/${id}/passport/population`);
    await fillVillage(page);
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(page).toHaveURL(/saved=1/);
    await expect(page.locator("#population-totals tfoot")).toContainText("372");
    await expect(page.getByTestId("village-total")).toHaveText("372");
  });
});
