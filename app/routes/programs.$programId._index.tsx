import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { exportHref } from "~/domain/export-urls";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { programRoles } from "~/auth/authorize.server";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { WorkflowNotice } from "~/components/workflow-notice";
import { useProgramLayout } from "./programs.$programId";
import { isComplete, summaryValues } from "~/domain/completeness";
import { stageCompleteness } from "~/domain/stage-completeness";
import { stageHref } from "~/domain/stage-paths";
import { workflowNotice } from "~/services/workflow-notice.server";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read, user } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const data = await read.programData();
  const stages = methodology.stages.map((s) => {
    const c = stageCompleteness(s.id, data, methodology);
    return {
      id: s.id,
      order: s.order,
      title: localize(s.title, lang),
      href: stageHref(program.id, s.id),
      completeness: c,
      complete: isComplete(c),
      guidance: {
        what: localize(s.guidance.what, lang),
        who: localize(s.guidance.who, lang),
        produces: localize(s.guidance.produces, lang),
      },
    };
  });
  const current = stages.find((s) => !s.complete) ?? null;
  // The review's state for the live program (a frozen version shows its own banner instead).
  const workflow = !read.version && !program.archived_at ? await workflowNotice(program, programRoles(user, program)) : null;
  return json({
    workflow,
    id: program.id,
    title: program.title,
    methodologyVersion: program.methodology_version,
    stages,
    currentId: current?.id ?? null,
    t: t("workspace.title"),
  });
}

export default function Workspace() {
  const { t } = useTranslation(["common", "program", "files"]);
  const data = useLoaderData<typeof loader>();
  const { program } = useProgramLayout();
  const current = data.stages.find((s) => s.id === data.currentId);
  return (
    <>
      <h1>{data.title}</h1>
      <p className="lead" data-testid="program-place">
        {program.municipalityName}
        {program.place ? ` · ${program.place}` : ""}
      </p>
      {data.workflow ? <WorkflowNotice programId={data.id} data={data.workflow} /> : null}
      {current ? (
        <section className="notice" aria-labelledby="next-step">
          <h2 id="next-step">{t("program:workspace.nextStep", { n: current.order, title: current.title })}</h2>
          <p>{current.guidance.what}</p>
          <dl className="summary-list">
            <dt>{t("program:workspace.who")}</dt>
            <dd>{current.guidance.who}</dd>
            <dt>{t("program:workspace.produces")}</dt>
            <dd>{current.guidance.produces}</dd>
          </dl>
          <ProgramLink className="button" to={current.href}>
            {t("program:workspace.goToStage")}
          </ProgramLink>
        </section>
      ) : (
        <p className="notice notice--success">{t("program:workspace.allComplete")}</p>
      )}
      <h2>{t("program:workspace.stages")}</h2>
      <ol className="stage-list">
        {data.stages.map((s) => (
          <li key={s.id}>
            <span className="stage-list__n">{s.order}</span>
            <span>
              <ProgramLink to={s.href}>{s.title}</ProgramLink>
              <span className="progress"> — {t(`program:${s.completeness.summaryKey}`, summaryValues(s.completeness))}</span>
            </span>
            <span className={`tag ${s.complete ? "tag--ok" : s.completeness.done > 0 ? "tag--warn" : "tag--muted"}`}>
              {s.complete
                ? t("program:workspace.done")
                : s.completeness.done > 0
                  ? t("program:workspace.inProgress")
                  : t("program:workspace.notStarted")}
            </span>
          </li>
        ))}
      </ol>
      <p className="progress">{t("program:workspace.methodologyVersion", { version: data.methodologyVersion })}</p>
      <h2>{t("program:workspace.tools")}</h2>
      <ul className="tool-list">
        <li>
          <ProgramLink to={`/programs/${data.id}/export`}>{t("program:workspace.toolExport")}</ProgramLink> —{" "}
          {t("program:workspace.toolExportHint")}
        </li>
        <li>
          <ProgramLink to={`/programs/${data.id}/check`}>{t("program:workspace.toolCheck")}</ProgramLink> —{" "}
          {t("program:workspace.toolCheckHint")}
        </li>
        <li>
          <ProgramLink to={`/programs/${data.id}/trace`}>{t("program:workspace.toolTrace")}</ProgramLink> —{" "}
          {t("program:workspace.toolTraceHint")}
        </li>
        <li>
          <ProgramLink to={`/programs/${data.id}/status`}>{t("program:workspace.toolStatus")}</ProgramLink> —{" "}
          {t("program:workspace.toolStatusHint")}
        </li>
        <li>
          <ProgramLink to={`/programs/${data.id}/comments`}>{t("program:workspace.toolComments")}</ProgramLink>
        </li>
        <li>
          <ProgramLink to={`/programs/${data.id}/versions`}>{t("program:workspace.toolVersions")}</ProgramLink> ·{" "}
          <ProgramLink to={`/programs/${data.id}/history`}>{t("program:history.link")}</ProgramLink>
        </li>
        <li>
          <a href={exportHref(data.id, "json")} download>
            {t("files:export.json")}
          </a>{" "}
          — {t("files:export.jsonHint")}
        </li>
        <li>
          <ProgramLink to={`/programs/${data.id}/settings`}>{t("program:settings.link")}</ProgramLink>
        </li>
      </ul>
    </>
  );
}
