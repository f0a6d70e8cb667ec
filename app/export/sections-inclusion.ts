/** Inclusive lens results (T9) and the gender analysis (profile, care, decisions, gaps T10 + chart picture). */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, type FileChild } from "docx";
import { actionsOf, problemsOf } from "~/domain/element-kinds";
import { decisionShares, genderDataOf, genderProfile } from "~/domain/gender";
import { genderGapChartData, genderGapChartSvg } from "~/domain/gender-chart";
import { isGap, lensDataOf, lensLinkContext, lensSummary } from "~/domain/lens";
import { numbering } from "~/domain/strategy-tree";
import { genderGapsTable, genderGapTableRows } from "~/domain/tables/gender-gaps";
import { lensResultsTable, lensSummaryTable, type LensResultRow } from "~/domain/tables/lens-results";
import { localize } from "~/methodology/schema";
import { bullet, caption, para, paragraphsOf, SIZE, TEXT_WIDTH } from "./docx-kit";
import type { ExportContext } from "./context";
import { tableFromDefinition } from "./table-from-definition";
import { svgToPng, type ChartPicture } from "./chart-image.server";

/** Rows of T9, one per answered question, each marked whether its answer is a gap (not "yes"). */
function lensRows(ctx: ExportContext): (LensResultRow & { gap: boolean })[] {
  const lens = lensDataOf(ctx.data);
  // Rows exist only for answered questions: skip numbering the whole tree when there are none.
  if (!Object.values(lens?.answers ?? {}).some((a) => a?.answer)) return [];
  const problems = new Map(problemsOf(ctx.data).map((p) => [p.id, p.title]));
  const numbers = numbering(ctx.data);
  const actions = new Map(actionsOf(ctx.data).map((a) => [a.id, `${numbers[a.id] ?? ""} ${a.data.title}`.trim()]));
  const byQuestion = new Map<string, string[]>();
  for (const a of actionsOf(ctx.data))
    for (const q of a.data.lensQuestionIds ?? []) byQuestion.set(q, [...(byQuestion.get(q) ?? []), actions.get(a.id)!]);
  return ctx.m.lens.blocks.flatMap((b) =>
    b.questions.flatMap((q) => {
      const a = lens?.answers[q.id];
      if (!a?.answer) return [];
      const answer = ctx.m.lens.answers.find((x) => x.id === a.answer);
      const links = [
        ...a.problemIds.map((id) => problems.get(id)).filter(Boolean),
        ...new Set([...a.actionIds.map((id) => actions.get(id)).filter(Boolean), ...(byQuestion.get(q.id) ?? [])]),
      ] as string[];
      return [
        {
          number: q.number,
          question: localize(q.text, ctx.lang),
          answer: answer ? localize(answer.label, ctx.lang) : a.answer,
          evidence: a.evidence ?? "",
          links: links.length ? links.join("; ") : isGap(a) ? (a.justification ?? "") : "",
          gap: isGap(a),
        },
      ];
    }),
  );
}

/** T9: the whole answer sheet, or with `gapsOnly` the gap list (what answers each gap). */
export function lensSheetTable(ctx: ExportContext, captionText: string, gapsOnly = false): FileChild[] {
  const answered = lensRows(ctx);
  const rows = gapsOnly ? answered.filter((r) => r.gap) : answered;
  if (!rows.length)
    return [
      answered.length ? para(ctx.t("doc.parts.lensNoGaps", { yes: ctx.label(ctx.m.lens.answers, "yes") })) : ctx.pending("inclusive_lens"),
    ];
  return [
    ...(captionText ? [caption(captionText)] : []),
    tableFromDefinition(lensResultsTable, rows, ctx.lang, { t: ctx.t, ctx: { t: ctx.t } }),
  ];
}

