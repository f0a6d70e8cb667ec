import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProgram } from "~/services/program-access.server";
import { attachmentHeaders, exportFileName } from "~/domain/file-names";
import { programFileOf } from "~/services/program-file.server";

/** "Download program file": the whole program as one JSON document. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireProgram(request, params.programId);
  const file = await programFileOf(program.id);
  const name = exportFileName(file.municipality.nameRu, program.start_year, program.end_year, "json");
  return new Response(JSON.stringify(file, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", ...attachmentHeaders(name) },
  });
}
