/**
 * The compliance report as a DOCX annex: a heading, one line on what was checked, the
 * summary and the rule table (app/domain/tables/compliance.ts). `complianceReportSection`
 * returns plain children so the program document can append it as an annex.
 */
import { Document, Packer, PageOrientation, type Paragraph, type Table } from "docx";
import type { ComplianceReport } from "~/domain/compliance/run";
import { complianceTable } from "~/domain/tables/compliance";
import { documentStyles, heading, para } from "./docx-kit";
import { docTranslator, type DocLang } from "./i18n";
import { tableFromDefinition } from "./table-from-definition";

export function complianceReportSection(
  report: ComplianceReport,
  lang: DocLang,
  about?: { program: string; date: string },
): (Paragraph | Table)[] {
  const t = docTranslator(lang);
  const children: (Paragraph | Table)[] = [heading(t("compliance:report.title"), 1)];
  if (about) children.push(para(t("compliance:report.generated", about), { indent: false }));
  children.push(
    para(t("compliance:summary", { blockers: report.blockersFailing, warnings: report.warningsFailing }), { indent: false, bold: true }),
  );
  children.push(tableFromDefinition(complianceTable, report.rules, lang, { ctx: { lang, t }, t, landscape: true }));
  return children;
}

/** A stand-alone document with only the annex (landscape A4: the evidence column is wide). */
export function buildComplianceDocument(report: ComplianceReport, lang: DocLang, about: { program: string; date: string }): Document {
  return new Document({
    title: about.program,
    styles: documentStyles(lang),
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1134, bottom: 850, left: 1134, right: 1134 },
          },
        },
        children: complianceReportSection(report, lang, about),
      },
    ],
  });
}

export function packComplianceDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
