/**
 * Translations for the exported document. The document is written in the PROGRAM's language, not
 * the reader's UI language, so the exporter builds its own fixed translator. Synchronous (the
 * resources are bundled), memoised per language, so building a document stays a pure function.
 */
import { createInstance, type TFunction } from "i18next";
import { i18nConfig } from "~/i18n/config";
import { resources } from "~/i18n/resources";

export type DocLang = "ru" | "ky" | "en";
export type Translate = (key: string, params?: Record<string, unknown>) => string;

const cache = new Map<DocLang, Translate>();

export function docTranslator(lang: DocLang): Translate {
  const hit = cache.get(lang);
  if (hit) return hit;
  const instance = createInstance();
  // initImmediate: false makes init synchronous when resources are given inline.
  void instance.init({ ...i18nConfig, lng: lang, resources, ns: Object.keys(resources.ru), initImmediate: false });
  const fixed: TFunction = instance.getFixedT(lang, "export");
  // Table accessors and headers ask for the same few labels on every row and table (year columns
  // with their year): remember each text by key and parameters. The texts are few and fixed (the
  // resources are bundled), but parameters may be anything: only short keys are kept.
  const known = new Map<string, string>();
  const t: Translate = (key, params) => {
    const id = params ? `${key}\u0000${JSON.stringify(params)}` : key;
    let text = known.get(id);
    if (text === undefined) {
      text = String(params ? fixed(key, params as never) : fixed(key));
      if (id.length <= 200 && known.size < 5000) known.set(id, text);
    }
    return text;
  };
  cache.set(lang, t);
  return t;
}