export function lensSection(ctx: ExportContext, title: string, parts: readonly string[]): FileChild[] {
  const out: FileChild[] = [ctx.section(title)];
  const lens = lensDataOf(ctx.data);
  if (!lens || !Object.keys(lens.answers ?? {}).length) return [...out, ctx.pending("inclusive_lens")];
  for (const part of parts) {
    if (part === "summary") {
      const s = lensSummary(lens, ctx.m.lens, lensLinkContext(ctx.data));
      const rows = s.blocks.map((r) => ({
        ...r,
        title: `${r.blockId}. ${localize(ctx.m.lens.blocks.find((b) => b.id === r.blockId)!.title, ctx.lang)}`,
      }));
      out.push(caption(ctx.t("doc.table", { n: ctx.tableNo(), title: ctx.t("doc.tables.lensSummary") })));
      out.push(
        tableFromDefinition(lensSummaryTable, rows, ctx.lang, {
          t: ctx.t,
          ctx: { t: ctx.t },
          footer: [
            {
              label: ctx.t("doc.total"),
              values: {
                questions: s.total.questions,
                answered: s.total.answered,
                gaps: s.total.gaps,
                linked: s.total.linked,
                justified: s.total.justified,
                open: s.total.open,
              },
            },
          ],
        }),
      );
    }
    // "gap_list": the gaps and what answers them, the whole sheet being an annex ("lens_sheet"); "t9": the whole sheet here.
    if (part === "t9" || part === "gap_list") {
      const gapsOnly = part === "gap_list";
      out.push(
        ...lensSheetTable(
          ctx,
          ctx.t("doc.table", { n: ctx.tableNo(), title: ctx.t(gapsOnly ? "doc.tables.t9gaps" : "doc.tables.t9") }),
          gapsOnly,
        ),
      );
    }
  }
  return out;
}

/** The chart spans the portrait text width: twips → pixels at 96 dpi (1 px = 15 twips). */
const CHART_WIDTH_PX = Math.floor(TEXT_WIDTH.portrait / 15);
/** PNG pixels per displayed pixel: about 140 dpi in print, and still one small, quick render. */
const PNG_SCALE = 1.5;

interface GapChartDrawing {
  svg: string;
  labels: { title: string; desc: string; women: string; men: string };
  /** "label: women 31 %, men 17 %" for the alt text. */
  values: string[];
  picture: Promise<ChartPicture>;
}

const gapChartDrawings = new WeakMap<ExportContext, GapChartDrawing | null>();

/**
 * The gap chart of the program's gender analysis, its PNG being drawn on the thread pool; made
 * once per export (null without a gap row that has a value for women or men).
 */
function gapChartDrawing(ctx: ExportContext): GapChartDrawing | null {
  if (gapChartDrawings.has(ctx)) return gapChartDrawings.get(ctx)!;
  const rows = genderDataOf(ctx.data)?.gaps ?? [];
  const bars = genderGapChartData(rows);
  let drawing: GapChartDrawing | null = null;
  if (bars.length) {
    const { t } = ctx;
    const labels = {
      title: t("inclusion:gender.chart.title"),
      desc: t("inclusion:gender.chart.desc"),
      women: t("inclusion:gender.women"),
      men: t("inclusion:gender.men"),
    };
    const svg = genderGapChartSvg(rows, { ...labels, formatNumber: (v: number) => ctx.fmt(v) }, "docx-gender-gap-chart");
    const value = (v: number | null, unit: string) => (v === null ? "—" : `${ctx.fmt(v)}${unit ? ` ${unit}` : ""}`);
    const values = bars.map(
      (b) => `${b.label}: ${labels.women.toLowerCase()} ${value(b.women, b.unit)}, ${labels.men.toLowerCase()} ${value(b.men, b.unit)}`,
    );
    const picture = svgToPng(svg, CHART_WIDTH_PX * PNG_SCALE);
    ctx.later(picture);
    drawing = { svg, labels, values, picture };
  }
  gapChartDrawings.set(ctx, drawing);
  return drawing;
}

/**
 * Pictures take longest: the builder starts drawing them before the first section, so they are
 * ready by the time their section is reached or soon after.
 */
export function startPictures(ctx: ExportContext): void {
  const gender = ctx.m.docx.sections.find((s) => s.id === "gender");
  if (gender?.parts.includes("t10")) gapChartDrawing(ctx);
}

/**
 * The gap chart as a picture: the SVG of app/domain/gender-chart.ts (the one the web page shows)
 * embedded as SVG with a PNG fallback rasterised by resvg. Word draws the vector; viewers without
 * SVG support show the PNG. Alt text carries the title and every pair of values; a caption
 * follows the picture. Without a row that has a value for women or men, a placeholder says so.
 */
