import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { hasGlobalPermission, requireUser } from "~/auth/authorize.server";
import { roleHas } from "~/auth/permissions";
import { pageTitle } from "~/components/page-title";
import { getT } from "~/i18n/i18n.server";
import { programsOverview } from "~/services/programs.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "programs.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t, lang } = await getT(request);
  const municipalityIds = [
    ...new Set(user.memberships.filter((m) => roleHas(m.role, "program:read") && m.municipalityId).map((m) => m.municipalityId!)),
  ];
  const showArchived = new URL(request.url).searchParams.get("archived") === "1";
  const { municipalities, programs } = await programsOverview(municipalityIds, showArchived);
  const canCreate = new Set(user.memberships.filter((m) => roleHas(m.role, "program:create")).map((m) => m.municipalityId));
  return json({
    title: t("programs.title"),
    showArchived,
    isMinistry: hasGlobalPermission(user, "program:read-all-submitted"),
    municipalities: municipalities.map((m) => ({
      id: m.id,
      name: lang === "ky" ? m.name_ky : m.name_ru,
      canCreate: canCreate.has(m.id),
      programs: programs
        .filter((p) => p.municipality_id === m.id)
        .map((p) => ({
          id: p.id,
          title: p.title,
          period: `${p.start_year}–${p.end_year}`,
          language: p.language,
          status: p.status,
          archived: !!p.archived_at,
        })),
    })),
  });
}

export default function ProgramsPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("programs.title")}</h1>
      {data.municipalities.length === 0 ? <p>{t("programs.noMunicipality")}</p> : null}
      {data.municipalities.map((m) => (
        <section key={m.id} aria-labelledby={`m-${m.id}`}>
          <h2 id={`m-${m.id}`}>{m.name}</h2>
          {m.programs.length === 0 ? <p>{t("programs.none")}</p> : null}
          <ul className="card-list">
            {m.programs.map((p) => (
              <li key={p.id}>
                <Link to={`/programs/${p.id}`}>
                  <strong>{p.title}</strong>
                </Link>{" "}
                <span className="tag tag--muted">{t(`status.${p.status}`)}</span>
                {p.archived ? <span className="tag tag--warn">{t("programs.archived")}</span> : null}
                <div className="progress">
                  {t("programs.period")}: {p.period} · {t("programs.documentLanguage")}: {t(`docLanguage.${p.language}`)}
                </div>
              </li>
            ))}
          </ul>
          {m.canCreate ? (
            <div className="button-group">
              <Link className="button" to={`/programs/new?municipality=${m.id}`}>
                {t("programs.create")}
              </Link>
              <Link className="button button--secondary" to={`/programs/import?municipality=${m.id}`}>
                {t("files:import.title")}
              </Link>
            </div>
          ) : null}
        </section>
      ))}
      <p>
        <Link to={data.showArchived ? "/programs" : "/programs?archived=1"}>
          {data.showArchived ? t("programs.hideArchived") : t("programs.showArchived")}
        </Link>
      </p>
    </>
  );
}
