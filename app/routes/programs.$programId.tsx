import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/auth/authorize.server";
import { db } from "~/db.server";
import { stagePaths } from "~/domain/stage-paths";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { getMunicipality } from "~/models/program.server";

/** Layout of every program page: who may do what, and the stage navigation. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, canEdit, canComment } = await requireProgram(request, params.programId);
  const { lang } = await getT(request);
  const municipality = (await getMunicipality(db, program.municipality_id))!;
  return json({
    program: {
      id: program.id,
      title: program.title,
      startYear: program.start_year,
      endYear: program.end_year,
      language: program.language,
      status: program.status,
      archived: !!program.archived_at,
      municipalityName: lang === "ky" ? municipality.name_ky : municipality.name_ru,
    },
    canEdit,
    canComment,
    stages: methodology.stages.map((s) => ({ id: s.id, order: s.order, title: localize(s.shortTitle, lang), path: stagePaths[s.id] })),
  });
}

export type ProgramLayoutData = ReturnType<typeof useProgramLayout>;
export function useProgramLayout() {
  return useRouteLoaderData<typeof loader>("routes/programs.$programId")!;
}

export default function ProgramLayout() {
  const { t } = useTranslation();
  const { program, stages, canEdit } = useLoaderData<typeof loader>();
  return (
    <div className="program-layout">
      <p className="breadcrumbs">
        <Link to="/programs">{t("nav.programs")}</Link> › <Link to={`/programs/${program.id}`}>{program.municipalityName}: {program.title}</Link>
      </p>
      {!canEdit ? (
        <p className="notice" role="note">
          {t("programs.readOnly")}
        </p>
      ) : null}
      <Outlet />
      <nav aria-label={t("programs.stagesNav")} className="stage-nav">
        <h2 className="visually-hidden">{t("programs.stagesNav")}</h2>
        <ol>
          {stages.map((s) => (
            <li key={s.id}>
              <NavLink to={`/programs/${program.id}/${s.path}`}>{s.title}</NavLink>
            </li>
          ))}
        </ol>
      </nav>
    </div>
  );
}
