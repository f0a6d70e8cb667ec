/**
 * Number formatting shared by pages and exports. Kyrgyz documents follow the Russian convention
 * (space for thousands, comma for decimals), so ru and ky both use ru-RU.
 */
const NO_OPTIONS: Intl.NumberFormatOptions = Object.freeze({});
const ruDefault = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });
const enDefault = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

export function formatNumber(value: number | null | undefined, lang: string, options: Intl.NumberFormatOptions = NO_OPTIONS): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const locale = lang === "en" ? "en-GB" : "ru-RU";
  // Most calls pass no options: skip building the cache key (pages format thousands of cells).
  if (options === NO_OPTIONS) return (locale === "ru-RU" ? ruDefault : enDefault).format(value);
  // Building an Intl.NumberFormat costs far more than formatting: exports format thousands of cells.
  // Callers that reuse one options object skip the JSON key too (looked up by identity first).
  const en = locale === "en-GB";
  const known = byOptions.get(options)?.[en ? 1 : 0];
  if (known) return known.format(value);
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, ...options })));
  const pair = byOptions.get(options) ?? [undefined, undefined];
  pair[en ? 1 : 0] = formatter;
  byOptions.set(options, pair);
  return formatter.format(value);
}
const formatters = new Map<string, Intl.NumberFormat>();
const byOptions = new WeakMap<Intl.NumberFormatOptions, [Intl.NumberFormat | undefined, Intl.NumberFormat | undefined]>();

/** A share 0..1 as a percentage with one decimal, e.g. 0.384 → "38,4 %". */
export function formatPercent(share: number | null | undefined, lang: string): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  return `${formatNumber(share * 100, lang, { maximumFractionDigits: 1 })} %`;
}
