import { expect, test, type Page } from "./fixtures";
import { accounts, createProgram, login } from "./support";

// Issue #17, item 7: the working group is told what happened and what comes next.
async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await login(page, email);
}

async function act(page: Page, programId: number, formId: string, button: string, fill: Record<string, string> = {}) {
  await page.goto(`/programs/${programId}/status`);
  const form = page.locator(`form#${formId}`);
  for (const [name, value] of Object.entries(fill)) await form.locator(`[name=${name}]`).fill(value);
  await form.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/status\?done=/);
}

test("a deputy's request for changes reaches the working group: workspace, inbox, header count; no 'only the working group' banner", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await login(page, accounts.planner);
  const programId = await createProgram(page, `Уведомления ${Date.now()}`);

  // In draft the planner is told who takes the next step (derived from the workflow table).
  const notice = page.locator("section.workflow-notice");
  await expect(notice).toContainText("черновик");
  await expect(notice).toContainText("Следующий шаг делает координатор: «Передать в айылный кенеш»");

  await as(page, accounts.coordinator);
  await act(page, programId, "transition-submit_to_council", "Передать в кенеш");
  // While the council reviews, the working group sees why it cannot edit, not "only the working group may".
  await page.goto(`/programs/${programId}`);
  await expect(page.getByText("изменять её может только рабочая группа")).toHaveCount(0);
  await expect(page.getByRole("note")).toContainText("на рассмотрении кенеша");

  await as(page, accounts.deputy);
  await act(page, programId, "transition-request_changes", "Запросить изменения", { comment: "Добавьте мероприятия по водоснабжению" });

  for (const who of [accounts.coordinator, accounts.planner]) {
    await as(page, who);
    await page.goto(`/programs/${programId}`);
    await expect(notice.locator(".tag")).toHaveText("нужны изменения");
    await expect(notice.locator("figcaption")).toContainText("Депутаты запросили изменения");
    await expect(notice.locator("blockquote")).toHaveText("Добавьте мероприятия по водоснабжению");
    if (who === accounts.coordinator) await expect(notice.getByRole("link", { name: "Снова передать в кенеш" })).toBeVisible();
    else await expect(notice).toContainText("Следующий шаг делает координатор: «Снова передать в кенеш»");
    await expect(page.getByText("изменять её может только рабочая группа")).toHaveCount(0);

    // The header counts what waits, and the inbox lists it with the deputy's words.
    const inboxLink = page.locator(".site-header a[href='/inbox']");
    expect(Number(await inboxLink.locator(".badge").textContent())).toBeGreaterThanOrEqual(1);
    await inboxLink.click();
    const item = page.locator("#inbox-rework + ul li").filter({ has: page.locator(`a[href="/programs/${programId}/status"]`) });
    await expect(item).toContainText("Добавьте мероприятия по водоснабжению");
  }
});
