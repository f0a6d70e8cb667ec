import { formatDate } from "~/domain/format";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProgram } from "~/services/program-access.server";
import { attachmentHeaders, exportFileName } from "~/domain/file-names";
import { buildComplianceDocument, packComplianceDocx } from "~/export/compliance-docx";
import { getT } from "~/i18n/i18n.server";
import { DOCX_TYPE, exportLanguage } from "~/domain/export-urls";
import { programCompliance } from "~/services/compliance.server";

/** The compliance report as a DOCX annex, in the asked language (?lang=), else the reader's UI language (it is a review document). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireProgram(request, params.programId);
  const lang = exportLanguage(request) ?? (await getT(request)).lang;
  const { data, report } = await programCompliance(program.id);
  const doc = buildComplianceDocument(report, lang, {
    program: `${data.program.municipality.nameRu}: ${program.title}`,
    date: formatDate(new Date(), lang),
  });
  const buffer = await packComplianceDocx(doc);
  const name = exportFileName(data.program.municipality.nameRu, program.start_year, program.end_year, "docx", "compliance");
  return new Response(new Uint8Array(buffer), {
    headers: { "Content-Type": DOCX_TYPE, ...attachmentHeaders(name) },
  });
}
