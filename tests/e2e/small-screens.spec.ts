/**
 * Issue #17.16: wide tables and small screens. At 390 px the stage bar folds into a menu (that no
 * program page is wider than the screen is checked by the 390-px crawl of accessibility.spec.ts,
 * which visits every page anyway). At 1366 px every wide table (the action plan, the M&E matrix,
 * the passport's population table) keeps its header row and first column in view while it
 * scrolls, and its scroll box can be reached and scrolled with the keyboard.
 */
import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";
import { accounts, demoProgramId, expectAccessible, login } from "./support";

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the stage bar is a closed menu that opens on demand", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await demoProgramId(page);
    await page.goto(`/programs/${id}/actions`);
    const menu = page.locator("details.stage-menu");
    await expect(menu).toBeVisible();
    await expect(menu).not.toHaveAttribute("open", /.*/);
    await expect(menu.locator("summary")).toContainText("Этап 9 из 12");
    // The wide bar is not shown, and the menu's links are folded away.
    await expect(page.getByRole("navigation", { name: "Этапы программы" })).toHaveCount(0);
    const strategy = menu.getByRole("link", { name: /Стратегия/ });
    await expect(strategy).toBeHidden();
    // Folded, the twelve stages take one line: the bar took ~300 of 844 px before the title.
    const menuHeight = await menu.evaluate((m) => m.getBoundingClientRect().height);
    expect(menuHeight).toBeLessThan(60);
    await menu.locator("summary").click();
    await expect(strategy).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("the action plan at 1366 px", () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test("header row and first column stay in view while the table scrolls; the box takes keyboard focus", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await demoProgramId(page);
    await page.goto(`/programs/${id}/actions`);
    const box = page.getByRole("region", { name: /План мероприятий/ });
    await expect(box).toHaveAttribute("tabindex", "0");
    const table = box.locator("table");
    const firstHeader = table.locator("thead th").first();
    const firstCell = table.locator("tbody tr:not(.action-plan__group) td").first();
    expect(await firstHeader.evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
    expect(await firstCell.evaluate((el) => getComputedStyle(el).position)).toBe("sticky");

    // Scroll the box to the far right with the keyboard: the first cell is still inside the box.
    await box.focus();
    await expect(box).toBeFocused();
    await page.keyboard.press("End");
    await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(200);
    const boxRect = (await box.boundingBox())!;
    const cellRect = (await firstCell.boundingBox())!;
    expect(cellRect.x).toBeGreaterThanOrEqual(boxRect.x - 1);
    expect(cellRect.x + cellRect.width).toBeLessThanOrEqual(boxRect.x + boxRect.width);
    // Scrolled down inside the box, the header row stays at its top.
    await box.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => box.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    const headRect = (await firstHeader.boundingBox())!;
    expect(Math.abs(headRect.y - (await box.boundingBox())!.y)).toBeLessThan(4);
    await expectAccessible(page);
  });

  test("a compact view shows fewer columns, the details stay on the action page", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await demoProgramId(page);
    await page.goto(`/programs/${id}/actions`);
    const full = await page.locator("table.action-plan thead th").count();
    await page.getByRole("link", { name: "Компактный вид" }).click();
    await expect(page).toHaveURL(/view=compact/);
    // The address changes as the navigation starts; wait for the compact table itself.
    await expect.poll(() => page.locator("table.action-plan thead th").count()).toBeLessThanOrEqual(6);
    expect(full).toBeGreaterThan(6);
    await page.locator("table.action-plan tbody td a").first().click();
    await expect(page).toHaveURL(/\/actions\/[a-z0-9]+/);
  });
});

/** Scrolls the box to its right end: the row's first cell stays inside the box, and is sticky. */
async function expectFirstColumnStays(box: Locator, firstCell: Locator) {
  expect(await firstCell.evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
  expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(200);
  await box.focus();
  await expect(box).toBeFocused();
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(200);
  const boxRect = (await box.boundingBox())!;
  const cellRect = (await firstCell.boundingBox())!;
  expect(cellRect.x).toBeGreaterThanOrEqual(boxRect.x - 1);
  expect(cellRect.x + cellRect.width).toBeLessThanOrEqual(boxRect.x + boxRect.width);
}

test.describe("other wide tables at 1366 px", () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test("the M&E matrix keeps its number and indicator columns in view; the population table its village column", async ({ page }) => {
    await login(page, accounts.planner);
    const id = await demoProgramId(page);
    await page.goto(`/programs/${id}/indicators`);
    const matrix = page.getByRole("region", { name: /Матрица мониторинга/ });
    await expect(matrix).toHaveAttribute("tabindex", "0");
    const row = matrix.locator("tbody tr").first();
    await expectFirstColumnStays(matrix, row.locator("td").nth(1));
    await expectFirstColumnStays(matrix, row.locator("td").first());
    await expectAccessible(page);

    await page.goto(`/programs/${id}/passport/population`);
    const population = page.getByRole("region", { name: /Население по сёлам/ });
    await expect(population).toHaveAttribute("tabindex", "0");
    await expectFirstColumnStays(population, population.locator("tbody tr").first().locator("th, td").first());
    await expectAccessible(page);
  });
});
