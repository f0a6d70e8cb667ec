import { expect, test, type Page } from "./fixtures";
import { accounts, demoProgramId, importCopy, login } from "./support";

/** Issue #17, items 3 and 5: comment counts on every page and row markers; the approval record's rules. */

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await login(page, email);
}

const today = () => new Date().toISOString().slice(0, 10);

test("a comment is counted on the element's page and marks its row in the action plan", async ({ page }) => {
  test.slow();
  await login(page, accounts.planner);
  const programId = await importCopy(page, await demoProgramId(page));
  await page.goto(`/programs/${programId}/actions`);
  const firstAction = page.locator("table.action-plan tbody td a[href*='/actions/']").first();
  const actionPath = (await firstAction.getAttribute("href"))!;
  const actionId = actionPath.split("/").pop()!;
  await expect(page.locator(`table.action-plan .comment-marker`)).toHaveCount(0);

  await page.goto(actionPath);
  await page.getByRole("link", { name: "Комментарии (0)" }).click();
  await page.getByLabel("Ваш комментарий").fill("Уточните источник финансирования");
  await page.getByRole("button", { name: "Добавить комментарий" }).click();
  await expect(page.locator(".comment__body")).toHaveText("Уточните источник финансирования");

  await page.goto(actionPath);
  await expect(page.getByRole("link", { name: "Комментарии (1, открытых: 1)" })).toBeVisible();
  await page.goto(`/programs/${programId}/actions`);
  const marker = page.locator(`table.action-plan a.comment-marker[href*="element=${actionId}"]`);
  await expect(marker).toBeVisible();
  await expect(marker).toContainText("1 открытый комментарий");
});

test("the council's approval: no future date, the deputy records the council's decision, the coordinator corrects and withdraws it with a reason", async ({
  page,
}) => {
  test.slow();
  await login(page, accounts.planner);
  const programId = await importCopy(page, await demoProgramId(page));
  await as(page, accounts.coordinator);
  await page.goto(`/programs/${programId}/status`);
  await page.locator("form#transition-submit_to_council").getByRole("button", { name: "Передать в кенеш" }).click();
  await expect(page).toHaveURL(/done=submit_to_council/);

  await as(page, accounts.deputy);
  await page.goto(`/programs/${programId}/status`);
  const approve = page.locator("section.transition-form").filter({ has: page.locator("form#transition-approve") });
  await expect(approve).toContainText("не своё собственное");
  const form = page.locator("form#transition-approve");
  await form.locator("[name=resolutionNumber]").fill("14/2");
  await form.locator("[name=resolutionDate]").fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
  await form.locator("[name=chairName]").fill("Т. Осмонов");
  await form.getByRole("button", { name: "Записать утверждение" }).click();
  await expect(page.locator("form#transition-approve").getByText("Дата решения не может быть в будущем.").first()).toBeVisible();
  await page.locator("form#transition-approve [name=resolutionDate]").fill(today());
  await page.locator("form#transition-approve").getByRole("button", { name: "Записать утверждение" }).click();
  await expect(page).toHaveURL(/done=approve/);
  await expect(page.locator("#approval-title")).toBeVisible();

  await as(page, accounts.coordinator);
  await page.goto(`/programs/${programId}/status`);
  const correct = page.locator("form#transition-correct_approval");
  await expect(correct.locator("[name=resolutionNumber]")).toHaveValue("14/2");
  await correct.locator("[name=resolutionNumber]").fill("14/3");
  await correct.getByLabel("Причина исправления").fill("Опечатка в номере решения");
  await correct.getByRole("button", { name: "Исправить запись" }).click();
  await expect(page).toHaveURL(/done=correct_approval/);
  await expect(page.locator("section[aria-labelledby=approval-title]")).toContainText("14/3");
  const history = page.locator("section[aria-labelledby=approval-history-title]");
  await expect(history).toContainText("№ 14/2");
  await expect(history).toContainText("Причина: Опечатка в номере решения");

  await page.locator("form#transition-withdraw_approval").getByLabel("Причина отзыва").fill("Решение записано ошибочно");
  await page.locator("form#transition-withdraw_approval").getByRole("button", { name: "Отозвать запись" }).click();
  await expect(page).toHaveURL(/done=withdraw_approval/);
  await expect(page.locator(".lead .tag")).toHaveText("на рассмотрении кенеша");
  await expect(page.locator("#approval-title")).toHaveCount(0);
  await expect(history).toContainText("Причина: Решение записано ошибочно");
});

test("comments on an indicator and on an objective mark their rows in the M&E matrix, the indicator list and the strategy tree", async ({
  page,
}) => {
  test.slow();
  await login(page, accounts.planner);
  const programId = await importCopy(page, await demoProgramId(page));
  const post = async (elementPath: string, text: string) => {
    await page.goto(elementPath);
    await page.getByRole("link", { name: "Комментарии (0)" }).click();
    await page.getByLabel("Ваш комментарий").fill(text);
    await page.getByRole("button", { name: "Добавить комментарий" }).click();
    await expect(page.locator(".comment__body")).toHaveText(text);
  };

  await page.goto(`/programs/${programId}/indicators`);
  const indicatorPath = (await page.locator(".indicator-list a[href*='/indicators/']").first().getAttribute("href"))!;
  const indicatorId = indicatorPath.split("/").pop()!;
  await expect(page.locator(".comment-marker")).toHaveCount(0);
  await post(indicatorPath, "Откуда базовое значение?");
  await page.goto(`/programs/${programId}/indicators`);
  const matrixMarker = page
    .getByRole("region", { name: /Матрица мониторинга/ })
    .locator(`a.comment-marker[href*="element=${indicatorId}"]`);
  await expect(matrixMarker).toBeVisible();
  await expect(matrixMarker).toContainText("1 открытый комментарий");
  await expect(page.locator(`.indicator-list a.comment-marker[href*="element=${indicatorId}"]`)).toBeVisible();
  // Only the commented row is marked.
  await expect(page.getByRole("region", { name: /Матрица мониторинга/ }).locator("a.comment-marker")).toHaveCount(1);

  await page.goto(`/programs/${programId}/strategy`);
  const nodePath = (await page.locator("ol.strategy-tree strong + a[href*='/strategy/']").first().getAttribute("href"))!;
  const nodeId = nodePath.split("/").pop()!;
  await expect(page.locator("ol.strategy-tree .comment-marker")).toHaveCount(0);
  await post(nodePath, "Сформулируйте цель измеримо");
  await page.goto(`/programs/${programId}/strategy`);
  await expect(page.locator(`ol.strategy-tree a.comment-marker[href*="element=${nodeId}"]`)).toContainText("1 открытый комментарий");
  await expect(page.locator("ol.strategy-tree .comment-marker")).toHaveCount(1);
});
