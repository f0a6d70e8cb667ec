/**
 * The DOCX export of a program: the whole program (outline from templates/docx.json), the action
 * plan alone and the first year's implementation plan (the council approves all three together).
 * Pure over ProgramData and the templates: no DB access here, the route loads the data first and
 * packs afterwards, outside any transaction.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun, type FileChild, type ISectionOptions } from "docx";
import type { ProgramData } from "~/domain/program-data";
import { methodology } from "~/methodology/templates.server";
import { localize, type Methodology } from "~/methodology/schema";
import { createContext, type ExportContext, type ExportOptions } from "./context";
import {
  documentStyles,
  headingOnNewPage,
  isHeading,
  LandscapePages,
  SIZE,
  sectionOptions,
  type PageFurniture,
  type SectionContent,
} from "./docx-kit";
import { abbreviations, contents, introduction, titlePage } from "./sections-front";
import { analysis, forecast, problems, swot, territory } from "./sections-analysis";
import { genderSection, lensSection, startPictures } from "./sections-inclusion";
import {
  actionPlanSection,
  actionPlanTableBlock,
  annualPlanBlock,
  financingSection,
  monitoringSection,
  risksSection,
  strategy,
} from "./sections-plan";
import { annexes } from "./sections-annexes";
import { programTitle } from "./wording";

export type { ExportOptions } from "./context";
export type { Approval } from "./wording";

function furniture(ctx: ExportContext): PageFurniture {
  const w = ctx.m.docx.wording;
  return { draftMark: ctx.options.draft ? w.draftMark[ctx.lang] : null, pageOf: w.pageOf[ctx.lang] };
}

function newDocument(ctx: ExportContext, title: string, sections: ISectionOptions[]): Document {
  return new Document({
    creator: "Kadam",
    title,
    description: title,
    styles: documentStyles(ctx.lang),
    // Word refreshes the contents' page numbers when the file is opened.
    features: { updateFields: true },
    sections,
  });
}

/** One outline section's content, or null when the chosen style leaves it out. */
function renderSection(ctx: ExportContext, id: string, title: string, parts: readonly string[]): SectionContent[] | null {
  const { style, lang, m } = ctx;
  switch (id) {
    case "title":
      return titlePage(ctx);
    case "toc":
      return contents(ctx);
    case "introduction":
      return style.introduction ? introduction(ctx, title) : null;
    case "abbreviations":
      return style.abbreviations ? abbreviations(ctx, title) : null;
    case "territory":
      return territory(ctx, title, parts);
    case "analysis":
      return analysis(ctx, title, parts);
    case "lens":
      return lensSection(ctx, title, parts);
    case "gender":
      return genderSection(ctx, title, parts);
    case "problems": {
      const swotSection = m.docx.sections.find((s) => s.id === "swot");
      return problems(ctx, title, !style.swotOwnSection && swotSection ? localize(swotSection.title, lang) : null);
    }
    case "swot":
      return style.swotOwnSection ? swot(ctx, title) : null;
    case "forecast":
      return forecast(ctx, title);
    case "strategy":
      return strategy(ctx, title, parts);
    case "action_plan":
      return actionPlanSection(ctx, title, parts);
    case "financing":
      return financingSection(ctx, title, true);
    case "monitoring":
      return monitoringSection(ctx, title, parts, true);
    case "risks":
      return risksSection(ctx, title, true);
    case "annexes":
      return annexes(ctx, title, parts);
    default:
      // A section added to the template that no code knows yet still shows up, with a placeholder.
      return [ctx.section(title), ctx.pending(null)];
  }
}

/** The whole program. Async: its pictures are drawn on the thread pool while the sections are built. */
export async function buildProgramDocument(data: ProgramData, options: ExportOptions, m: Methodology = methodology): Promise<Document> {
  const ctx = createContext(data, m, options);
  startPictures(ctx);
  const f = furniture(ctx);
  // Consecutive content of one orientation shares a docx section; a new one starts a new page.
  const blocks: { landscape: boolean; children: FileChild[] }[] = [];
  const place = (landscape: boolean, child: FileChild) => {
    const last = blocks[blocks.length - 1];
    if (last?.landscape === landscape) last.children.push(child);
    else blocks.push({ landscape, children: [child] });
  };
  for (const s of m.docx.sections) {
    if (blocks[blocks.length - 1]?.landscape !== s.landscape) ctx.openPage();
    const children = renderSection(ctx, s.id, localize(s.title, ctx.lang), s.parts);
    for (const child of children ?? []) {
      if (!(child instanceof LandscapePages)) {
        place(s.landscape, child);
        continue;
      }
      // Headings that would end a portrait page go with the table they introduce.
      const carried: Paragraph[] = [];
      for (let last = blocks[blocks.length - 1]; last && !last.landscape && isHeading(last.children[last.children.length - 1]);) {
        carried.unshift(headingOnNewPage(last.children.pop() as Paragraph));
        if (!last.children.length) blocks.pop();
        last = blocks[blocks.length - 1];
      }
      for (const c of [...carried, ...child.children]) place(true, c);
    }
  }
  const sections = blocks.map((b, i) => sectionOptions(b.children, f, { landscape: b.landscape, titlePage: i === 0 }));
  await ctx.settled();
  return newDocument(ctx, programTitle(data.program, m.docx, ctx.lang), sections);
}

function standaloneHeading(lines: string[]): Paragraph[] {
  return lines.map(
    (text, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: i === lines.length - 1 ? 240 : 60 },
        children: [new TextRun({ text, bold: true, size: i === 0 ? SIZE.h1 : SIZE.body })],
      }),
  );
}

/** The multi-year action plan (T12) alone, on landscape pages. */
export function buildActionPlanDocument(data: ProgramData, options: ExportOptions, m: Methodology = methodology): Document {
  const ctx = createContext(data, m, options);
  const section = m.docx.sections.find((s) => s.id === "action_plan");
  const heading = section ? localize(section.title, ctx.lang) : "";
  const title = programTitle(data.program, m.docx, ctx.lang);
  const children = [...standaloneHeading([heading.toUpperCase(), title]), ...actionPlanTableBlock(ctx)];
  return newDocument(ctx, `${heading}. ${title}`, [sectionOptions(children, furniture(ctx), { landscape: true })]);
}

/** The first program year's implementation plan: actions active that year with that year's amounts. */
export function buildAnnualPlanDocument(data: ProgramData, options: ExportOptions, m: Methodology = methodology): Document {
  const ctx = createContext(data, m, options);
  const heading = ctx.t("doc.annualPlanHeading", { year: data.program.startYear });
  const title = programTitle(data.program, m.docx, ctx.lang);
  const children = [...standaloneHeading([heading.toUpperCase(), title, ctx.t("doc.unitNote")]), ...annualPlanBlock(ctx, false)];
  return newDocument(ctx, `${heading}. ${title}`, [sectionOptions(children, furniture(ctx), { landscape: true })]);
}

export function packDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
