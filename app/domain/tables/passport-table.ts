/**
 * Shape of the passport tables T1–T6 as the web page, DOCX and (later) XLSX show them. Pure:
 * builders take the stored data and a context with template lists already in one language.
 */
export type PassportColumnKind = "text" | "number" | "money" | "percent" | "boolean";
/** An i18n key (namespace-prefixed, e.g. "stages:passport.source") or text taken from a template. */
export type HeaderText = { key: string; values?: Record<string, string | number> } | { text: string };
export type CellValue = string | number | boolean | null;

export interface PassportColumn<Row> {
  id: string;
  header: HeaderText;
  kind: PassportColumnKind;
  accessor: (row: Row) => CellValue;
}

export interface PassportTable<Row> {
  id: string;
  /** i18n key of the caption, e.g. "stages:passport.population.title". */
  title: string;
  columns: PassportColumn<Row>[];
  rows: Row[];
  /** Computed total rows (never stored). */
  footer: Row[];
  /** Text of the first cell of each footer row ("Total", "Own revenue"…), replacing its accessor. */
  footerLabels?: HeaderText[];
}

export interface Labelled {
  id: string;
  label: string;
}
/** Template lists in the output language, and villages from T2. */
export interface PassportContext {
  generalFields: (Labelled & { unit: string | null; kind: string })[];
  ageBands: Labelled[];
  vulnerableGroups: Labelled[];
  economyRows: (Labelled & { unit: string; bySex: boolean })[];
  serviceRows: Labelled[];
  budgetRows: (Labelled & { group: string; ownRevenue: boolean })[];
  villages: Labelled[];
}

export const key = (k: string, values?: Record<string, string | number>): HeaderText => ({ key: `stages:passport.${k}`, values });
export const text = (t: string): HeaderText => ({ text: t });
export const nameOf = (list: Labelled[], id: string) => list.find((x) => x.id === id)?.label ?? id;
export const names = (list: Labelled[], ids: string[] | undefined) => (ids ?? []).map((id) => nameOf(list, id)).join(", ");
/** Empty stays empty (unknown), never shown as 0. */
export const opt = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
