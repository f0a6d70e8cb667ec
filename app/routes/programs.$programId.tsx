import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Outlet, useLoaderData, useLocation, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { ProgramLink, ProgramNavLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { CanEditProvider } from "~/components/can-edit";
import { ErrorMessage } from "~/components/error-message";
import { LeaveGuard } from "~/components/form-draft-lazy";
import { VersionBanner } from "~/components/version-banner";
import { hasMunicipalPermission } from "~/auth/authorize.server";
import { placeLine } from "~/methodology/places.server";
import { requireProgram } from "~/services/program-access.server";
import { stagePaths } from "~/domain/stage-paths";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { municipalityById } from "~/services/programs.server";
import { commentCounts } from "~/services/comments.server";

/** Layout of every program page: who may do what, and the stage navigation. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, canEdit, canComment, read, user } = await requireProgram(request, params.programId);
  const { lang } = await getT(request);
  const municipality = (await municipalityById(program.municipality_id))!;
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
      place: placeLine(municipality, lang),
    },
    canEdit,
    canComment,
    /** The working group may edit in general; the note for a locked program then says why, not "only the working group". */
    workingGroup: hasMunicipalPermission(user, program.municipality_id, "program:edit"),
    /** Set while a frozen version is open (?version=): every page shows it read-only. */
    viewing: read.version,
    /** Comment threads per anchor, read by every "Comments (n)" link and row marker (components/comment-link.tsx). */
    comments: await commentCounts(program.id),
    stages: methodology.stages.map((s) => ({ id: s.id, order: s.order, title: localize(s.shortTitle, lang), path: stagePaths[s.id] })),
  });
}

export type ProgramLayoutData = ReturnType<typeof useProgramLayout>;
export function useProgramLayout() {
  return useRouteLoaderData<typeof loader>("routes/programs.$programId")!;
}

export default function ProgramLayout() {
  const data = useLoaderData<typeof loader>();
  return (
    <ProgramFrame data={data}>
      <CanEditProvider value={data.canEdit}>
        {data.canEdit ? <LeaveGuard /> : null}
        <Outlet />
      </CanEditProvider>
    </ProgramFrame>
  );
}

/**
 * A program page that failed (an action that does not exist, a refused form) keeps the program's
 * frame: breadcrumbs, stage navigation and the way back, with what happened in the user's words.
 * When the program itself cannot be read, the site's boundary (root.tsx) answers instead.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const data = useRouteLoaderData<typeof loader>("routes/programs.$programId");
  if (!data) throw error;
  return (
    <ProgramFrame data={data}>
      <ErrorMessage error={error}>
        <p>
          <ProgramLink to={`/programs/${data.program.id}`}>{t("programs.backToWorkspace")}</ProgramLink>
        </p>
      </ErrorMessage>
    </ProgramFrame>
  );
}

/** Breadcrumbs, the stage bar (a menu on small screens), the read-only notes and the stage pagination. */
function ProgramFrame({ data, children }: { data: SerializeFrom<typeof loader>; children: React.ReactNode }) {
  const { t } = useTranslation();
  const { program, stages, canEdit, viewing, workingGroup } = data;
  const { pathname } = useLocation();
  const base = `/programs/${program.id}`;
  const index = stages.findIndex((s) => pathname === `${base}/${s.path}` || pathname.startsWith(`${base}/${s.path}/`));
  const previous = index > 0 ? stages[index - 1] : null;
  const next = index >= 0 && index < stages.length - 1 ? stages[index + 1] : null;
  const stageList =
    index >= 0 ? (
      <ol>
        {stages.map((s) => (
          <li key={s.id}>
            <ProgramNavLink to={`${base}/${s.path}`}>
              <span className="stage-nav__n">{s.order}</span> {s.title}
            </ProgramNavLink>
          </li>
        ))}
      </ol>
    ) : null;
  return (
    <div className="program-layout">
      <p className="breadcrumbs">
        <ProgramLink to="/programs">{t("nav.programs")}</ProgramLink> ›{" "}
        <ProgramLink to={base}>
          {program.municipalityName}: {program.title}
        </ProgramLink>
      </p>
      {index >= 0 ? (
        <>
          {/* Wide screens: the stage bar. Small screens: the same list folded into a menu (a
              <details>, so it works without JavaScript); CSS shows one of the two. */}
          <nav aria-label={t("programs.stagesNav")} className="stage-nav stage-nav--wide">
            {stageList}
          </nav>
          <details className="stage-menu">
            <summary>{t("programs.stageMenu", { n: stages[index].order, total: stages.length, title: stages[index].title })}</summary>
            <nav aria-label={t("programs.stagesNav")} className="stage-nav">
              {stageList}
            </nav>
          </details>
        </>
      ) : null}
      {viewing ? (
        <VersionBanner version={viewing} programId={program.id} pathname={pathname} docxHref={viewing.docxHref} />
      ) : !canEdit && workingGroup && !program.archived ? (
        <p className="notice" role="note">
          {t("programs.lockedForWorkingGroup", { status: t(`status.${program.status}`) })}
        </p>
      ) : !canEdit ? (
        <p className="notice" role="note">
          {t("programs.readOnly")}
        </p>
      ) : null}
      {children}
      {index >= 0 ? (
        <nav aria-label={t("programs.pagination")} className="pagination">
          {previous ? (
            <ProgramLink to={`${base}/${previous.path}`} rel="prev">
              ← {t("programs.previousStage")}: {previous.title}
            </ProgramLink>
          ) : (
            <span />
          )}
          <ProgramLink to={base}>{t("programs.backToWorkspace")}</ProgramLink>
          {next ? (
            <ProgramLink to={`${base}/${next.path}`} rel="next">
              {t("programs.nextStage")}: {next.title} →
            </ProgramLink>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
