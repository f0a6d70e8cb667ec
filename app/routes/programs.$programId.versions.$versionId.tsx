/**
 * Old address of a version's page. A version is now read on the program's own pages
 * (`?version=<id>` on any of them, see services/program-reader.server.ts), so this sends the
 * reader to the version's workspace; links saved before keep working.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireProgram } from "~/services/program-access.server";
import { isVersionOf } from "~/services/workflow.server";
import { notFound } from "~/http/expected-failure";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireProgram(request, params.programId);
  const versionId = params.versionId ?? "";
  if (!/^[1-9][0-9]{0,9}$/.test(versionId)) throw notFound();
  // A version of another program (or none) is a 404 here, not a redirect to a page that 404s:
  // the answer must not depend on whether the id exists elsewhere.
  if (!(await isVersionOf(program.id, Number(versionId)))) throw notFound();
  return redirect(`/programs/${program.id}?version=${Number(versionId)}`);
}
