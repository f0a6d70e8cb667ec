/**
 * The pages of one program, found the way a person finds them: from the workspace, following every
 * link that stays inside the program (stage bar, tools, sub-pages, rows). One page per route shape
 * (`/actions/<id>` is visited once, not once per action), so the crawl stays short and still
 * reaches every kind of page, also pages added later: nothing here is a hand-written list.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

/**
 * The program's route patterns, read from the route files' names
 * (`programs.$programId.actions.$actionId.tsx` → programs/$programId/actions/$actionId), so a new
 * page is known without editing this file.
 */
const programRoutes = fs
  .readdirSync(path.resolve(import.meta.dirname, "../../app/routes"))
  .filter((f) => f.startsWith("programs.$programId"))
  .map((f) =>
    f
      .replace(/\.tsx?$/, "")
      .split(".")
      .filter((s) => s !== "_index")
      .map((s) => s.replace(/_$/, "")),
  );

/**
 * Route shape of a path: the route that serves it, a named page winning over a parameter as in
 * Remix (`/indicators/new` is its own page, `/indicators/ind-1-1-1a` is `/indicators/$indicatorId`).
 * The demo's readable ids (`act-a1-1`, `goal-3-1`) look like names, so only the routes can tell.
 * `new` in a parameter's place stays itself: those routes answer it with the empty form of a new
 * element, a page of its own. A path no route file explains falls back to guessing ids by their look.
 */
export function pageShape(path: string): string {
  const segs = path.split("/").slice(1);
  const matches = programRoutes.filter((r) => r.length === segs.length && r.every((s, i) => s.startsWith("$") || s === segs[i]));
  const params = (r: string[]) => r.filter((s) => s.startsWith("$")).length;
  const best = matches.sort((a, b) => params(a) - params(b))[0];
  if (best) return `/${best.map((s, i) => (segs[i] === "new" ? "new" : s)).join("/")}`;
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
