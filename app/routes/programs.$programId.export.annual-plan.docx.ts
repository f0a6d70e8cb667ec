import type { LoaderFunctionArgs } from "@remix-run/node";
import { docxDownload } from "~/services/downloads.server";

/** GET: the annual-plan as a DOCX file, in the program's language (?style=<docx style id> optional). */
export function loader({ request, params }: LoaderFunctionArgs) {
  return docxDownload(request, params.programId, "annual-plan");
}
