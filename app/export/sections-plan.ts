/** Strategy (vision, T11), action plan (T12), financing (T13, first-year plan), M&E (T14), risks (T15). */
import type { FileChild } from "docx";
import { affordability, annualPlan, financingMatrix, ownRevenueByYear } from "~/domain/financing";
import { MONITORING_KIND, RISKS_KIND, groupComposition, type MonitoringData, type RisksData } from "~/domain/monitoring";
import { one } from "~/domain/program-data";
import { VISION_KIND, type VisionData } from "~/domain/strategy";
import {
  actionPlanGroups,
  actionPlanTable,
  actionPlanTotalsRow,
  planLabelContext,
  type PlanLabelContext,
} from "~/domain/tables/action-plan";
import {
  annualPlanBySource,
  annualPlanTable,
  annualPlanTotalsRow,
  financingRows,
  financingTable,
  financingTotalsRow,
  usedSourceIds,
} from "~/domain/tables/financing";
import { meMatrixRows, meMatrixTable } from "~/domain/tables/me-matrix";
import { monitoringGroupTable, risksTable } from "~/domain/tables/risks";
import { strategyFrameworkRows, strategyFrameworkTable } from "~/domain/tables/strategy-framework";
import { caption, para, paragraphsOf } from "./docx-kit";
import type { ExportContext } from "./context";
import { tableFromDefinition, type FooterRow } from "./table-from-definition";

export function planLabels(ctx: ExportContext): PlanLabelContext {
  return planLabelContext(ctx.pc, ctx.t);
}

const tableCaption = (ctx: ExportContext, key: string, params: Record<string, unknown> = {}) =>
  caption(ctx.t("doc.table", { n: ctx.tableNo(), title: ctx.t(key, params) }));

export function strategy(ctx: ExportContext, title: string, parts: readonly string[]): FileChild[] {
  const out: FileChild[] = [ctx.section(title)];
  const { data, m, lang, t } = ctx;
  for (const part of parts) {
    if (part === "vision") {
      const vision = one<VisionData>(data, VISION_KIND)?.data;
      out.push(ctx.sub(t("doc.parts.vision")));
      out.push(...(vision?.text?.trim() ? paragraphsOf(vision.text) : [ctx.pending("strategy")]));
    }
    if (part === "t11") {
      out.push(ctx.sub(t("doc.parts.framework")));
      const rows = strategyFrameworkRows(data);
      if (!rows.length) {
        out.push(ctx.pending("strategy"));
        continue;
      }
      const form = ctx.pc.chosenForm;
      const fctx = {
        t,
        level: (depth: number) => form.levels[depth]?.label ?? "",
        nationalProgram: (id: string) => ctx.label(m.reference.nationalPrograms, id),
        finalYear: data.program.endYear,
        formatNumber: (v: number) => ctx.fmt(v, 2),
      };
      const def = {
        columns: strategyFrameworkTable.columns.map((c) =>
          c.id === "target" ? { ...c, headerParams: { year: data.program.endYear } } : c,
        ),
      };
      out.push(tableCaption(ctx, "doc.tables.t11"), tableFromDefinition(def, rows, lang, { t, ctx: fctx }));
    }
  }
  return out;
}

/** T12 grouped by objective, with totals; source columns nobody uses are left out. */
export function actionPlanTableBlock(ctx: ExportContext): FileChild[] {
  const { data, lang, t, pc } = ctx;
  const groups = actionPlanGroups(data, pc.levels).filter((g) => g.rows.length > 0);
  const rows = groups.flatMap((g) => g.rows);
  if (!rows.length) return [ctx.pending("action_plan")];
  const totals = actionPlanTotalsRow(rows);
  const sourceIds = pc.sourceIds.filter((id) => (totals[`source.${id}`] ?? 0) > 0);
  const def = actionPlanTable(sourceIds);
  const groupTitles = new Map<number, string>();
  let index = 0;
  for (const g of groups) {
    groupTitles.set(index, `${g.objective.number}. ${g.objective.title}`);
    index += g.rows.length;
  }
  const footer: FooterRow = { label: t("doc.total"), values: totals };
  return [
    tableCaption(ctx, "doc.tables.t12"),
    tableFromDefinition(def, rows, lang, { t, ctx: planLabels(ctx), landscape: true, groupTitles, footer: [footer] }),
  ];
}

/** The implementation plan of the first program year, with that year's amounts. */
export function annualPlanBlock(ctx: ExportContext, withCaption = true): FileChild[] {
  const { data, lang, t, pc } = ctx;
  const year = data.program.startYear;
  const rows = annualPlan(data, year);
  if (!rows.length) return [ctx.pending("financing")];
  const sourceIds = usedSourceIds(pc.sourceIds, annualPlanBySource(rows));
  const footer: FooterRow = { label: t("doc.total"), values: annualPlanTotalsRow(rows, sourceIds) };
  return [
    ...(withCaption ? [tableCaption(ctx, "doc.tables.annualPlan", { year })] : []),
    tableFromDefinition(annualPlanTable(sourceIds), rows, lang, { t, ctx: planLabels(ctx), landscape: true, footer: [footer] }),
  ];
}

