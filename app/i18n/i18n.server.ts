import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { i18nConfig, type UiLanguage } from "./config";
import { getLanguage } from "./language.server";
import { resources } from "./resources";
import crypto from "node:crypto";

/** Finds the request's language (the cookie; see language.server.ts). */
export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: i18nConfig.supportedLngs,
    fallbackLanguage: i18nConfig.fallbackLng,
    order: ["custom"],
    findLocale: async (request) => getLanguage(request),
  },
  i18next: {
    supportedLngs: i18nConfig.supportedLngs,
    fallbackLng: i18nConfig.fallbackLng,
    defaultNS: i18nConfig.defaultNS,
    interpolation: i18nConfig.interpolation,
    resources,
  },
});

/**
 * One initialised i18next instance per language for the life of the process: the resources are
 * bundled and nothing ever calls changeLanguage on them, so requests can share them safely and
 * no request pays for initialising i18next (it was a fixed cost on every page).
 */
const instances = new Map<UiLanguage, Promise<I18n>>();
export function createServerI18n(lang: UiLanguage): Promise<I18n> {
  let instance = instances.get(lang);
  if (!instance) {
    instance = (async () => {
      const i18n = createInstance();
      await i18n.init({ ...i18nConfig, lng: lang, resources, ns: Object.keys(resources.ru) });
      return i18n;
    })();
    instances.set(lang, instance);
  }
  return instance;
}

/** A translator for one request: loaders use it for page titles and messages. */
export async function getT(request: Request): Promise<{ t: TFunction; lang: UiLanguage }> {
  const lang = (await remixI18n.getLocale(request)) as UiLanguage;
  const i18n = await createServerI18n(lang);
  return { t: i18n.getFixedT(lang, "common"), lang };
}

/** Changes whenever a translation changes, so the client may cache /locales/<lng> forever. */
export const resourcesVersion = crypto.createHash("sha1").update(JSON.stringify(resources)).digest("hex").slice(0, 10);
