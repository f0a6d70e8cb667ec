/**
 * The Playwright `test` every spec uses: after each page.goto it waits until React has hydrated
 * the page (when JavaScript is on), so a test never types into a form React is about to take over,
 * nor before the local-draft keeper that comes after hydration is listening.
 */
import { expect, test as base, type Page } from "@playwright/test";

export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url: string, options?: Parameters<Page["goto"]>[1]) => {
      const response = await goto(url, options);
      if (javaScriptEnabled && response && response.ok() && (response.headers()["content-type"] ?? "").includes("text/html")) {
        // Hydrated, and the form tools loaded after hydration (local drafts, leave warning) are in place.
        await page
          .waitForFunction(
            () => document.documentElement.dataset.hydrated === "1" && document.documentElement.dataset.formDrafts !== "loading",
            undefined,
            { timeout: 15_000 },
          )
          .catch(() => {});
      }
      return response;
    };
    await use(page);
  },
});

export { expect, type Page };
