import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProgram } from "~/services/program-access.server";
import { attachmentHeaders, exportFileName } from "~/domain/file-names";
import { buildProgramWorkbook, workbookBuffer, XLSX_CONTENT_TYPE } from "~/export/xlsx.server";
import { exportLanguage } from "~/domain/export-urls";

/** The data tables as one workbook; sheet names and headers in the asked language (?lang=), else the program's; any reader may download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  // The request's ProgramContext, in the asked language (?lang=), else the program's.
  const pc = await read.context(exportLanguage(request) ?? program.language);
  const buffer = await workbookBuffer(buildProgramWorkbook(pc, pc.lang));
  const name = exportFileName(pc.data.program.municipality.nameRu, program.start_year, program.end_year, "xlsx", "tables");
  return new Response(new Uint8Array(buffer), {
    headers: { "Content-Type": XLSX_CONTENT_TYPE, "Content-Length": String(buffer.length), ...attachmentHeaders(name) },
  });
}
