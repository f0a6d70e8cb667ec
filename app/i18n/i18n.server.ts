import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { i18nConfig, type UiLanguage } from "./config";
import { getLanguage } from "./language.server";
import { resources } from "./resources";
import crypto from "node:crypto";

export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: i18nConfig.supportedLngs,
    fallbackLanguage: i18nConfig.fallbackLng,
    order: ["custom"],
    findLocale: async (request) => getLanguage(request),
  },
  i18next: { supportedLngs: i18nConfig.supportedLngs, fallbackLng: i18nConfig.fallbackLng, defaultNS: i18nConfig.defaultNS, interpolation: i18nConfig.interpolation, resources },
});

/** A translator for one request: loaders use it for page titles and error messages. */
export async function getT(request: Request): Promise<{ t: TFunction; lang: UiLanguage }> {
  const lang = getLanguage(request);
  const t = await remixI18n.getFixedT(lang, "common");
  return { t, lang };
}

export async function createServerI18n(lang: UiLanguage): Promise<I18n> {
  const instance = createInstance();
  await instance.init({ ...i18nConfig, lng: lang, resources, ns: Object.keys(resources.ru) });
  return instance;
}

/** Changes whenever a translation changes, so the client may cache /locales/<lng> forever. */
export const resourcesVersion = crypto.createHash("sha1").update(JSON.stringify(resources)).digest("hex").slice(0, 10);
