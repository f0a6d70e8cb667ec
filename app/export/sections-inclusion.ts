/** Inclusive lens results (T9) and the gender analysis (profile, care, decisions, gaps T10 + chart). */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type FileChild } from "docx";
import { actionsOf, problemsOf } from "~/domain/links";
import { decisionShares, genderDataOf, genderProfile } from "~/domain/gender";
import { genderGapChartData } from "~/domain/gender-chart";
import { isGap, lensDataOf, lensLinkContext, lensSummary } from "~/domain/lens";
import { numbering } from "~/domain/strategy-tree";
import { genderGapsTable, genderGapTableRows } from "~/domain/tables/gender-gaps";
import { lensResultsTable, lensSummaryTable, type LensResultRow } from "~/domain/tables/lens-results";
import { localize } from "~/methodology/schema";
import { bullet, caption, para, paragraphsOf, SIZE, TEXT_WIDTH } from "./docx-kit";
import type { ExportContext } from "./context";
import { tableFromDefinition } from "./table-from-definition";

function lensRows(ctx: ExportContext): LensResultRow[] {
  const lens = lensDataOf(ctx.data);
  const problems = new Map(problemsOf(ctx.data).map((p) => [p.id, p.title]));
  const numbers = numbering(ctx.data);
  const actions = new Map(actionsOf(ctx.data).map((a) => [a.id, `${numbers[a.id] ?? ""} ${a.data.title}`.trim()]));
  const byQuestion = new Map<string, string[]>();
  for (const a of actionsOf(ctx.data)) for (const q of a.data.lensQuestionIds ?? []) byQuestion.set(q, [...(byQuestion.get(q) ?? []), actions.get(a.id)!]);
  return ctx.m.lens.blocks.flatMap((b) =>
    b.questions.flatMap((q) => {
      const a = lens?.answers[q.id];
      if (!a?.answer) return [];
      const answer = ctx.m.lens.answers.find((x) => x.id === a.answer);
      const links = [...a.problemIds.map((id) => problems.get(id)).filter(Boolean), ...new Set([...a.actionIds.map((id) => actions.get(id)).filter(Boolean), ...(byQuestion.get(q.id) ?? [])])] as string[];
      return [{
        number: q.number,
        question: localize(q.text, ctx.lang),
        answer: answer ? localize(answer.label, ctx.lang) : a.answer,
        evidence: a.evidence ?? "",
        links: links.length ? links.join("; ") : isGap(a) ? (a.justification ?? "") : "",
      }];
    }),
  );
}

export function lensSheetTable(ctx: ExportContext, captionText: string): FileChild[] {
  const rows = lensRows(ctx);
  if (!rows.length) return [ctx.pending("inclusive_lens")];
  return [...(captionText ? [caption(captionText)] : []), tableFromDefinition(lensResultsTable, rows, ctx.lang, { t: ctx.t, ctx: { t: ctx.t } })];
}

export function lensSection(ctx: ExportContext, title: string, parts: readonly string[]): FileChild[] {
  const out: FileChild[] = [ctx.section(title)];
  const lens = lensDataOf(ctx.data);
  if (!lens || !Object.keys(lens.answers ?? {}).length) return [...out, ctx.pending("inclusive_lens")];
  for (const part of parts) {
    if (part === "summary") {
      const s = lensSummary(lens, ctx.m.lens, lensLinkContext(ctx.data));
      const rows = s.blocks.map((r) => ({ ...r, title: `${r.blockId}. ${localize(ctx.m.lens.blocks.find((b) => b.id === r.blockId)!.title, ctx.lang)}` }));
      out.push(caption(ctx.t("doc.table", { n: ctx.tableNo(), title: ctx.t("doc.tables.lensSummary") })));
      out.push(tableFromDefinition(lensSummaryTable, rows, ctx.lang, { t: ctx.t, ctx: { t: ctx.t }, footer: [{ label: ctx.t("doc.total"), values: { questions: s.total.questions, answered: s.total.answered, gaps: s.total.gaps, linked: s.total.linked, justified: s.total.justified, open: s.total.open } }] }));
    }
    if (part === "t9") out.push(...lensSheetTable(ctx, ctx.t("doc.table", { n: ctx.tableNo(), title: ctx.t("doc.tables.t9") })));
  }
  return out;
}