export function actionPlanSection(ctx: ExportContext, title: string, parts: readonly string[]): FileChild[] {
  const out: FileChild[] = [ctx.section(title, { pageBreak: false })];
  for (const part of parts) {
    if (part === "t12") out.push(...actionPlanTableBlock(ctx));
    if (part === "first_year") out.push(ctx.sub(ctx.t("doc.parts.firstYear")), ...annualPlanBlock(ctx));
  }
  return out;
}

export function financingSection(ctx: ExportContext, title: string, pageBreak: boolean): FileChild[] {
  const { data, lang, t, pc } = ctx;
  const out: FileChild[] = [ctx.section(title, { pageBreak })];
  const matrix = financingMatrix(data, pc.sourceIds);
  if (matrix.total <= 0) return [...out, ctx.pending("financing")];
  const { rows } = financingRows(matrix);
  const footer: FooterRow = { label: t("doc.total"), values: financingTotalsRow(matrix) };
  out.push(
    tableCaption(ctx, "doc.tables.t13"),
    tableFromDefinition(financingTable(matrix.years), rows, lang, { t, ctx: planLabels(ctx), landscape: true, footer: [footer] }),
  );
  // Only the affordability check is printed: the same matrix, no second pass over the actions.
  const fctx = pc.financing;
  const afford = affordability(matrix, fctx, ownRevenueByYear(data, fctx.ownRevenueRowIds));
  const shares = afford.years.map((y) => y.share).filter((s): s is number => s !== null);
  if (shares.length) out.push(para(t("doc.parts.affordability", { share: ctx.pct(Math.max(...shares)), max: ctx.pct(afford.max) })));
  // The same verdict as rule 14 and the workspace: the years over the limit are named, not averaged away.
  if (afford.overYears.length)
    out.push(
      para(
        t("doc.parts.affordabilityOver", { years: afford.overYears.join(", "), count: afford.overYears.length, max: ctx.pct(afford.max) }),
      ),
    );
  return out;
}

export function monitoringSection(ctx: ExportContext, title: string, parts: readonly string[], pageBreak: boolean): FileChild[] {
  const { data, lang, t, m } = ctx;
  const out: FileChild[] = [ctx.section(title, { pageBreak })];
  const mon = one<MonitoringData>(data, MONITORING_KIND)?.data;
  const labels = { t, group: (id: string) => ctx.label(m.reference.vulnerableGroups, id) };
  for (const part of parts) {
    if (part === "t14") {
      const rows = meMatrixRows(data, ctx.pc.levels);
      if (!rows.length) {
        out.push(ctx.pending("indicators"));
        continue;
      }
      const mctx = { t, frequency: (id: string) => ctx.label(m.reference.indicatorFrequencies, id), lang };
      out.push(
        tableCaption(ctx, "doc.tables.t14"),
        tableFromDefinition(meMatrixTable(data.program), rows, lang, { t, ctx: mctx, landscape: true }),
      );
    }
    if (part === "joint_me_group") {
      out.push(ctx.sub(t("doc.parts.jointGroup")));
      if (!mon?.members?.length) {
        out.push(ctx.pending("review"));
        continue;
      }
      const c = groupComposition(mon);
      out.push(
        para(t("doc.parts.groupText", { count: c.total, women: c.women, share: ctx.pct(c.womenShare), pwd: c.pwd, youth: c.youth })),
      );
      out.push(
        tableCaption(ctx, "doc.tables.monitoringGroup"),
        tableFromDefinition(monitoringGroupTable, mon.members, lang, { t, ctx: labels, landscape: true }),
      );
    }
    if (part === "reporting") {
      out.push(ctx.sub(t("doc.parts.reporting")));
      if (!mon?.reportingFrequency) out.push(ctx.pending("review"));
      else
        out.push(
          para(
            t("doc.parts.reportingText", {
              frequency: ctx.label(m.reference.indicatorFrequencies, mon.reportingFrequency),
              to: mon.reportTo || "—",
            }),
          ),
        );
    }
  }
  return out;
}

export function risksSection(ctx: ExportContext, title: string, pageBreak: boolean): FileChild[] {
  const rows = one<RisksData>(ctx.data, RISKS_KIND)?.data.rows ?? [];
  const out: FileChild[] = [ctx.section(title, { pageBreak })];
  if (!rows.length) return [...out, ctx.pending("review")];
  const labels = { t: ctx.t, group: (id: string) => ctx.label(ctx.m.reference.vulnerableGroups, id) };
  return [...out, tableCaption(ctx, "doc.tables.t15"), tableFromDefinition(risksTable, rows, ctx.lang, { t: ctx.t, ctx: labels })];
}
