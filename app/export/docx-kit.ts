/**
 * Small building blocks for the exported DOCX: page geometry, document styles (Times New Roman
 * 12 pt, document language ru-RU / ky-KG), headings, plain paragraphs, the draft header and the
 * "page N of M" footer. Everything the section builders share lives here.
 */
import {
  AlignmentType,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
  type ISectionOptions,
  type IStylesOptions,
  type ParagraphChild,
} from "docx";
import type { DocLang } from "./i18n";

export const FONT = "Times New Roman";
/** Half-points. */
export const SIZE = { body: 24, small: 20, title: 32, h1: 28, h2: 26 } as const;

/** A4 in twips, margins as in Kyrgyz office practice: 3 cm binding margin on the left. */
export const PAGE = { width: 11906, height: 16838, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } as const;
export const LANDSCAPE_MARGIN = { top: 1134, bottom: 850, left: 1134, right: 1134 } as const;
export const TEXT_WIDTH = {
  portrait: PAGE.width - PAGE.margin.left - PAGE.margin.right,
  landscape: PAGE.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right,
} as const;

export const languageTag: Record<DocLang, string> = { ru: "ru-RU", ky: "ky-KG", en: "en-GB" };

export function documentStyles(lang: DocLang): IStylesOptions {
  const language = { value: languageTag[lang] };
  const heading = (size: number, before: number) => ({
    run: { font: FONT, size, bold: true, color: "000000", language },
    paragraph: { spacing: { before, after: 160 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: { run: { font: FONT, size: SIZE.body, language }, paragraph: { spacing: { after: 120, line: 276 } } },
      heading1: { ...heading(SIZE.h1, 240), paragraph: { ...heading(SIZE.h1, 240).paragraph, alignment: AlignmentType.CENTER } },
      heading2: heading(SIZE.h2, 200),
      heading3: heading(SIZE.body, 160),
      title: { run: { font: FONT, size: SIZE.title, bold: true, language }, paragraph: { alignment: AlignmentType.CENTER } },
    },
    // One style per table font size: cell paragraphs then carry only a style id, which keeps
    // large tables small and quick to write.
    paragraphStyles: CELL_SIZES.map((size) => ({
      id: cellStyleId(size),
      name: `Table text ${size / 2}`,
      basedOn: "Normal",
      quickFormat: false,
      run: { size },
      // Single spacing with its rule stated: given a bare line="240", LibreOffice set 7–9 pt table
      // text on lines as tall as the body text's, so tables took up to twice their height.
      paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO }, indent: { firstLine: 0 } },
    })),
  };
}

export const CELL_SIZES = [22, 20, 18, 16, 14] as const;
export const cellStyleId = (size: number) => `KadamCell${size}`;

export function para(
  text: string,
  opts: {
    bold?: boolean;
    italics?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    size?: number;
    after?: number;
    before?: number;
    indent?: boolean;
    keepNext?: boolean;
  } = {},
): Paragraph {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: opts.after ?? 120, before: opts.before },
    indent: opts.indent === false ? undefined : { firstLine: 709 },
    keepNext: opts.keepNext,
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size })],
  });
}

/** Multi-paragraph text typed by a planner: one docx paragraph per line. */
export function paragraphsOf(text: string | undefined | null): Paragraph[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => para(l));
}

/** The text and level of each heading made here, so one can be made again on a page of its own. */
const headings = new WeakMap<object, { text: string; level: 1 | 2 | 3 }>();

export function heading(text: string, level: 1 | 2 | 3, opts: { pageBreakBefore?: boolean; id?: string } = {}): Paragraph {
  const headingLevel = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  const paragraph = new Paragraph({ heading: headingLevel, pageBreakBefore: opts.pageBreakBefore, children: [new TextRun({ text })] });
  headings.set(paragraph, { text, level });
  return paragraph;
}

export const isHeading = (child: unknown): child is Paragraph => typeof child === "object" && child !== null && headings.has(child);

/** The same heading for the top of a new docx section, which opens a new page anyway: no page break before it. */
export function headingOnNewPage(paragraph: Paragraph): Paragraph {
  const spec = headings.get(paragraph);
  return spec ? heading(spec.text, spec.level) : paragraph;
}

export function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    keepNext: true,
    spacing: { before: 120, after: 80 },
    children: [new TextRun({ text, bold: true, size: SIZE.small + 2 })],
  });
}

/** A visible, italic placeholder line for a section or part without data yet. */
export function placeholder(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { after: 120 },
    children: [new TextRun({ text, italics: true, color: "505a5f" })],
  });
}

export function bullet(text: string): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [new TextRun({ text })] });
}

/** Replaces {name} placeholders of a template string; unknown names stay visible. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** "Страница {page} из {pages}" → runs with PAGE and NUMPAGES fields in place of the placeholders. */
export function pageOfRuns(template: string): ParagraphChild[] {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) => {
      if (part === "{page}") return new TextRun({ children: [PageNumber.CURRENT], size: SIZE.small });
      if (part === "{pages}") return new TextRun({ children: [PageNumber.TOTAL_PAGES], size: SIZE.small });
      return new TextRun({ text: part, size: SIZE.small });
    });
}

/**
 * Content of a portrait section that goes on landscape pages of its own (a table whose columns do
 * not fit a portrait page, with its caption); the document builder opens landscape pages for it
 * and goes on in portrait after it.
 */
export class LandscapePages {
  constructor(readonly children: FileChild[]) {}
}

/** What a section builder gives: document content, some of it perhaps on landscape pages. */
export type SectionContent = FileChild | LandscapePages;

export interface PageFurniture {
  draftMark: string | null;
  pageOf: string;
}

function headerOf(f: PageFurniture): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: f.draftMark ? [new TextRun({ text: f.draftMark, bold: true, size: SIZE.body, color: "b00020" })] : [],
      }),
    ],
  });
}

function footerOf(f: PageFurniture): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageOfRuns(f.pageOf) })] });
}

/** Section properties: orientation, margins, the draft header on every page, page numbers except on the title page. */
export function sectionOptions(
  children: ISectionOptions["children"],
  f: PageFurniture,
  opts: { landscape?: boolean; titlePage?: boolean } = {},
): ISectionOptions {
  const landscape = Boolean(opts.landscape);
  const emptyFooter = new Footer({ children: [new Paragraph({ children: [] })] });
  return {
    properties: {
      titlePage: opts.titlePage,
      page: {
        // docx swaps width and height itself for landscape: give the portrait size.
        size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: landscape ? LANDSCAPE_MARGIN : PAGE.margin,
      },
    },
    headers: { default: headerOf(f), ...(opts.titlePage ? { first: headerOf(f) } : {}) },
    footers: { default: footerOf(f), ...(opts.titlePage ? { first: emptyFooter } : {}) },
    children,
  };
}
