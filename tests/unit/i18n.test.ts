import { describe, expect, it } from "vitest";
import { resources } from "~/i18n/resources";

// Plural forms differ by language (Russian one/few/many, Kyrgyz and English one/other): compare base keys.
function keys(obj: unknown, prefix = ""): string[] {
  if (obj === null || typeof obj !== "object") return [prefix.replace(/_(zero|one|two|few|many|other)$/, "")];
  return [...new Set(Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)))];
}

describe("translations", () => {
  const namespaces = Object.keys(resources.ru) as (keyof typeof resources.ru)[];
  for (const ns of namespaces) {
    it(`namespace "${ns}" has the same keys in ru, ky and en, none empty`, () => {
      const ru = keys(resources.ru[ns]).sort();
      for (const lang of ["ky", "en"] as const) {
        expect(keys(resources[lang][ns]).sort(), `${lang}/${ns}`).toEqual(ru);
      }
      for (const lang of ["ru", "ky", "en"] as const) {
        const flat = JSON.stringify(resources[lang][ns]);
        expect(flat.includes('""'), `${lang}/${ns} has an empty string`).toBe(false);
      }
    });
  }
});
