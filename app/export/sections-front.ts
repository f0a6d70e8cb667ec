/** Front matter: title page (three approval forms), contents, introduction, abbreviations. */
import { AlignmentType, Paragraph, TableOfContents, TextRun, type FileChild } from "docx";
import { participationSummary } from "~/domain/consultations";
import { placeLine } from "~/methodology/places.server";
import { one } from "~/domain/program-data";
import { STARTUP_KIND, type StartupData } from "~/domain/startup";
import { WORKING_GROUP_KIND, type WorkingGroupData } from "~/domain/working-group";
import { bullet, fill, para, SIZE, TEXT_WIDTH } from "./docx-kit";
import type { ExportContext } from "./context";
import { layoutTable } from "./table-from-definition";
import { approvalLine, formatDate, placeName, programTitle } from "./wording";

const line = (
  text: string,
  opts: {
    bold?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    before?: number;
    size?: number;
    italics?: boolean;
  } = {},
) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.LEFT,
    spacing: { before: opts.before ?? 0, after: 60 },
    children: [new TextRun({ text, bold: opts.bold, size: opts.size, italics: opts.italics })],
  });

function signatureBlock(ctx: ExportContext, head: string, role: string, name: string | undefined): Paragraph[] {
  return [
    line(head, { bold: true }),
    line(role),
    line(ctx.t("doc.signatureLine", { name: name ?? "" }).trimEnd(), { before: 240 }),
    line(ctx.t("doc.signatureDate"), { before: 120 }),
  ];
}

/** The title page: approval block(s) as the chosen style prescribes, the title, place and year. */
export function titlePage(ctx: ExportContext, title = programTitle(ctx.data.program, ctx.m.docx, ctx.lang)): FileChild[] {
  const { m, lang, data, style } = ctx;
  const w = m.docx.wording;
  const approval = ctx.options.approval ?? {};
  const place = placeName(data.program, lang);
  const out: FileChild[] = [];
  if (style.titlePage === "signature_blocks") {
    out.push(
      layoutTable(
        [
          signatureBlock(ctx, w.agreed[lang], fill(w.councilChair[lang], { council: place }), approval.chairName),
          signatureBlock(ctx, w.approve[lang], fill(w.aoHead[lang], { ao: place }), approval.headName),
        ],
        TEXT_WIDTH.portrait,
      ),
    );
  } else if (style.titlePage === "annex_line") {
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { left: Math.round(TEXT_WIDTH.portrait / 2) },
        children: [new TextRun({ text: approvalLine("annexLine", data.program, m.docx, lang, approval) })],
      }),
    );
  }
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 3600, after: 240, line: 360 },
      children: [new TextRun({ text: title.toUpperCase(), bold: true, size: SIZE.title })],
    }),
  );
  // Raion and oblast in the document's language under the title (codes of templates/geography.json).
  const region = placeLine(data.program.municipality, lang);
  if (region) out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: region })] }));
  // An approved program also states its resolution under signature blocks, so the title page
  // carries the kenesh's decision whichever form the style uses.
  if (style.titlePage === "resolution_line" || (style.titlePage === "signature_blocks" && approval.resolutionNumber))
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240 },
        children: [new TextRun({ text: approvalLine("resolutionLine", data.program, m.docx, lang, approval), italics: true })],
      }),
    );
  const year = (ctx.options.today ?? new Date().toISOString()).slice(0, 4);
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 5200 },
      children: [new TextRun({ text: ctx.t("doc.placeName", { place, year }) })],
    }),
  );
  return out;
}

export function contents(ctx: ExportContext): FileChild[] {
  const text = ctx.m.docx.wording.contents[ctx.lang];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      pageBreakBefore: true,
      spacing: { after: 240 },
      children: [new TextRun({ text: text.toUpperCase(), bold: true, size: SIZE.h1 })],
    }),
    new TableOfContents(text, { hyperlink: true, headingStyleRange: "1-2" }),
  ];
}

export function introduction(ctx: ExportContext, title: string): FileChild[] {
  const { data, t, lang } = ctx;
  const out: FileChild[] = [ctx.section(title, { numbered: false })];
  const startup = one<StartupData>(data, STARTUP_KIND)?.data;
  out.push(ctx.sub(t("doc.intro.legalBasis")));
  if (startup?.legalBasis?.length)
    out.push(...startup.legalBasis.map((b) => bullet(b.reference ? `${b.title} (${b.reference})` : b.title)));
  else out.push(ctx.pending("startup"));
  if (startup?.orderNumber)
    out.push(para(t("doc.intro.order", { number: startup.orderNumber, date: formatDate(startup.orderDate, ctx.m.docx, lang) })));
  out.push(para(t("doc.intro.period", { start: data.program.startYear, end: data.program.endYear })));
  out.push(ctx.sub(t("doc.intro.process")));
  out.push(...processParagraphs(ctx));
  return out;
}

/** Working group size and women's share, participation in consultations. */
export function processParagraphs(ctx: ExportContext): FileChild[] {
  const { data, t } = ctx;
  const out: FileChild[] = [];
  const members = one<WorkingGroupData>(data, WORKING_GROUP_KIND)?.data.members ?? [];
  if (members.length) {
    const women = members.filter((mm) => mm.sex === "f").length;
    out.push(para(t("doc.intro.workingGroup", { count: members.length, women, share: ctx.pct(women / members.length) })));
  } else out.push(ctx.pending("working_group"));
  const p = participationSummary(data);
  if (p.meetings > 0)
    out.push(
      para(
        t("doc.intro.participation", {
          meetings: p.meetings,
          hearings: p.publicHearings,
          count: p.participants,
          participants: ctx.fmt(p.participants),
          women: ctx.fmt(p.women),
          share: ctx.pct(p.womenShare),
          pwd: ctx.fmt(p.pwd),
          youth: ctx.fmt(p.youth),
        }),
      ),
    );
  else out.push(ctx.pending("consultations"));
  return out;
}

export function abbreviations(ctx: ExportContext, title: string): FileChild[] {
  return [
    ctx.section(title, { numbered: false }),
    ...ctx
      .t("doc.abbreviations")
      .split(";")
      .map((a) => para(a.trim(), { indent: false })),
  ];
}
