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

/**
 * Dates and times, the one helper for pages and documents: Intl in the reader's language, Bishkek
 * time. Kyrgyz uses Intl's own "ky" data (ICU in Node 20 and Chromium has it: «2026-ж., 5-март»),
 * not the Russian format. A bare "YYYY-MM-DD" is a calendar day and is not shifted by time zone.
 */
const dateLocale = (lang: string) => (lang === "en" ? "en-GB" : lang === "ky" ? "ky-KG" : "ru-RU");

/** "5 марта 2026 г." / "2026-ж., 5-март" / "5 March 2026"; with `time` "5 мар. 2026 г., 14:07"; "—" when missing or unreadable. */
export function formatDate(value: string | Date | null | undefined, lang: string, time = false): string {
  const date = value ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) return "—";
  // "2026-03-05" is parsed as UTC midnight: shown in UTC so no time zone moves the day.
  const day = typeof value === "string" && value.length === 10;
  const options: Intl.DateTimeFormatOptions = time && !day ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "long" };
  return new Intl.DateTimeFormat(dateLocale(lang), { ...options, timeZone: day ? "UTC" : "Asia/Bishkek" }).format(date);
}

/** A moment with its time, Bishkek time; a bare day as formatDate. */
export const formatDateTime = (value: string | Date | null | undefined, lang: string) => formatDate(value, lang, true);
