/** The program's review status: what state it is in, what this user may do now, the log and the approval. */
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { programRoles } from "~/auth/authorize.server";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { StatusTag, TransitionForm, useDateFormat, useDayFormat } from "~/components/review";
import { allowedActions, checkTransition, transitionFormSchema } from "~/domain/workflow";
import { parseErrorMessage } from "~/domain/validation";
import { getT } from "~/i18n/i18n.server";
import { ExpectedFailure } from "~/http/expected-failure";
import { statusHistory, transition } from "~/services/workflow.server";
import { readForm } from "~/http/read-form.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, user } = await requireProgram(request, params.programId);
  const { t } = await getT(request);
  const roles = programRoles(user, program);
  const { log, approval, approvals } = await statusHistory(program.id);
  return json({
    title: t("review:status.title"),
    status: program.status,
    archived: !!program.archived_at,
    actions: program.archived_at
      ? []
      : allowedActions(program.status, roles)
          .filter((r) => r.action !== "restore")
          .map((r) => ({ action: r.action, requires: r.requires })),
    log: log.map((l) => ({
      ...l,
      details: l.details ? (JSON.parse(l.details) as { publicationUrl?: string; restoredFrom?: number }) : null,
    })),
    approval,
    // Records no longer true (reopened, corrected, withdrawn): shown with why, never deleted.
    endedApprovals: approvals.filter((a) => a.endReason !== null),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Deputies and ministry staff act here too, so "read" access; the workflow table decides the rest.
  const { program, user } = await requireProgram(request, params.programId);
  const formData = await readForm(request, { schema: transitionFormSchema("none") });
  const roles = programRoles(user, program);
  const check = checkTransition(program.status, String(formData.get("action") ?? ""), roles);
  if (!check.ok) return json({ forbidden: `review:errors.${check.reason}`, result: null, action: null }, { status: 403 });
  const submission = parseWithZod(formData, { schema: transitionFormSchema(check.rule.requires) });
  if (submission.status !== "success")
    return json({ forbidden: null, result: submission.reply(), action: check.rule.action }, { status: 400 });
  const v = submission.value;
  try {
    await transition({
      programId: program.id,
      action: v.action,
      userId: user.id,
      roles,
      comment: v.comment,
      approval:
        v.resolutionNumber && v.resolutionDate && v.chairName
          ? { resolutionNumber: v.resolutionNumber, resolutionDate: v.resolutionDate, chairName: v.chairName }
          : undefined,
      publicationUrl: v.publicationUrl,
    });
  } catch (e) {
    if (!(e instanceof ExpectedFailure)) throw e;
    if (e.kind === "invalid")
      return json(
        { forbidden: null, result: submission.reply({ fieldErrors: e.fieldErrors }), action: check.rule.action },
        { status: 400 },
      );
    return json({ forbidden: e.messageKey, result: null, action: null }, { status: e.status });
  }
  return redirect(`/programs/${program.id}/status?done=${v.action}`);
}

export default function StatusPage() {
  const { t } = useTranslation(["review", "common"]);
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const date = useDateFormat();
  const day = useDayFormat();
  const done = params.get("done");
  return (
    <>
      <h1>{t("status.title")}</h1>
      <p className="lead">
        {t("status.current")}: <StatusTag status={data.status} />
      </p>
      {done ? (
        <p className="notice notice--success" role="status">
          {t(`actions.${done}.done`, { defaultValue: t("status.done") })}
        </p>
      ) : null}
      {actionData?.forbidden ? (
        <p className="notice notice--error" role="alert">
          {t(parseErrorMessage(actionData.forbidden).key, parseErrorMessage(actionData.forbidden).values)}
        </p>
      ) : null}
      <p>
        <ProgramLink to="../versions">{t("versions.link")}</ProgramLink> · <ProgramLink to="../comments">{t("comments.link")}</ProgramLink>
      </p>

      {data.approval ? (
        <section aria-labelledby="approval-title" className="notice">
          <h2 id="approval-title">{t("approval.title")}</h2>
          <dl className="summary-list">
            <dt>{t("approval.number")}</dt>
            <dd>{data.approval.resolutionNumber}</dd>
            <dt>{t("approval.date")}</dt>
            <dd>{day(data.approval.resolutionDate)}</dd>
            <dt>{t("approval.chair")}</dt>
            <dd>{data.approval.chairName}</dd>
          </dl>
          <p className="hint">{t("approval.recordedNote")}</p>
        </section>
      ) : null}
      {data.endedApprovals.length > 0 ? (
        <section aria-labelledby="approval-history-title">
          <h2 id="approval-history-title">{t("approval.historyTitle")}</h2>
          <ul className="approval-history">
            {data.endedApprovals.map((a) => (
              <li key={a.id}>
                {t("approval.line", { number: a.resolutionNumber, date: day(a.resolutionDate), chair: a.chairName })}.{" "}
                {t(`approval.ended.${a.endReason}`, { when: date(a.endedAt!), who: a.endedByName ?? "—" })}
                {a.endComment ? <> {t("approval.reason", { reason: a.endComment })}</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2>{t("status.actionsTitle")}</h2>
      {data.actions.length === 0 ? <p>{t("status.noActions")}</p> : null}
      {data.actions.map((a) => (
        <TransitionForm
          key={a.action}
          action={a.action}
          requires={a.requires}
          lastResult={actionData?.action === a.action ? actionData.result : undefined}
          defaults={
            a.action === "correct_approval" && data.approval
              ? {
                  resolutionNumber: data.approval.resolutionNumber,
                  resolutionDate: data.approval.resolutionDate,
                  chairName: data.approval.chairName,
                }
              : undefined
          }
        />
      ))}

      <h2 id="log-title">{t("status.logTitle")}</h2>
      {data.log.length === 0 ? (
        <p>{t("status.logEmpty")}</p>
      ) : (
        <TableScroll labelledBy="log-title">
          <table aria-labelledby="log-title">
            <thead>
              <tr>
                <th scope="col">{t("status.when")}</th>
                <th scope="col">{t("status.who")}</th>
                <th scope="col">{t("status.change")}</th>
                <th scope="col">{t("status.comment")}</th>
                <th scope="col">{t("versions.version")}</th>
              </tr>
            </thead>
            <tbody>
              {data.log.map((l) => (
                <tr key={l.id}>
                  <td>{date(l.created_at)}</td>
                  <td>{l.userName ?? "—"}</td>
                  <td>
                    {t(`actions.${l.action}.title`)}: {t(`common:status.${l.from_status}`)} → {t(`common:status.${l.to_status}`)}
                  </td>
                  <td>
                    {l.comment ?? ""}
                    {l.details?.publicationUrl ? (
                      <>
                        {" "}
                        <a href={l.details.publicationUrl} rel="noreferrer">
                          {l.details.publicationUrl}
                        </a>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {l.version_id ? (
                      <ProgramLink to={`../versions/${l.version_id}`}>{t("versions.numbered", { n: l.versionNumber })}</ProgramLink>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
