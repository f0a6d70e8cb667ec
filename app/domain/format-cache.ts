import { formatNumber } from "./format";

/** Formatted values per language, shared across requests; bounded so it cannot grow without limit. */
const caches = new Map<string, Map<number, string>>();
const MAX_ENTRIES = 10_000;

/**
 * formatNumber with each distinct value formatted once. Big tables (T14: 150 indicators × 5
 * years, traceability: 300 action costs) repeat the same numbers on every render, and creating
 * the Intl formatter is the costly part. formatNumber is pure, so caching cannot change output.
 */
export function memoFormatNumber(lang: string): (value: number | null | undefined) => string {
  let cache = caches.get(lang);
  if (!cache) caches.set(lang, (cache = new Map()));
  const c = cache;
  return (value) => {
    if (value === null || value === undefined) return formatNumber(value, lang);
    let text = c.get(value);
    if (text === undefined) {
      text = formatNumber(value, lang);
      if (c.size >= MAX_ENTRIES) c.clear();
      c.set(value, text);
    }
    return text;
  };
}
