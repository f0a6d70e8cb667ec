import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MINISTRY_VISIBLE_STATUSES, requireGlobalPermission } from "~/auth/authorize.server";
import { pageTitle } from "~/components/page-title";
import { db } from "~/db.server";
import { getT } from "~/i18n/i18n.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireGlobalPermission(request, "program:read-all-submitted");
  const { t, lang } = await getT(request);
  const programs = await db
    .selectFrom("program")
    .innerJoin("municipality", "municipality.id", "program.municipality_id")
    .select(["program.id", "program.title", "program.start_year", "program.end_year", "program.status", "municipality.name_ru", "municipality.name_ky", "municipality.oblast", "municipality.raion"])
    .where("program.status", "in", [...MINISTRY_VISIBLE_STATUSES])
    .where("program.archived_at", "is", null)
    .orderBy("municipality.name_ru")
    .execute();
  return json({
    title: t("ministry.title"),
    programs: programs.map((p) => ({ id: p.id, title: p.title, period: `${p.start_year}–${p.end_year}`, status: p.status, municipality: lang === "ky" ? p.name_ky : p.name_ru, oblast: p.oblast, raion: p.raion })),
  });
}

export default function MinistryHome() {
  const { t } = useTranslation();
  const { programs } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("ministry.title")}</h1>
      <p className="lead">{t("ministry.lead")}</p>
      {programs.length === 0 ? (
        <p>{t("ministry.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("ministry.municipality")}</th>
                <th scope="col">{t("ministry.program")}</th>
                <th scope="col">{t("programs.period")}</th>
                <th scope="col">{t("ministry.status")}</th>
              </tr>
            </thead>
            <tbody>
              {programs.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.municipality}
                    <span className="hint">{p.raion}, {p.oblast}</span>
                  </td>
                  <td>
                    <Link to={`/programs/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{p.period}</td>
                  <td>{t(`status.${p.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
