/**
 * All translation namespaces. Each feature owns its namespace file; add a line here per
 * namespace. `tests/unit/i18n.test.ts` fails when a key exists in one language but not another.
 */
import ruCommon from "./locales/ru/common.json";
import kyCommon from "./locales/ky/common.json";
import enCommon from "./locales/en/common.json";

export const resources = {
  ru: { common: ruCommon },
  ky: { common: kyCommon },
  en: { common: enCommon },
} as const;

export type Namespace = keyof (typeof resources)["ru"];
