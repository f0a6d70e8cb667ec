import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/auth/authorize.server";
import { pageTitle } from "~/components/page-title";
import { useKeepVersion } from "~/components/program-link";
import { languageNames } from "~/i18n/config";
import { FINAL_STATUSES } from "~/export/download.server";
import { getT } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireProgram(request, params.programId);
  const { t } = await getT(request);
  return json({
    title: t("export:page.title"),
    programId: program.id,
    language: languageNames[program.language as "ru" | "ky"] ?? program.language,
    draft: !FINAL_STATUSES.includes(program.status),
    firstYear: program.start_year,
  });
}

/** Three downloads; plain links (reloadDocument) because they are files, not pages. */
export default function ExportPage() {
  const { t } = useTranslation("export");
  const data = useLoaderData<typeof loader>();
  // Files of the version being read when one is open (?version=), else of the current program.
  const keep = useKeepVersion();
  const base = `/programs/${data.programId}/export`;
  const links = [
    { href: keep(`${base}/docx`), label: t("page.program"), hint: t("page.programHint") },
    { href: keep(`${base}/action-plan/docx`), label: t("page.actionPlan"), hint: t("page.actionPlanHint") },
    { href: keep(`${base}/annual-plan/docx`), label: t("page.annualPlan", { year: data.firstYear }), hint: t("page.annualPlanHint") },
  ];
  return (
    <>
      <h1>{t("page.title")}</h1>
      <p>{t("page.intro")}</p>
      <p>{t("page.language", { lang: data.language })}</p>
      {data.draft ? <p className="notice">{t("page.draft")}</p> : null}
      <ul className="summary-list">
        {links.map((l) => (
          <li key={l.href}>
            <a className="button" href={l.href} download>
              {l.label}
            </a>
            <p className="hint">{l.hint}</p>
          </li>
        ))}
        <li>
          <a className="button button--secondary" href={keep(`${base}/xlsx`)} download>
            {t("files:xlsx.download")}
          </a>
          <p className="hint">
            {t("files:xlsx.downloadHint")} <a href={`/programs/${data.programId}/import/xlsx`}>{t("files:xlsx.uploadLink")}</a>
          </p>
        </li>
      </ul>
      <p className="hint">{t("page.approvalNote")}</p>
    </>
  );
}
