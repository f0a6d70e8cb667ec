/**
 * The compliance report as a table definition (rule, type, result, evidence, justification),
 * shared by the DOCX annex and any later XLSX export. Pure: texts come through the context.
 */
import type { RuleReport } from "../compliance/run";
import { evidenceText, type Translate } from "../compliance/evidence-text";
import { localize, type Lang } from "~/methodology/schema";

export interface ComplianceTableContext {
  lang: Lang;
  t: Translate;
}

export interface ComplianceColumn {
  id: string;
  header: string;
  kind: "text" | "number";
  accessor: (row: RuleReport, ctx: ComplianceTableContext) => string | number;
}

export const complianceTable: { id: string; title: string; columns: ComplianceColumn[] } = {
  id: "compliance-report",
  title: "compliance:report.title",
  columns: [
    { id: "number", header: "compliance:report.number", kind: "text", accessor: (r) => String(r.rule.number) },
    { id: "rule", header: "compliance:report.rule", kind: "text", accessor: (r, ctx) => localize(r.rule.text, ctx.lang) },
    {
      id: "severity",
      header: "compliance:report.severity",
      kind: "text",
      accessor: (r, ctx) => ctx.t(`compliance:severity.${r.rule.severity}`),
    },
    {
      id: "status",
      header: "compliance:report.status",
      kind: "text",
      accessor: (r, ctx) =>
        ctx.t(`compliance:status.${r.status}`) + (r.justification ? ` (${ctx.t("compliance:justification.justified")})` : ""),
    },
    {
      id: "evidence",
      header: "compliance:report.evidence",
      kind: "text",
      accessor: (r, ctx) => r.evidence.map((e) => evidenceText(ctx.t, e, ctx.lang)).join("\n"),
    },
    { id: "justification", header: "compliance:report.justification", kind: "text", accessor: (r) => r.justification?.text ?? "" },
  ],
};
