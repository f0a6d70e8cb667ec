/** Annexes: working group, consultations (participants by sex), hearing comments, lens sheet, data tables, resolution. */
import { commentsTable } from "~/domain/tables/comments";
import { HeadingLevel, Paragraph, TextRun, type FileChild } from "docx";
import { consultationsOf } from "~/domain/consultations";
import { one } from "~/domain/program-data";
import { consultationsTable, consultationTableRows } from "~/domain/tables/consultations";
import { workingGroupTable } from "~/domain/tables/working-group";
import { WORKING_GROUP_KIND, type WorkingGroupData } from "~/domain/working-group";
import { formatDate } from "~/domain/format";
import { para, placeholder } from "./docx-kit";
import type { ExportContext } from "./context";
import { labelContext } from "./sections-analysis";
import { lensSheetTable } from "./sections-inclusion";
import { tableFromDefinition } from "./table-from-definition";

const PARTS: Record<string, string> = {
  working_group: "doc.tables.workingGroup",
  consultations: "doc.tables.consultations",
  hearing_comments: "doc.parts.hearingComments",
  lens_sheet: "doc.tables.lensSheet",
  data_tables: "doc.parts.dataTables",
  resolution: "doc.parts.resolution",
};

function annexHeading(ctx: ExportContext, titleKey: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    children: [new TextRun({ text: ctx.t("doc.annex", { n: ctx.annexNo(), title: ctx.t(titleKey) }) })],
  });
}

export function annexes(ctx: ExportContext, title: string, parts: readonly string[]): FileChild[] {
  const { data, lang, t, m } = ctx;
  const out: FileChild[] = [ctx.section(title, { numbered: false })];
  for (const part of parts) {
    const key = PARTS[part];
    if (!key) continue;
    out.push(annexHeading(ctx, key));
    if (part === "working_group") {
      const members = one<WorkingGroupData>(data, WORKING_GROUP_KIND)?.data.members ?? [];
      if (!members.length) out.push(ctx.pending("working_group"));
      else
        out.push(
          tableFromDefinition(workingGroupTable, members, lang, {
            t,
            ctx: {
              t,
              role: (id: string | undefined) => ctx.label(m.reference.workingGroupRoles, id),
              group: (id: string) => ctx.label(m.reference.vulnerableGroups, id),
            },
          }),
        );
    } else if (part === "consultations") {
      const meetings = consultationTableRows(consultationsOf(data));
      if (!meetings.length) out.push(ctx.pending("consultations"));
      else {
        const sum = (f: (x: (typeof meetings)[number]) => number) => meetings.reduce((s, x) => s + (Number(f(x)) || 0), 0);
        const labels = {
          ...labelContext(ctx),
          format: (id: string) => ctx.label(m.reference.consultationFormats, id),
          allVillages: "—",
          date: (iso: string) => formatDate(iso, lang),
        };
        const footer = [
          {
            label: t("doc.total"),
            values: {
              men: sum((x) => x.men),
              women: sum((x) => x.women),
              total: sum((x) => x.men + x.women),
              pwd: sum((x) => x.pwd),
              youth: sum((x) => x.youth),
            },
          },
        ];
        out.push(tableFromDefinition(consultationsTable, meetings, lang, { t, ctx: labels, footer }));
      }
    } else if (part === "hearing_comments") {
      const rows = ctx.options.comments ?? [];
      if (!rows.length) out.push(placeholder(t("doc.parts.hearingCommentsEmpty")));
      else
        out.push(
          tableFromDefinition(commentsTable, rows, lang, {
            t,
            ctx: {
              t,
              stageTitle: (id: string) =>
                ctx.label(
                  m.stages.map((st) => ({ id: st.id, label: st.title })),
                  id,
                ),
            },
          }),
        );
    } else if (part === "lens_sheet") out.push(...lensSheetTable(ctx, ""));
    else if (part === "data_tables") out.push(para(t("doc.parts.dataTablesText")));
    else if (part === "resolution") out.push(placeholder(t("doc.parts.resolutionText")));
  }
  return out;
}
