import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMunicipalPermission } from "~/auth/authorize.server";
import { pageTitle } from "~/components/page-title";
import { PROGRAM_FILE_MAX_BYTES } from "~/domain/program-file";
import { getT } from "~/i18n/i18n.server";
import { parseProgramFile, validateElements, type ImportProblem, importNewProgram } from "~/services/program-file.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request }: LoaderFunctionArgs) {
  const municipality = new URL(request.url).searchParams.get("municipality") ?? undefined;
  const { municipalityId } = await requireMunicipalPermission(request, municipality, "program:create");
  const { t } = await getT(request);
  return json({ title: t("files:import.title"), municipalityId, maxMb: PROGRAM_FILE_MAX_BYTES / 1024 / 1024 });
}

const refuse = (errors: ImportProblem[]) => json({ errors }, { status: 400 });

export async function action({ request }: ActionFunctionArgs) {
  const municipality = new URL(request.url).searchParams.get("municipality") ?? undefined;
  const { user, municipalityId } = await requireMunicipalPermission(request, municipality, "program:create");
  // Refused by size before anything is read or parsed.
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > PROGRAM_FILE_MAX_BYTES + 64 * 1024)
    return refuse([{ path: "", messageKey: "files:errors.tooLarge", values: { max: PROGRAM_FILE_MAX_BYTES / 1024 / 1024 } }]);
  let text: string;
  try {
    const form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: PROGRAM_FILE_MAX_BYTES }),
    );
    const file = form.get("file");
    if (!(file instanceof Blob) || file.size === 0) return refuse([{ path: "", messageKey: "files:errors.noFile" }]);
    text = await file.text();
  } catch {
    return refuse([{ path: "", messageKey: "files:errors.tooLarge", values: { max: PROGRAM_FILE_MAX_BYTES / 1024 / 1024 } }]);
  }
  const parsed = parseProgramFile(text);
  if (!parsed.ok) return refuse(parsed.errors);
  const problems = validateElements(parsed.file);
  if (problems.length) return refuse(problems.slice(0, 50));
  const id = await importNewProgram({ file: parsed.file, municipalityId, userId: user.id });
  return redirect(`/programs/${id}?imported=1`);
}

export default function ImportProgram() {
  const { t } = useTranslation(["files", "common"]);
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("import.title")}</h1>
      <p className="lead">{t("import.lead")}</p>
      {result?.errors?.length ? (
        <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="import-errors">
          <h2 id="import-errors">{t("import.errorsTitle")}</h2>
          <ul>
            {result.errors.map((e, i) => (
              <li key={i}>
                {e.path ? <code>{e.path}</code> : null} {e.path ? ": " : ""}
                {t(e.messageKey, (e.values ?? {}) as Record<string, string>)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data">
        <div className={`field${result?.errors?.length ? " field--error" : ""}`}>
          <label htmlFor="import-file">{t("import.file")}</label>
          <span className="hint" id="import-file-hint">
            {t("import.fileHint", { max: data.maxMb })}
          </span>
          <input id="import-file" name="file" type="file" accept="application/json,.json" aria-describedby="import-file-hint" required />
        </div>
        <button type="submit" className="button">
          {t("import.submit")}
        </button>
      </Form>
    </>
  );
}
