/**
 * Old address of a version's page. A version is now read on the program's own pages
 * (`?version=<id>` on any of them, see services/program-reader.server.ts), so this sends the
 * reader to the version's workspace; links saved before keep working.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { notFound, requireProgram } from "~/auth/authorize.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireProgram(request, params.programId);
  const versionId = params.versionId ?? "";
  if (!/^[1-9][0-9]{0,9}$/.test(versionId)) throw notFound();
  return redirect(`/programs/${program.id}?version=${versionId}`);
}
