/** Frozen versions of the program: open one, compare two, or (coordinator) start a new draft from one. */
import { exportHref } from "~/domain/export-urls";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { programRoles } from "~/auth/authorize.server";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { StatusTag, TransitionForm, useDateFormat } from "~/components/review";
import { checkTransition, transitionFormSchema } from "~/domain/workflow";
import { parseErrorMessage } from "~/domain/validation";
import { getT } from "~/i18n/i18n.server";
import { ExpectedFailure } from "~/http/expected-failure";
import { listVersions, transition } from "~/services/workflow.server";
import { readForm } from "~/http/read-form.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, user } = await requireProgram(request, params.programId);
  const { t } = await getT(request);
  const versions = await listVersions(program.id);
  return json({
    title: t("review:versions.title"),
    base: `/programs/${program.id}`,
    programId: program.id,
    canRestore: !program.archived_at && checkTransition(program.status, "restore", programRoles(user, program)).ok,
    versions,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { program, user } = await requireProgram(request, params.programId);
  const formData = await readForm(request, { schema: transitionFormSchema("version") });
  const roles = programRoles(user, program);
  const check = checkTransition(program.status, "restore", roles);
  if (!check.ok || formData.get("action") !== "restore")
    return json(
      { forbidden: `review:errors.${check.ok ? "unknownAction" : check.reason}`, result: null, versionId: null },
      { status: 403 },
    );
  const submission = parseWithZod(formData, { schema: transitionFormSchema("version") });
  if (submission.status !== "success")
    return json({ forbidden: null, result: submission.reply(), versionId: Number(formData.get("versionId")) || null }, { status: 400 });
  try {
    await transition({
      programId: program.id,
      action: "restore",
      userId: user.id,
      roles,
      comment: submission.value.comment,
      versionId: submission.value.versionId,
    });
  } catch (e) {
    if (!(e instanceof ExpectedFailure)) throw e;
    return json({ forbidden: e.messageKey, result: null, versionId: null }, { status: e.status });
  }
  return redirect(`/programs/${program.id}/status?done=restore`);
}

export default function VersionsPage() {
  const { t } = useTranslation(["review", "common"]);
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const date = useDateFormat();
  const [latest, previous] = data.versions;
  return (
    <>
      <h1>{t("versions.title")}</h1>
      <p className="lead">{t("versions.lead")}</p>
      {actionData?.forbidden ? (
        <p className="notice notice--error" role="alert">
          {t(parseErrorMessage(actionData.forbidden).key, parseErrorMessage(actionData.forbidden).values)}
        </p>
      ) : null}
      {data.versions.length === 0 ? <p>{t("versions.empty")}</p> : null}
      {data.versions.length > 0 ? (
        <TableScroll label={t("versions.title")}>
          <table>
            <caption className="visually-hidden">{t("versions.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("versions.version")}</th>
                <th scope="col">{t("status.current")}</th>
                <th scope="col">{t("status.when")}</th>
                <th scope="col">{t("status.who")}</th>
                <th scope="col">{t("status.comment")}</th>
                <th scope="col">{t("versions.files")}</th>
              </tr>
            </thead>
            <tbody>
              {data.versions.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <ProgramLink to={`${data.base}?version=${v.id}`}>{t("versions.numbered", { n: v.number })}</ProgramLink>
                  </th>
                  <td>
                    <StatusTag status={v.status} />
                  </td>
                  <td>{date(v.created_at)}</td>
                  <td>{v.userName ?? "—"}</td>
                  <td>{v.comment ?? ""}</td>
                  <td>
                    <ul className="inline-list">
                      <li>
                        <ProgramLink to={`${data.base}/comments?version=${v.id}`}>{t("versions.comments")}</ProgramLink>
                      </li>
                      <li>
                        <a href={exportHref(data.programId, "program", { version: v.id })} download>
                          DOCX
                        </a>
                      </li>
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}

      {data.versions.length > 1 ? (
        <section aria-labelledby="compare-title">
          <h2 id="compare-title">{t("compare.title")}</h2>
          <Form method="get" action={`${data.base}/versions/compare`} className="inline-fields">
            <div className="field">
              <label htmlFor="compare-a">{t("compare.older")}</label>
              <select id="compare-a" name="a" defaultValue={previous?.id}>
                {data.versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t("versions.numbered", { n: v.number })} — {t(`common:status.${v.status}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="compare-b">{t("compare.newer")}</label>
              <select id="compare-b" name="b" defaultValue={latest?.id}>
                {data.versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t("versions.numbered", { n: v.number })} — {t(`common:status.${v.status}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              {t("compare.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      {data.canRestore && data.versions.length > 0 ? (
        <section aria-labelledby="restore-title">
          <h2 id="restore-title">{t("restore.title")}</h2>
          <p>{t("restore.lead")}</p>
          {data.versions.map((v) => (
            <details key={v.id} className="restore-item" open={actionData?.versionId === v.id}>
              <summary>{t("restore.from", { n: v.number })}</summary>
              <TransitionForm
                action="restore"
                requires="version"
                versionId={v.id}
                lastResult={actionData?.versionId === v.id ? actionData.result : undefined}
              />
            </details>
          ))}
        </section>
      ) : null}
    </>
  );
}
