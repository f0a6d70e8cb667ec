import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXPORTS, exportHref, exportLanguage } from "~/domain/export-urls";

const routes = path.resolve(import.meta.dirname, "../../app/routes");

/** URL paths under /programs/:id/export/ served by route files (Remix flat routes: a dot is a slash). */
function servedExportPaths(): string[] {
  const prefix = "programs.$programId.export.";
  return fs
    .readdirSync(routes)
    .filter((f) => f.startsWith(prefix) && !f.startsWith(`${prefix}_index`))
    .map((f) =>
      f
        .slice(prefix.length)
        .replace(/\.tsx?$/, "")
        .split(".")
        .join("/"),
    );
}

describe("export addresses", () => {
  it("every export in the registry is served by a route file, and every export route is in the registry", () => {
    expect(
      Object.values(EXPORTS)
        .map((e) => e.path)
        .sort(),
    ).toEqual(servedExportPaths().sort());
  });

  it("build the address with the version and the language", () => {
    expect(exportHref(3, "compliance")).toBe("/programs/3/export/compliance/docx");
    expect(exportHref(3, "program", { version: 7, lang: "ru" })).toBe("/programs/3/export/docx?version=7&lang=ru");
    expect(exportHref(3, "xlsx", { lang: "en" })).toBe("/programs/3/export/xlsx?lang=en");
  });

  it("read only known languages from a request", () => {
    expect(exportLanguage(new URL("http://x/a?lang=ky"))).toBe("ky");
    expect(exportLanguage(new URL("http://x/a?lang=de"))).toBeNull();
    expect(exportLanguage(new URL("http://x/a"))).toBeNull();
  });
});
