import { expect, test, type Page } from "./fixtures";
import { accounts, createProgram, expectAccessible, login } from "./support";

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await login(page, email);
}

async function act(page: Page, programId: number, formId: string, button: string | RegExp, fill: Record<string, string> = {}) {
  await page.goto(`/programs/${programId}/status`);
  const form = page.locator(`form#${formId}`);
  for (const [name, value] of Object.entries(fill)) await form.locator(`[name=${name}]`).fill(value);
  await form.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/status\?done=/);
}

test("council review: submit, comment, reply and accept, request changes, edit, resubmit, approve", async ({ page }) => {
  test.setTimeout(150_000); // six sign-ins and three accessibility scans
  await login(page, accounts.planner);
  const programId = await createProgram(page, `Кароо ${Date.now()}`);

  await as(page, accounts.coordinator);
  await act(page, programId, "transition-submit_to_council", "Передать в кенеш");
  await expect(page.locator(".lead .tag")).toHaveText("на рассмотрении кенеша");
  await expectAccessible(page);

  // The deputy comments on the start-up stage (anchored to the stage id).
  await as(page, accounts.deputy);
  await page.goto(`/programs/${programId}/comments?element=stage:startup`);
  await page.getByLabel("Ваш комментарий").fill("Укажите номер распоряжения");
  await page.getByRole("button", { name: "Добавить комментарий" }).click();
  await expect(page.locator(".comment__body")).toHaveText("Укажите номер распоряжения");
  // Deputies see no decision form.
  await expect(page.locator(".comment-status-form")).toHaveCount(0);
  await expectAccessible(page);

  // The planner replies and accepts it.
  await as(page, accounts.planner);
  await page.goto(`/programs/${programId}/comments?element=stage:startup`);
  await page.getByText("Ответить").click();
  await page.getByLabel("Ваш ответ").fill("Добавим номер");
  await page.getByRole("button", { name: "Отправить ответ" }).click();
  await expect(page.locator(".comment-replies .comment__body")).toHaveText("Добавим номер");
  await page.locator(".comment-status-form select").selectOption("accepted");
  await page.locator(".comment-status-form textarea").fill("Номер добавлен");
  await page.getByRole("button", { name: "Сохранить решение" }).click();
  await expect(page.locator(".comment-thread .tag")).toHaveText("принят");
  await expect(page.locator(".comment__decision")).toContainText("Номер добавлен");

  // The deputy requests changes, sees how the comment was handled.
  await as(page, accounts.deputy);
  await act(page, programId, "transition-request_changes", "Запросить изменения", { comment: "Добавьте номер распоряжения" });
  await page.goto(`/programs/${programId}/comments`);
  await expect(page.getByRole("cell", { name: "принят" })).toBeVisible();

  // The planner edits the program (editing is open again).
  await as(page, accounts.planner);
  await page.goto(`/programs/${programId}/startup`);
  await page.locator("input[name=orderNumber]").fill("12-р");
  await page.locator("input[name=orderDate]").fill("2026-01-15");
  await page.locator("form#startup button[type=submit]").click();
  await expect(page).toHaveURL(/saved=1/);

  await as(page, accounts.coordinator);
  await act(page, programId, "transition-resubmit", "Передать снова");

  // Inbox of the deputy lists the program.
  await as(page, accounts.deputy);
  await page.goto("/inbox");
  await expect(page.locator(`a[href="/programs/${programId}/status"]`)).toBeVisible();
  await act(page, programId, "transition-approve", "Записать утверждение", { resolutionNumber: "14/2", resolutionDate: "2026-03-10", chairName: "Т. Осмонов" });
  await expect(page.locator(".lead .tag")).toHaveText("утверждена кенешем");
  const approval = page.getByRole("region", { name: "Утверждение кенешем" });
  await expect(approval).toContainText("14/2");
  await expect(approval).toContainText("2026-03-10");
  await expect(approval).toContainText("Т. Осмонов");

  // Four versions; comparing the first and the third shows the edited order number side by side.
  await page.goto(`/programs/${programId}/versions`);
  await expect(page.locator("tbody tr")).toHaveCount(4);
  await page.locator("#compare-a").selectOption({ index: 3 });
  await page.locator("#compare-b").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Сравнить" }).click();
  await expect(page.getByRole("row", { name: /orderNumber/ })).toContainText("12-р");
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("comments, with a field error for an empty comment", async ({ page }) => {
    await login(page, accounts.planner);
    const programId = await createProgram(page, `Без JS ${Date.now()}`);
    await page.goto(`/programs/${programId}/comments?element=stage:startup`);
    await page.getByRole("button", { name: "Добавить комментарий" }).click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expect(page.locator(".field-error")).toContainText("Заполните");
    await page.getByLabel("Ваш комментарий").fill("Комментарий без скриптов");
    await page.getByRole("button", { name: "Добавить комментарий" }).click();
    await expect(page).toHaveURL(/element=stage(%3A|:)startup/);
    await expect(page.locator(".comment__body")).toHaveText("Комментарий без скриптов");
    // The coordinator submits to the council without JavaScript as well.
    await as(page, accounts.coordinator);
    await act(page, programId, "transition-submit_to_council", "Передать в кенеш");
    await expect(page.locator(".lead .tag")).toHaveText("на рассмотрении кенеша");
  });
});
