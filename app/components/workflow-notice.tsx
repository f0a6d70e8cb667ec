/**
 * Where the program stands in the review, on the workspace: its status, the request still open
 * (the deputies' request for changes, the ministry's findings) with who asked and when, and the
 * next step read from the workflow table. Plain text and links, no form: the workspace stays small.
 */
import { useTranslation } from "react-i18next";
import { ProgramLink } from "~/components/program-link";
import { StatusTag, useDateFormat } from "./status-tag";

export interface WorkflowNoticeData {
  status: string;
  request: { action: string; comment: string | null; userName: string | null; createdAt: string } | null;
  mine: string[];
  waitingFor: string[];
  theirs: string[];
}

export function WorkflowNotice({ programId, data }: { programId: number; data: WorkflowNoticeData }) {
  const { t } = useTranslation(["program", "review", "common"]);
  const date = useDateFormat();
  const statusHref = `/programs/${programId}/status`;
  const actionTitle = (a: string) => `«${t(`review:actions.${a}.title`)}»`;
  const tone = data.request ? "notice notice--warning" : "notice";
  return (
    <section className={`${tone} workflow-notice`} aria-labelledby="workflow-title">
      <h2 id="workflow-title">{t("program:workspace.workflowTitle")}</h2>
      <p>
        {t("program:workspace.workflowStatus")}: <StatusTag status={data.status} />
      </p>
      {data.request ? (
        <figure className="workflow-notice__request">
          <figcaption>
            {t(`program:workspace.request.${data.request.action}`, {
              who: data.request.userName ?? "—",
              when: date(data.request.createdAt),
            })}
          </figcaption>
          <blockquote>{data.request.comment}</blockquote>
        </figure>
      ) : null}
      {data.mine.length > 0 ? (
        <>
          <h3>{t("program:workspace.yourNextStep")}</h3>
          <ul>
            {data.mine.map((a) => (
              <li key={a}>
                <ProgramLink to={statusHref}>{t(`review:actions.${a}.title`)}</ProgramLink> — {t(`review:actions.${a}.hint`)}
              </li>
            ))}
          </ul>
        </>
      ) : data.theirs.length > 0 ? (
        <p>
          {t("program:workspace.waitingFor", {
            roles: data.waitingFor.map((r) => t(`common:roles.${r}`)).join(", "),
            actions: data.theirs.map(actionTitle).join(", "),
          })}{" "}
          <ProgramLink to={statusHref}>{t("program:workspace.openStatus")}</ProgramLink>
        </p>
      ) : (
        <p>
          {t("program:workspace.nothingNext")} <ProgramLink to={statusHref}>{t("program:workspace.openStatus")}</ProgramLink>
        </p>
      )}
    </section>
  );
}
