/**
 * Issue #17, "Done means": the axe scan runs on every program page, not only on landings, at 1366 and
 * at 390 px, with JavaScript on (the pages as most people see them, hydrated). The pages are found by
 * crawling the demo program from its workspace, one page per route shape (tests/e2e/crawl.ts): as the
 * planner, who sees the forms, and as a deputy, who sees the same stages as text with comment links.
 * Every serious or critical violation of every page is collected and the test fails once with the
 * whole list (page, rule, element). At 390 px the same crawl checks that no page is wider than the
 * screen (issue #17.16), so the small screen is crawled once, not twice.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { crawlProgram } from "./crawl";
import { accounts, demoProgramId, expectAccessible, login } from "./support";

/** Serious and critical violations on the current page, one line per rule and element. */
async function seriousViolations(page: Page, path: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${path} — ${v.id} (${v.help}): ${n.target.join(" ")}`));
}

/** Crawls the demo program as `email`; returns the pages visited and what was wrong on them. */
async function scanProgram(page: Page, email: string, { checkWidth = false } = {}) {
  await login(page, email);
  const id = await demoProgramId(page);
  const problems: string[] = [];
  const visited = await crawlProgram(page, id, async (path) => {
    problems.push(...(await seriousViolations(page, path)));
    if (!checkWidth) return;
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    if (scroll > inner) problems.push(`${path} — wider than the screen: ${scroll} px`);
  });
  return { visited, problems };
}

// A crawl visits ~50 pages and axe takes a second or more on the large ones on a loaded machine.
const CRAWL_TIMEOUT = 420_000;

test.describe("at 1366 px", () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test("the planner's program pages have no serious or critical accessibility violation", async ({ page }) => {
    test.setTimeout(CRAWL_TIMEOUT);
    const { visited, problems } = await scanProgram(page, accounts.planner);
    expect(visited.length).toBeGreaterThan(30);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  test("the deputy's read-only pages (text and comment links) have no serious or critical violation", async ({ page }) => {
    test.setTimeout(CRAWL_TIMEOUT);
    const { visited, problems } = await scanProgram(page, accounts.deputy);
    expect(visited.length).toBeGreaterThan(30);
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the planner's program pages have no serious or critical violation and none is wider than the screen", async ({ page }) => {
    test.setTimeout(CRAWL_TIMEOUT);
    const { visited, problems } = await scanProgram(page, accounts.planner, { checkWidth: true });
    expect(visited.length).toBeGreaterThan(30);
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

test("an error page inside a program (404) has a title and no serious or critical violation", async ({ page }) => {
  await login(page, accounts.planner);
  const res = await page.goto(`/programs/${await demoProgramId(page)}/actions/no-such-action`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  await expect(page).toHaveTitle(/Kadam/);
  await expectAccessible(page);
});

test.describe("table boxes at 1366 px", () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  /** Each table box of the page: whether it scrolls, its tab stop and its accessible name. */
  const boxes = (page: Page) =>
    page.locator(".table-wrap").evaluateAll((els) =>
      els.map((el) => ({
        scrolls: el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
        tabindex: el.getAttribute("tabindex"),
        named: el.getAttribute("role") === "region" && !!(el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")),
      })),
    );

  test("with JavaScript a box takes keyboard focus exactly when its table does not fit", async ({ page }) => {
    await login(page, accounts.planner);
    await page.goto(`/programs/${await demoProgramId(page)}/financing`);
    // The boxes are measured right after hydration: wait for that render, then look at each box.
    const expected = (b: { scrolls: boolean }) =>
      b.scrolls ? { scrolls: true, tabindex: "0", named: true } : { scrolls: false, tabindex: null, named: false };
    await expect.poll(async () => (await boxes(page)).map((b) => JSON.stringify(b) === JSON.stringify(expected(b)))).not.toContain(false);
    const all = await boxes(page);
    expect(all.some((b) => b.scrolls) && all.some((b) => !b.scrolls)).toBe(true);
    for (const b of all) expect(b).toEqual(expected(b));
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("every box is a named region that takes keyboard focus (the server cannot know which will fit)", async ({ page }) => {
      await login(page, accounts.planner);
      await page.goto(`/programs/${await demoProgramId(page)}/financing`);
      const all = await boxes(page);
      expect(all.length).toBeGreaterThan(2);
      for (const b of all) expect(b).toMatchObject({ tabindex: "0", named: true });
    });
  });
});
