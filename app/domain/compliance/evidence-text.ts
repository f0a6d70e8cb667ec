/**
 * Turns evidence (i18n key + values) into text for one language. Shared by the check page and
 * the DOCX annex so both say the same words. Numbers are formatted for the reader, except
 * values that are years, numbers of elements or dates.
 */
import { formatNumber } from "../format";
import { localize, type L, type Lang } from "~/methodology/schema";
import type { Evidence, EvidenceValue } from "./types";

const RAW_NUMBER = /year|start|end|^from$|^to$|number|date/i;

export function evidenceParams(values: Record<string, EvidenceValue> | undefined, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values ?? {})) {
    if (typeof v === "number") out[k] = RAW_NUMBER.test(k) ? String(v) : formatNumber(v, lang, { maximumFractionDigits: 1 });
    else if (typeof v === "string") out[k] = v;
    else out[k] = localize(v as L, lang);
  }
  return out;
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export function evidenceText(t: Translate, e: Evidence, lang: Lang): string {
  return t(`compliance:${e.key}`, evidenceParams(e.values, lang));
}
