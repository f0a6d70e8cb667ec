/**
 * All translation namespaces. Each feature owns its namespace file; add a line here per
 * namespace. `tests/unit/i18n.test.ts` fails when a key exists in one language but not another.
 */
import ruCommon from "./locales/ru/common.json";
import kyCommon from "./locales/ky/common.json";
import enCommon from "./locales/en/common.json";
import ruProgram from "./locales/ru/program.json";
import kyProgram from "./locales/ky/program.json";
import enProgram from "./locales/en/program.json";
import ruAdmin from "./locales/ru/admin.json";
import kyAdmin from "./locales/ky/admin.json";
import enAdmin from "./locales/en/admin.json";

export const resources = {
  ru: { common: ruCommon, program: ruProgram, admin: ruAdmin },
  ky: { common: kyCommon, program: kyProgram, admin: kyAdmin },
  en: { common: enCommon, program: enProgram, admin: enAdmin },
} as const;

export type Namespace = keyof (typeof resources)["ru"];
