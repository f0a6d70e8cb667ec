import { expect, test, type Page } from "./fixtures";
import mammoth from "mammoth";
import { accounts, createProgram, demoProgramId, expectAccessible, importCopy, login } from "./support";

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

test("council review: submit, comment on an action, reply and accept, request changes, edit, resubmit, approve, read the versions", async ({
  page,
}) => {
  test.setTimeout(180_000); // seven sign-ins, an import and three accessibility scans
  await login(page, accounts.planner);
  const programId = await importCopy(page, await demoProgramId(page));
  await page.goto(`/programs/${programId}/actions`);
  const firstAction = page.locator("table.action-plan tbody td a[href*='/actions/']").first();
  const actionPath = (await firstAction.getAttribute("href"))!;
  const oldTitle = (await firstAction.textContent())!.trim();
  const newTitle = `${oldTitle} (кенештин сунушу менен)`;

  await as(page, accounts.coordinator);
  await act(page, programId, "transition-submit_to_council", "Передать в кенеш");
  await expect(page.locator(".lead .tag")).toHaveText("на рассмотрении кенеша");
  await expectAccessible(page);

  // The deputy comments on the action (anchored to the action's id) from the action's page.
  await as(page, accounts.deputy);
  await page.goto(actionPath);
  await page.getByRole("link", { name: /Комментарии \(0\)/ }).click();
  await expect(page).toHaveURL(new RegExp(`element=${actionPath.split("/").pop()}`));
  await page.getByLabel("Ваш комментарий").fill("Уточните название мероприятия");
  await page.getByRole("button", { name: "Добавить комментарий" }).click();
  await expect(page.locator(".comment__body")).toHaveText("Уточните название мероприятия");
  const threadUrl = page.url();
  // Deputies see no decision form.
  await expect(page.locator(".comment-status-form")).toHaveCount(0);
  await expectAccessible(page);

  // The planner replies and accepts it.
  await as(page, accounts.planner);
  await page.goto(threadUrl);
  await page.getByText("Ответить").click();
  await page.getByLabel("Ваш ответ").fill("Исправим название");
  await page.getByRole("button", { name: "Отправить ответ" }).click();
  await expect(page.locator(".comment-replies .comment__body")).toHaveText("Исправим название");
  await page.locator(".comment-status-form select").selectOption("accepted");
  await page.locator(".comment-status-form textarea").fill("Название уточнено");
  await page.getByRole("button", { name: "Сохранить решение" }).click();
  await expect(page.locator(".comment-thread .tag")).toHaveText("принят");
  await expect(page.locator(".comment__decision")).toContainText("Название уточнено");

  // The deputy requests changes and sees how the comment was handled.
  await as(page, accounts.deputy);
  await act(page, programId, "transition-request_changes", "Запросить изменения", { comment: "Уточните название мероприятия" });
  await page.goto(`/programs/${programId}/comments`);
  await expect(page.getByRole("cell", { name: "принят" })).toBeVisible();

  // The planner edits the action (editing is open again).
  await as(page, accounts.planner);
  await page.goto(actionPath);
  await page.locator("form#action input[name=title]").fill(newTitle);
  await page.locator("form#action button[type=submit]").first().click();
  await expect(page).toHaveURL(/saved=1|\/actions(\?|$)/);

  await as(page, accounts.coordinator);
  await act(page, programId, "transition-resubmit", "Передать снова");

  // The deputy finds the program in the inbox and records the approval.
  await as(page, accounts.deputy);
  await page.goto("/inbox");
  await expect(page.locator(`a[href="/programs/${programId}/status"]`)).toBeVisible();
  await act(page, programId, "transition-approve", "Записать утверждение", {
    resolutionNumber: "14/2",
    resolutionDate: new Date().toISOString().slice(0, 10),
    chairName: "Т. Осмонов",
  });
  await expect(page.locator(".lead .tag")).toHaveText("утверждена кенешем");
  const approval = page.getByRole("region", { name: "Утверждение кенешем" });
  await expect(approval).toContainText("14/2");
  await expect(approval).toContainText("Т. Осмонов");

  // The DOCX title page carries the resolution and the chair, and no draft mark.
  await page.goto(`/programs/${programId}/export`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /DOCX/ }).first().click()]);
  const text = (await mammoth.extractRawText({ path: (await download.path())! })).value;
  const tocAt = text.search(/Мазмуну|Содержание/);
  expect(tocAt).toBeGreaterThan(0);
  const titlePage = text.slice(0, tocAt);
  expect(titlePage).toContain("14/2");
  expect(titlePage).toContain("Т. Осмонов");
  expect(text).not.toContain("ДОЛБООР");
  expect(text).toContain(newTitle);

  // Four versions. Version 1 reads on the program's own pages, page by page, as it was.
  await page.goto(`/programs/${programId}/versions`);
  await expect(page.locator("tbody tr")).toHaveCount(4);
  await page.getByRole("link", { name: "Версия 1", exact: true }).click();
  await expect(page.locator(".version-banner")).toContainText("Версия 1");
  // The workspace's stage links keep the version.
  await page.locator(`main a[href^="/programs/${programId}/actions?version="]`).first().click();
  await expect(page).toHaveURL(/\/actions\?version=\d+/);
  await expect(page.locator("table.action-plan")).toContainText(oldTitle);
  await expect(page.locator("table.action-plan")).not.toContainText(newTitle);
  await expect(page.locator("main form[method=post]")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Открыть эту страницу в текущей программе" }).click();
  await expect(page.locator("table.action-plan")).toContainText(newTitle);

  // Comparing the first and the third version shows the action's old and new title side by side.
  await page.goto(`/programs/${programId}/versions`);
  await page.locator("#compare-a").selectOption({ index: 3 });
  await page.locator("#compare-b").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Сравнить" }).click();
  // Fields are named by their form labels, never by stored names (title, start_year…).
  const row = page.getByRole("row", { name: /^Мероприятие/ }).filter({ hasText: newTitle });
  await expect(row).toContainText(oldTitle);
  const heads = await page.locator("main th[scope=row]").allTextContents();
  expect(heads.filter((h) => /^[a-z]+([A-Z_.[]|$)/.test(h))).toEqual([]);
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