function gapChart(ctx: ExportContext): FileChild[] {
  const drawing = gapChartDrawing(ctx);
  if (!drawing) return [ctx.pending("gender")];
  const { svg, labels, values } = drawing;
  // Single line spacing stated in full: LibreOffice clips a picture to one text line when the
  // paragraph inherits the document's 1.15 spacing without an explicit "auto" rule.
  const holder = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 240, after: 60, line: 240, lineRule: LineRuleType.AUTO },
    children: [],
  });
  // The picture joins its paragraph when drawn, before the builder hands the document out.
  ctx.later(
    drawing.picture.then((picture) =>
      holder.addChildElement(
        new ImageRun({
          type: "svg",
          data: Buffer.from(svg, "utf8"),
          fallback: { type: "png", data: picture.png },
          transformation: { width: CHART_WIDTH_PX, height: Math.round((CHART_WIDTH_PX * picture.height) / picture.width) },
          altText: { name: "gender-gap-chart", title: labels.title, description: `${labels.desc} ${values.join("; ")}.` },
        }),
      ),
    ),
  );
  return [
    holder,
    para(ctx.t("doc.chartCaption"), { align: AlignmentType.CENTER, indent: false, bold: true, size: SIZE.small + 2, after: 240 }),
  ];
}

export function genderSection(ctx: ExportContext, title: string, parts: readonly string[]): FileChild[] {
  const out: FileChild[] = [ctx.section(title)];
  const g = genderDataOf(ctx.data);
  const { m, lang, t } = ctx;
  if (!g) return [...out, ctx.pending("gender")];
  const done = new Set<string>();
  for (const part of parts) {
    if (part === "profile") {
      const profile = genderProfile(ctx.data, { profileRows: m.gender.profileRows, ageBands: m.reference.ageBands });
      if (!profile.hasData) continue;
      out.push(ctx.sub(t("doc.parts.profile")));
      for (const r of profile.rows) {
        if (r.women === null && r.men === null) continue;
        const label = r.ageBandId ? ctx.label(m.reference.ageBands, r.ageBandId) : ctx.label(m.gender.profileRows, r.profileRowId);
        out.push(
          bullet(`${label}: ${t("doc.col.women").toLowerCase()} ${ctx.fmt(r.women)}, ${t("doc.col.men").toLowerCase()} ${ctx.fmt(r.men)}`),
        );
      }
    } else if (part === "care" && g.unpaidCare && (g.unpaidCare.women !== undefined || g.unpaidCare.men !== undefined)) {
      out.push(
        ctx.sub(t("doc.parts.care")),
        para(t("doc.parts.careText", { women: ctx.fmt(g.unpaidCare.women), men: ctx.fmt(g.unpaidCare.men) })),
      );
    } else if (part === "decision_making") {
      const shares = decisionShares(g, m.gender.decisionBodies).filter((s) => s.total !== null);
      if (!shares.length) continue;
      out.push(ctx.sub(t("doc.parts.decisionMaking")));
      for (const s of shares)
        out.push(
          bullet(
            `${t("doc.parts.decisionRow", { body: ctx.label(m.gender.decisionBodies, s.bodyId), women: ctx.fmt(s.women), total: ctx.fmt(s.total) })} (${ctx.pct(s.share)})`,
          ),
        );
    } else if ((part === "activities" || part === "access_control" || part === "needs") && g.factors?.trim() && !done.has("factors")) {
      done.add("factors");
      out.push(ctx.sub(t("doc.parts.factors")), ...paragraphsOf(g.factors));
    } else if (part === "t10") {
      out.push(ctx.sub(t("doc.parts.gaps")));
      const gaps = g.gaps ?? [];
      if (!gaps.length) {
        out.push(ctx.pending("gender"));
        continue;
      }
      const numbers = numbering(ctx.data);
      const actions = new Map(actionsOf(ctx.data).map((a) => [a.id, `${numbers[a.id] ?? ""} ${a.data.title}`.trim()]));
      const rows = genderGapTableRows(gaps, {
        domain: (id) => ctx.label(m.gender.gapDomains, id),
        needType: (id) => ctx.label(m.gender.needTypes, id),
        action: (id) => actions.get(id),
      });
      out.push(caption(t("doc.table", { n: ctx.tableNo(), title: t("doc.tables.t10") })));
      out.push(tableFromDefinition(genderGapsTable, rows, lang, { t, headerNs: "inclusion" }));
      out.push(...gapChart(ctx));
    }
  }
  return out;
}