/** Bar length in characters for the chart table (shaded no-break spaces draw the bar). */
const BAR = 36;
function bar(share: number, fill: string): TextRun {
  const n = Math.max(share > 0 ? 1 : 0, Math.round(share * BAR));
  return new TextRun({ text: "\u00a0".repeat(n), shading: { fill, color: "auto", type: "clear" as never }, size: SIZE.small });
}

/**
 * The gap chart as a table of shaded bars. The chart module exports SVG, but docx needs a PNG
 * fallback for SVG images and there is no rasteriser on the server; a bar table prints the same
 * comparison in Word and LibreOffice without one.
 */
function gapChart(ctx: ExportContext, rows: Parameters<typeof genderGapChartData>[0]): FileChild[] {
  const bars = genderGapChartData(rows);
  if (!bars.length) return [];
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const thin = { style: BorderStyle.SINGLE, size: 2, color: "BFBFBF" };
  const w = [Math.round(TEXT_WIDTH.portrait * 0.38), Math.round(TEXT_WIDTH.portrait * 0.62)];
  const text = (s: string, bold = false) => new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: s, bold, size: SIZE.small })] });
  const value = (v: number | null, unit: string) => (v === null ? "—" : `${ctx.fmt(v)}${unit ? ` ${unit}` : ""}`);
  const legend = new Paragraph({ spacing: { after: 80 }, children: [bar(0.05, "6F3C97"), new TextRun({ text: ` ${ctx.t("doc.col.women")}    `, size: SIZE.small }), bar(0.05, "1D70B8"), new TextRun({ text: ` ${ctx.t("doc.col.men")}`, size: SIZE.small })] });
  const table = new Table({
    width: { size: TEXT_WIDTH.portrait, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideVertical: none, insideHorizontal: thin },
    rows: bars.map(
      (b) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: w[0], type: WidthType.DXA }, children: [text(b.label, true)] }),
            new TableCell({
              width: { size: w[1], type: WidthType.DXA },
              children: [
                new Paragraph({ spacing: { after: 20 }, children: [bar(b.womenShare, "6F3C97"), new TextRun({ text: ` ${value(b.women, b.unit)}`, size: SIZE.small })] }),
                new Paragraph({ spacing: { after: 20 }, children: [bar(b.menShare, "1D70B8"), new TextRun({ text: ` ${value(b.men, b.unit)}`, size: SIZE.small })] }),
              ],
            }),
          ],
        }),
    ),
  });
  return [caption(ctx.t("doc.chartCaption")), legend, table, new Paragraph({ alignment: AlignmentType.LEFT, children: [] })];
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
        out.push(bullet(`${label}: ${t("doc.col.women").toLowerCase()} ${ctx.fmt(r.women)}, ${t("doc.col.men").toLowerCase()} ${ctx.fmt(r.men)}`));
      }
    } else if (part === "care" && g.unpaidCare && (g.unpaidCare.women !== undefined || g.unpaidCare.men !== undefined)) {
      out.push(ctx.sub(t("doc.parts.care")), para(t("doc.parts.careText", { women: ctx.fmt(g.unpaidCare.women), men: ctx.fmt(g.unpaidCare.men) })));
    } else if (part === "decision_making") {
      const shares = decisionShares(g, m.gender.decisionBodies).filter((s) => s.total !== null);
      if (!shares.length) continue;
      out.push(ctx.sub(t("doc.parts.decisionMaking")));
      for (const s of shares) out.push(bullet(`${t("doc.parts.decisionRow", { body: ctx.label(m.gender.decisionBodies, s.bodyId), women: ctx.fmt(s.women), total: ctx.fmt(s.total) })} (${ctx.pct(s.share)})`));
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
      const rows = genderGapTableRows(gaps, { domain: (id) => ctx.label(m.gender.gapDomains, id), needType: (id) => ctx.label(m.gender.needTypes, id), action: (id) => actions.get(id) });
      out.push(caption(t("doc.table", { n: ctx.tableNo(), title: t("doc.tables.t10") })));
      out.push(tableFromDefinition(genderGapsTable, rows, lang, { t, headerNs: "inclusion" }));
      out.push(...gapChart(ctx, gaps));
    }
  }
  return out;
}
