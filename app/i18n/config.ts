/** Shared by server and client: which languages exist and how i18next is set up. */
export const supportedLanguages = ["ru", "ky", "en"] as const;
export type UiLanguage = (typeof supportedLanguages)[number];
export const defaultLanguage: UiLanguage = "ru";
export const languageCookieName = "kadam_lng";

export const languageNames: Record<UiLanguage, string> = { ru: "Русский", ky: "Кыргызча", en: "English" };

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: defaultLanguage,
  defaultNS: "common",
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
};

/** Locale tag used for numbers and dates (Kyrgyz has its own CLDR data: space thousands, comma decimals). */
export const numberLocale: Record<UiLanguage, string> = { ru: "ru-RU", ky: "ky-KG", en: "en-GB" };
