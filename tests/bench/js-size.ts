/**
 * First-load JavaScript of every page, from the production build (`npx remix build` first):
 * `node --import tsx tests/bench/js-size.ts` (also run by `npm run bench`).
 *
 * For each route that renders a page (its module has a default export; resource routes such as
 * /healthz or the DOCX downloads are skipped) it adds up what the browser fetches on a first visit:
 * the client entry and its imports, and the chunk of every route from root down to the page (root,
 * layouts, the route) with their imports, following each chunk's own static imports too (a shared
 * chunk may import another one). Each distinct file is counted once, gzipped (zlib level 9).
 * Dynamic `import()`s are not counted (not loaded on first visit), nor is the manifest file: with
 * lazy route discovery Remix inlines the part of the manifest a page needs into its HTML.
 * 1 KB = 1024 bytes. Exit code 1 when a page is over budget.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";

export const JS_BUDGET_KB = 140;

interface ManifestRoute {
  id: string;
  parentId?: string;
  module: string;
  imports?: string[];
}
interface AssetsManifest {
  url: string;
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}

export interface JsSizeRow {
  routeId: string;
  /** gzip bytes of all files loaded on a first visit */
  bytes: number;
  files: number;
}

const root = path.resolve(import.meta.dirname, "../..");
const publicDir = path.join(root, "public");

/** Static imports of a built chunk: `import{a}from"/build/x.js"` and `import"/build/x.js"`. */
const IMPORT = /(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g;

function readManifest(url: string): AssetsManifest {
  const file = path.join(publicDir, url);
  const text = fs.readFileSync(file, "utf8").trim();
  return JSON.parse(text.replace(/^window\.__remixManifest\s*=\s*/, "").replace(/;$/, "")) as AssetsManifest;
}

export async function measureFirstLoadJs(): Promise<JsSizeRow[]> {
  process.env.NODE_ENV ??= "production";
  const buildFile = path.join(root, "build/index.js");
  if (!fs.existsSync(buildFile)) throw new Error("No build: run `npx remix build` first.");
  // The server build tells which routes render a page (default export) and which manifest it serves.
  const build = (await import(pathToFileURL(buildFile).href)) as {
    assets: { url: string };
    routes: Record<string, { module: { default?: unknown } }>;
  };
  const manifest = readManifest(build.assets.url);

  const gzipCache = new Map<string, number>();
  const importsCache = new Map<string, string[]>();
  const gzipSize = (url: string) => {
    let size = gzipCache.get(url);
    if (size === undefined) {
      size = zlib.gzipSync(fs.readFileSync(path.join(publicDir, url)), { level: 9 }).length;
      gzipCache.set(url, size);
    }
    return size;
  };
  const importsOf = (url: string) => {
    let list = importsCache.get(url);
    if (!list) {
      const code = fs.readFileSync(path.join(publicDir, url), "utf8");
      list = [...code.matchAll(IMPORT)].map((m) => new URL(m[1], `http://x${url}`).pathname);
      importsCache.set(url, list);
    }
    return list;
  };

  const rows: JsSizeRow[] = [];
  for (const [id, route] of Object.entries(manifest.routes)) {
    if (typeof build.routes[id]?.module.default !== "function") continue;
    const chain: ManifestRoute[] = [];
    for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) chain.unshift(r);
    const pending = [manifest.entry.module, ...manifest.entry.imports, ...chain.flatMap((r) => [r.module, ...(r.imports ?? [])])];
    const seen = new Set<string>();
    while (pending.length) {
      const url = pending.pop()!;
      if (seen.has(url)) continue;
      seen.add(url);
      pending.push(...importsOf(url));
    }
    rows.push({ routeId: id, bytes: [...seen].reduce((sum, url) => sum + gzipSize(url), 0), files: seen.size });
  }
  return rows.sort((a, b) => b.bytes - a.bytes);
}

/** Prints the table; returns true when every page is within the budget. */
export async function checkJsSizes(): Promise<boolean> {
  const rows = await measureFirstLoadJs();
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const width = Math.max(5, ...rows.map((r) => r.routeId.length));
  console.log(`First-load JS per page (gzip -9, KB = 1024 bytes), budget ${JS_BUDGET_KB} KB:`);
  console.log(`${"Route".padEnd(width)}  ${"files".padStart(5)}  ${"KB".padStart(6)}  result`);
  for (const r of rows) {
    const pass = r.bytes <= JS_BUDGET_KB * 1024;
    console.log(`${r.routeId.padEnd(width)}  ${String(r.files).padStart(5)}  ${kb(r.bytes).padStart(6)}  ${pass ? "PASS" : "FAIL"}`);
  }
  return rows.every((r) => r.bytes <= JS_BUDGET_KB * 1024);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await checkJsSizes()) ? 0 : 1;
}
