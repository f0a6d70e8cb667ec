/**
 * Issue #17.1: every download offered on any page of a program answers 200 with the file's type.
 * The program's pages are crawled as a planner (Кок-Жайык draft) and as the ministry (the
 * submitted Сары-Булак program); every link to a file and every download form is followed.
 */
import { expect, test, type Page } from "./fixtures";
import { crawlProgram } from "./crawl";
import { accounts, demoProgramId, login } from "./support";

const TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json",
};

/** Download addresses offered on the current page: file links and GET forms (one per language). */
async function downloadsOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const a of document.querySelectorAll<HTMLAnchorElement>("a[download], a[href*='/export/']")) out.push(a.href);
    for (const form of document.querySelectorAll<HTMLFormElement>("form[action*='/export/']")) {
      if ((form.getAttribute("method") ?? "get").toLowerCase() !== "get") continue;
      const selects = [...form.querySelectorAll<HTMLSelectElement>("select")];
      const base = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
      const variants = selects.length ? selects.flatMap((s) => [...s.options].map((o) => [s.name, o.value] as const)) : [null];
      for (const v of variants) {
        const params = new URLSearchParams(base);
        if (v) params.set(v[0], v[1]);
        out.push(`${form.action}?${params}`);
      }
    }
    return out;
  });
}

// Server-rendered links and forms are the same with JavaScript off, and the plain downloads must
// work without it; the crawl is also much faster without waiting for hydration on each page.
test.use({ javaScriptEnabled: false });

async function checkAllDownloads(page: Page, programId: number) {
  const checked = new Map<string, string>();
  await crawlProgram(page, programId, async (path) => {
    for (const href of await downloadsOnPage(page)) {
      if (checked.has(href)) continue;
      checked.set(href, path);
      const res = await page.request.get(href);
      const ext = new URL(href).pathname.split("/").pop()!;
      expect.soft(res.status(), `${href} (linked from ${path})`).toBe(200);
      expect.soft(res.headers()["content-type"] ?? "", `${href} (linked from ${path})`).toContain(TYPES[ext] ?? `unknown file kind ${ext}`);
    }
  });
  // The export page, the check page and the workspace all offer files.
  expect([...checked.keys()].some((h) => h.includes("/export/compliance/"))).toBe(true);
  expect(checked.size).toBeGreaterThan(4);
}

test("every download on every page of a program answers 200 with its type, as a planner", async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, accounts.planner);
  await checkAllDownloads(page, await demoProgramId(page));
});

test("every download on every page of a program answers 200 with its type, as the ministry", async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, accounts.ministry);
  await page.goto("/ministry");
  const href = await page
    .getByRole("link", { name: /Сары-Булак/ })
    .first()
    .getAttribute("href");
  await checkAllDownloads(page, Number(href!.match(/programs\/(\d+)/)![1]));
});
