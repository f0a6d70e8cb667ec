/**
 * Everything a section builder needs, resolved once per export: the program data with the
 * methodology projected in the document language (ProgramContext: sources, financing rules,
 * strategy levels, passport lists), the translator, the chosen layout style, template labels in that language, and the
 * heading counters (numbering follows the outline as rendered).
 */
import type { Paragraph } from "docx";
import { formatNumber } from "~/domain/format";
import type { ProgramData } from "~/domain/program-data";
import type { ProgramContext } from "~/domain/program-context";
import { programContextFrom } from "~/domain/program-context-build";
import { localize, type DocxStyle, type Item, type Methodology, type StageId } from "~/methodology/schema";
import { heading, placeholder } from "./docx-kit";
import { docTranslator, type DocLang, type Translate } from "./i18n";
import { sectionHeadingText, subHeadingText, type Approval } from "./wording";

export interface ExportOptions {
  lang: DocLang;
  style?: string;
  draft: boolean;
  approval?: Approval;
  /** The date printed on the title page ("Кок-Жайык, 2025"); defaults to today. */
  today?: string;
  /** "Comments and how they were addressed" (annex), read before the document is built. */
  comments?: import("~/domain/tables/comments").CommentTableRow[];
}

export interface ExportContext {
  /** The program and the methodology projected in the document language. */
  pc: ProgramContext;
  data: ProgramData;
  m: Methodology;
  lang: DocLang;
  t: Translate;
  style: DocxStyle;
  options: ExportOptions;
  label: (list: readonly Item[], id: string | undefined | null) => string;
  fmt: (v: number | null | undefined, digits?: number) => string;
  /** Share 0..1 as "38,4 %". */
  pct: (share: number | null | undefined) => string;
  /** Starts a numbered top-level section; `pageBreak` unless it opens a page anyway. */
  section: (title: string, opts?: { numbered?: boolean; pageBreak?: boolean }) => Paragraph;
  sub: (title: string) => Paragraph;
  tableNo: () => number;
  annexNo: () => number;
  /** The next section() opens a new page anyway (a new docx section): no page break before it. */
  openPage: () => void;
  /** "This section will be filled in at the «<stage>» stage." */
  pending: (stage: StageId | null) => Paragraph;
  /**
   * Work that completes a part already placed in the document (a picture drawn on the thread
   * pool while the rest is built); the builder awaits it before the document is handed out.
   */
  later: (work: Promise<unknown>) => void;
  settled: () => Promise<void>;
}

/** Shared option objects: formatNumber finds their cached formatter by identity. */
const DIGITS: readonly Intl.NumberFormatOptions[] = [0, 1, 2, 3].map((d) => ({ maximumFractionDigits: d }));

export function createContext(data: ProgramData, m: Methodology, options: ExportOptions): ExportContext {
  const lang = options.lang;
  const t = docTranslator(lang);
  const style =
    m.docx.styles.find((s) => s.id === options.style) ?? m.docx.styles.find((s) => s.id === m.docx.defaultStyle) ?? m.docx.styles[0];
  let sectionNo = 0;
  let subNo = 0;
  let tables = 0;
  let annexes = 0;
  let numberedCurrent = false;
  let pageOpen = false;
  const work: Promise<unknown>[] = [];
  const fmt = (v: number | null | undefined, digits = 1) => formatNumber(v, lang, DIGITS[digits] ?? { maximumFractionDigits: digits });
  return {
    pc: programContextFrom(data, m, lang),
    data,
    m,
    lang,
    t,
    style,
    options,
    label: (list, id) => (id ? (list.find((x) => x.id === id) ? localize(list.find((x) => x.id === id)!.label, lang) : id) : ""),
    fmt,
    pct: (share) => (share === null || share === undefined ? "—" : `${fmt(share * 100, 1)} %`),
    section: (title, opts = {}) => {
      const numbered = opts.numbered !== false;
      numberedCurrent = numbered;
      subNo = 0;
      if (numbered) sectionNo += 1;
      const text = numbered
        ? sectionHeadingText(sectionNo, title, style, m.docx, lang)
        : style.headingNumbering === "bolum"
          ? title.toUpperCase()
          : title;
      const pageBreakBefore = opts.pageBreak !== false && !pageOpen;
      pageOpen = false;
      return heading(text, 1, { pageBreakBefore });
    },
    openPage: () => {
      pageOpen = true;
    },
    sub: (title) => {
      subNo += 1;
      return heading(numberedCurrent ? subHeadingText(sectionNo, subNo, title, style) : title, 2);
    },
    tableNo: () => ++tables,
    annexNo: () => ++annexes,
    pending: (stage) => {
      const s = stage ? m.stages.find((x) => x.id === stage) : undefined;
      return placeholder(s ? t("doc.placeholder", { stage: localize(s.title, lang) }) : t("doc.placeholderPart"));
    },
    later: (w) => {
      // Handled here too: if a later section throws, nobody awaits this one.
      w.catch(() => undefined);
      work.push(w);
    },
    settled: async () => {
      await Promise.all(work);
    },
  };
}
