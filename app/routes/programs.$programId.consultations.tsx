import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/services/program-access.server";
import { SavedNotice } from "~/components/element-form";
import { pageTitle } from "~/components/page-title";
import { StageHeader } from "~/components/stage-header";
import { TableScroll } from "~/components/table-scroll";
import { useCommentMarkers } from "~/components/comment-marker";
import { rowAnchor } from "~/domain/comment-counts";
import { CONSULTATIONS_KIND, consultationsOf, participationSummary } from "~/domain/consultations";
import { formatDate, formatNumber, formatPercent } from "~/domain/format";
import { problemsOf, villagesOf } from "~/domain/element-kinds";
import { one } from "~/domain/program-data";
import { consultationsTable, consultationTableRows } from "~/domain/tables/consultations";
import { z } from "~/domain/validation";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm } from "~/services/element-form.server";
import { stageGuidance } from "~/services/stage-guidance.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, canEdit, read } = await requireProgram(request, params.programId);
  const { lang } = await getT(request);
  const data = await read.programData();
  return json({
    ...stageGuidance("consultations", lang),
    programId: program.id,
    canEdit,
    version: one(data, CONSULTATIONS_KIND)?.version ?? 0,
    // Comments on a meeting are anchored to its row inside the element (see rowAnchor).
    elementId: one(data, CONSULTATIONS_KIND)?.id ?? null,
    meetings: consultationTableRows(consultationsOf(data)),
    summary: participationSummary(data),
    villages: villagesOf(data),
    problems: problemsOf(data).map((p) => ({ id: p.id, title: p.title })),
    formats: methodology.reference.consultationFormats.map((f) => ({ id: f.id, label: localize(f.label, lang) })),
  });
}

const deleteSchema = z.object({ version: z.number().int().min(0), meetingId: z.string().min(1).max(40) });

/** Deleting a meeting: the one action on the list page (adding and editing have their own page). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { read } = await requireProgram(request, params.programId, "edit");
  const meetings = consultationsOf(await read.programData());
  return handleElementForm({
    request,
    params,
    kind: CONSULTATIONS_KIND,
    singleton: true,
    schema: deleteSchema,
    // A stale version (someone saved meanwhile) is refused by saveElement with a conflict.
    toData: (value) => ({ meetings: meetings.filter((m) => m.id !== value.meetingId) }),
  });
}

export default function ConsultationsPage() {
  const { t, i18n } = useTranslation(["analysis", "common"]);
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const marker = useCommentMarkers();
  const lang = i18n.language;
  const s = data.summary;
  const villageName = (id: string) => data.villages.find((v) => v.id === id)?.name ?? id;
  const ctx = {
    sector: (id?: string) => id ?? "",
    village: villageName,
    group: (id: string) => id,
    t: (k: string) => t(k),
    format: (id: string) => data.formats.find((f) => f.id === id)?.label ?? id,
    allVillages: t("consultations.allVillages"),
    date: (iso: string) => formatDate(iso, lang),
  };
  const problemTitle = (id?: string | null) => (id ? data.problems.find((p) => p.id === id)?.title : undefined);
  const columns = consultationsTable.columns.filter((c) => c.id !== "priorities");
  return (
    <>
      <StageHeader guidance={data} />
      <SavedNotice />
      {actionData?.conflict ? (
        <p className="notice notice--error" role="alert">
          {t(actionData.conflict.removed ? "common:errors.conflictRemoved" : "common:errors.conflict")}
        </p>
      ) : null}
      <section aria-labelledby="summary-title">
        <h2 id="summary-title">{t("consultations.summaryTitle")}</h2>
        <dl className="summary-list">
          <dt>{t("consultations.meetings")}</dt>
          <dd>{formatNumber(s.meetings, lang)}</dd>
          <dt>{t("consultations.participants")}</dt>
          <dd>{formatNumber(s.participants, lang)}</dd>
          <dt>{t("consultations.womenShare")}</dt>
          <dd>{t("consultations.womenShareValue", { women: formatNumber(s.women, lang), share: formatPercent(s.womenShare, lang) })}</dd>
          <dt>{t("consultations.pwdTotal")}</dt>
          <dd>{formatNumber(s.pwd, lang)}</dd>
          <dt>{t("consultations.youthTotal")}</dt>
          <dd>{formatNumber(s.youth, lang)}</dd>
          <dt>{t("consultations.villagesCovered")}</dt>
          <dd>
            {s.villagesTotal === 0
              ? t("consultations.noVillagesYet")
              : t("consultations.villagesCoveredValue", { covered: s.villagesCovered, total: s.villagesTotal })}
            {s.uncoveredVillageIds.length > 0 ? (
              <span className="hint">{t("consultations.uncovered", { names: s.uncoveredVillageIds.map(villageName).join(", ") })}</span>
            ) : null}
          </dd>
          <dt>{t("consultations.hearings")}</dt>
          <dd>{formatNumber(s.publicHearings, lang)}</dd>
          <dt>{t("consultations.prioritiesLinked")}</dt>
          <dd>{t("consultations.prioritiesLinkedValue", { linked: s.prioritiesLinked, total: s.priorities })}</dd>
        </dl>
      </section>
      {data.canEdit ? (
        <p>
          <ProgramLink className="button" to={`/programs/${data.programId}/consultations/new`}>
            {t("consultations.add")}
          </ProgramLink>
        </p>
      ) : null}
      {data.meetings.length === 0 ? (
        <p>{t("consultations.empty")}</p>
      ) : (
        <TableScroll label={t(consultationsTable.title)}>
          <table className="meetings-table">
            <caption>{t(consultationsTable.title)}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.id} scope="col" className={c.kind === "text" ? undefined : "num"}>
                    {t(c.header)}
                  </th>
                ))}
                <th scope="col">{t("consultations.priorities")}</th>
                {data.canEdit ? <th scope="col">{t("consultations.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.meetings.map((m) => (
                <tr key={m.id}>
                  {columns.map((c) => {
                    const v = c.accessor(m, ctx);
                    if (c.kind !== "text")
                      return (
                        <td key={c.id} className="num">
                          {formatNumber(v as number, lang)}
                        </td>
                      );
                    return c.id === "date" ? (
                      <th key={c.id} scope="row">
                        {v}
                        {m.title ? <span className="hint">{m.title}</span> : null}
                        {data.elementId ? marker(rowAnchor(data.elementId, m.id)) : null}
                      </th>
                    ) : (
                      <td key={c.id}>{v}</td>
                    );
                  })}
                  <td className="meetings-table__priorities">
                    <ul className="plain-list">
                      {(m.priorities ?? []).map((p) => {
                        const title = problemTitle(p.problemId);
                        return (
                          <li key={p.id}>
                            {p.text}
                            {p.votes != null ? ` (${formatNumber(p.votes, lang)})` : ""}{" "}
                            {title ? (
                              <span className="hint">{t("consultations.linkedTo", { title })}</span>
                            ) : (
                              <span className="tag tag--warn">{t("consultations.notLinked")}</span>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                  {data.canEdit ? (
                    <td>
                      <ProgramLink to={`/programs/${data.programId}/consultations/${m.id}`}>
                        {t("consultations.edit")}
                        <span className="visually-hidden"> {formatDate(m.date, lang)}</span>
                      </ProgramLink>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="version" value={data.version} />
                        <input type="hidden" name="meetingId" value={m.id} />
                        <button
                          type="submit"
                          className="link-button"
                          aria-label={t("consultations.deleteConfirm", { date: formatDate(m.date, lang) })}
                        >
                          {t("consultations.delete")}
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
