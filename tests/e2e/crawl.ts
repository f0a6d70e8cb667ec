/**
 * The pages of one program, found the way a person finds them: from the workspace, following every
 * link that stays inside the program (stage bar, tools, sub-pages, rows). One page per route shape
 * (`/actions/<id>` is visited once, not once per action), so the crawl stays short and still
 * reaches every kind of page, also pages added later: nothing here is a hand-written list.
 */
import type { Page } from "@playwright/test";

/** Route shape of a path: element and version ids become ":id". */
export function pageShape(path: string): string {
  return path
    .split("/")
    .map((seg, i) => (i > 2 && (/^\d+$/.test(seg) || /^(?=.*\d)[a-z0-9]{6,}$/.test(seg)) ? ":id" : seg))
    .join("/");
}

/** Links on the current page, resolved, without hash. */
export async function pageLinks(page: Page): Promise<string[]> {
  return page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href.split("#")[0]));
}

const isDownload = (path: string) => /\/export\/.+/.test(path);

/**
 * Visits every page shape of the program reachable from its workspace; calls `visit` on each page
 * after it loaded (and hydrated). Returns the paths visited.
 */
export async function crawlProgram(page: Page, programId: number, visit: (path: string) => Promise<void>): Promise<string[]> {
  const base = `/programs/${programId}`;
  const queue = [base];
  const seen = new Set([pageShape(base)]);
  const visited: string[] = [];
  while (queue.length) {
    const path = queue.shift()!;
    const res = await page.goto(path);
    if (!res || !res.ok()) throw new Error(`${path} answered ${res?.status()}`);
    visited.push(path);
    await visit(path);
    for (const href of await pageLinks(page)) {
      const url = new URL(href);
      if (url.origin !== new URL(page.url()).origin) continue;
      const p = url.pathname.replace(/\/$/, "");
      if (!(p === base || p.startsWith(`${base}/`)) || isDownload(p)) continue;
      const shape = pageShape(p);
      if (seen.has(shape)) continue;
      seen.add(shape);
      queue.push(p);
    }
  }
  return visited;
}
