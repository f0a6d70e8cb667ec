/**
 * Issue #18: imports follow the layers of the README's map, never against them:
 * routes → services → models → db; domain/ is pure (no `.server` module, no templates/ JSON:
 * the methodology reaches it as a value, validated at load); authorization never calls a
 * service; models never call services; SQL is written only in app/models/. Reads app/ as text.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Static and dynamic imports, `export … from` too; type-only imports are left out (they vanish). */
const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;

/** Each import of app/, as paths relative to the project root. */
export function importGraph(): { from: string; to: string }[] {
  return sourceFiles(APP).flatMap((file) => {
    const code = fs.readFileSync(file, "utf8");
    return [...code.matchAll(IMPORT)].flatMap((m) => {
      const spec = m[1] ?? m[2];
      let target: string;
      if (spec.startsWith("~/")) target = path.join(APP, spec.slice(2));
      else if (spec.startsWith(".")) target = path.resolve(path.dirname(file), spec);
      else return [];
      return [{ from: path.relative(ROOT, file), to: path.relative(ROOT, target) }];
    });
  });
}

const layer = (file: string) => file.split(path.sep).slice(0, 2).join("/");
const isServerModule = (file: string) => /\.server(\.tsx?)?$/.test(file);

/** A rule: which imports of `from` files are against the flow. */
const rules: { name: string; applies: (from: string) => boolean; forbidden: (to: string) => boolean }[] = [
  {
    name: "domain/ is pure: no server module, no templates/",
    applies: (f) => layer(f) === "app/domain",
    forbidden: (t) => isServerModule(t) || t.startsWith("templates") || t === "app/db",
  },
  { name: "models/ do not call services", applies: (f) => layer(f) === "app/models", forbidden: (t) => layer(t) === "app/services" },
  {
    name: "routes call services, not models or the database",
    applies: (f) => layer(f) === "app/routes",
    forbidden: (t) => layer(t) === "app/models" || t.startsWith("app/db.server"),
  },
  { name: "authorization does not call services", applies: (f) => layer(f) === "app/auth", forbidden: (t) => layer(t) === "app/services" },
  {
    name: "export/ renders: no database, no services",
    applies: (f) => layer(f) === "app/export",
    forbidden: (t) => layer(t) === "app/services" || layer(t) === "app/models" || t.startsWith("app/db.server"),
  },
];

describe("the import graph", () => {
  const graph = importGraph();
  it("reads the imports of app/", () => {
    expect(graph.length).toBeGreaterThan(500);
    expect(graph.some((e) => e.from.startsWith("app/routes") && layer(e.to) === "app/services")).toBe(true);
  });
  for (const rule of rules) {
    it(rule.name, () => {
      const against = graph.filter((e) => rule.applies(e.from) && rule.forbidden(e.to)).map((e) => `${e.from} → ${e.to}`);
      expect(against).toEqual([]);
    });
  }
});

describe("where SQL is written", () => {
  // Kysely's query builders and raw `sql` templates: only repositories in app/models/ build queries.
  const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/;
  it("only in app/models/", () => {
    const files = sourceFiles(APP).filter((f) => !f.startsWith(path.join(APP, "models") + path.sep));
    expect(files.length).toBeGreaterThan(100);
    const outside = files.filter((f) => QUERY.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(ROOT, f));
    expect(outside).toEqual([]);
  });
  it("is found where it is written (the pattern sees a query in a model)", () => {
    expect(fs.readFileSync(path.join(APP, "models/program.server.ts"), "utf8")).toMatch(QUERY);
  });
});
