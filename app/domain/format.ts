/**
 * Number formatting shared by pages and exports. Kyrgyz documents follow the Russian convention
 * (space for thousands, comma for decimals), so ru and ky both use ru-RU.
 */
export function formatNumber(value: number | null | undefined, lang: string, options: Intl.NumberFormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const locale = lang === "en" ? "en-GB" : "ru-RU";
  // Building an Intl.NumberFormat costs far more than formatting: exports format thousands of cells.
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, ...options })));
  return formatter.format(value);
}
const formatters = new Map<string, Intl.NumberFormat>();

/** A share 0..1 as a percentage with one decimal, e.g. 0.384 → "38,4 %". */
export function formatPercent(share: number | null | undefined, lang: string): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  return `${formatNumber(share * 100, lang, { maximumFractionDigits: 1 })} %`;
}
