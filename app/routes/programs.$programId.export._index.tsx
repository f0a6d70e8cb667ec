import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/services/program-access.server";
import { DownloadForm } from "~/components/download";
import { pageTitle } from "~/components/page-title";
import { exportPath, type ExportId } from "~/domain/export-urls";
import { languageNames } from "~/i18n/config";
import { FINAL_STATUSES } from "~/services/downloads.server";
import { getT } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireProgram(request, params.programId);
  const { t } = await getT(request);
  return json({
    title: t("export:page.title"),
    programId: program.id,
    programLanguage: program.language,
    language: languageNames[program.language as "ru" | "ky"] ?? program.language,
    draft: !FINAL_STATUSES.includes(program.status),
    firstYear: program.start_year,
  });
}

/**
 * The downloads, each a GET form with its language (the program's first): files, not pages, so
 * without JavaScript the browser simply downloads; with it, a notice shows while the file is built.
 */
export default function ExportPage() {
  const { t } = useTranslation("export");
  const data = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  // Files of the version being read when one is open (?version=), else of the current program.
  const version = search.get("version");
  const params: Record<string, string> = version ? { version } : {};
  const files: { id: ExportId; label: string; hint: string }[] = [
    { id: "program", label: t("page.program"), hint: t("page.programHint") },
    { id: "actionPlan", label: t("page.actionPlan"), hint: t("page.actionPlanHint") },
    { id: "annualPlan", label: t("page.annualPlan", { year: data.firstYear }), hint: t("page.annualPlanHint") },
  ];
  return (
    <>
      <h1>{t("page.title")}</h1>
      <p>{t("page.intro")}</p>
      <p>{t("page.language", { lang: data.language })}</p>
      {data.draft ? <p className="notice">{t("page.draft")}</p> : null}
      <ul className="download-list">
        {files.map((f) => (
          <li key={f.id}>
            <DownloadForm
              id={f.id}
              action={exportPath(data.programId, f.id)}
              params={params}
              defaultLanguage={data.programLanguage}
              label={f.label}
              languageNames={languageNames}
            />
            <p className="hint">{f.hint}</p>
          </li>
        ))}
        <li>
          <DownloadForm
            id="xlsx"
            action={exportPath(data.programId, "xlsx")}
            params={params}
            defaultLanguage={data.programLanguage}
            label={t("files:xlsx.download")}
            languageNames={languageNames}
            secondary
          />
          <p className="hint">
            {t("files:xlsx.downloadHint")} <a href={`/programs/${data.programId}/import/xlsx`}>{t("files:xlsx.uploadLink")}</a>
          </p>
        </li>
      </ul>
      <p className="hint">{t("page.approvalNote")}</p>
    </>
  );
}
