/**
 * "Comments and how they were addressed": every thread of the program with its status and the
 * working group's answer, filterable by status. With ?element=<anchor> it shows that one
 * element's thread with the forms (the place other pages link to with <CommentLink>).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useOutletContext } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { programRoles } from "~/auth/authorize.server";
import { requireProgram } from "~/services/program-access.server";
import { CommentThreads, commentsHref } from "~/components/comments";
import { pageTitle } from "~/components/page-title";
import {
  COMMENT_STATUSES,
  countByStatus,
  describeAnchor,
  isWorkingGroup,
  parseAnchor,
  threadsUpTo,
  type AnchorInfo,
} from "~/domain/comments";
import { numbering } from "~/domain/strategy-tree";
import { commentsTable, commentTableRows } from "~/domain/tables/comments";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { programThreads } from "~/services/comments.server";
import type { CommentsOutletContext } from "./programs.$programId.comments";
import { TableScroll } from "~/components/table-scroll";
import { notFound } from "~/http/expected-failure";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, user, canComment, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const url = new URL(request.url);
  const element = url.searchParams.get("element");
  const statusFilter = url.searchParams.get("status");
  const data = await read.programData();
  const stageIds = methodology.stages.map((s) => s.id);
  const numbers = numbering(data);
  const stageTitle = (id: string | null) => {
    const s = methodology.stages.find((x) => x.id === id);
    return s ? localize(s.title, lang) : null;
  };
  const label = (info: AnchorInfo) => ({ ...info, stageTitle: stageTitle(info.stageId) });
  const canDecide = isWorkingGroup(programRoles(user, program));
  if (element) {
    if (!parseAnchor(element)) throw notFound();
    const threads = await programThreads(program.id, element);
    return json({
      mode: "element" as const,
      title: t("review:comments.elementTitle"),
      programId: program.id,
      element,
      anchor: label(describeAnchor(element, data, stageIds, numbers)),
      threads,
      canComment,
      canDecide,
      rows: [],
      counts: null,
      statusFilter: null,
      columns: [],
    });
  }
  const all = read.version ? threadsUpTo(await programThreads(program.id), read.version.createdAt) : await programThreads(program.id);
  const filtered =
    statusFilter && (COMMENT_STATUSES as readonly string[]).includes(statusFilter)
      ? all.filter((th) => th.root.status === statusFilter)
      : all;
  return json({
    mode: "list" as const,
    title: t("review:comments.title"),
    viewing: read.version ? { id: read.version.id, number: read.version.number } : null,
    programId: program.id,
    element: null,
    anchor: null,
    threads: [],
    canComment,
    canDecide,
    counts: countByStatus(all),
    statusFilter,
    columns: commentsTable.columns.map((c) => ({ id: c.id, header: t(c.header) })),
    // Cells from the shared table definition (the DOCX annex uses the same one).
    rows: commentTableRows(filtered, data, stageIds).map((r) => ({
      id: r.id,
      elementId: r.elementId,
      removed: r.anchor.removed,
      replies: r.replies.length,
      cells: commentsTable.columns.map((c) => c.accessor(r, { t: (k, v) => t(k, v), stageTitle: (id) => stageTitle(id) ?? id })),
    })),
  });
}

function AnchorText({ anchor }: { anchor: AnchorInfo & { stageTitle: string | null } }) {
  const { t } = useTranslation(["review", "program"]);
  if (anchor.removed) return <span className="tag tag--warn">{t("comments.elementRemoved")}</span>;
  if (anchor.kind === "stage") return <>{t("comments.stage", { title: anchor.stageTitle ?? anchor.stageId })}</>;
  return (
    <>
      {t(`program:kinds.${anchor.kind}`, { defaultValue: anchor.kind ?? "" })}
      {anchor.number ? ` ${anchor.number}` : ""}
      {anchor.title ? `: ${anchor.title}` : ""}
    </>
  );
}

export default function CommentsPage() {
  const { t } = useTranslation(["review", "common"]);
  const d = useLoaderData<typeof loader>();
  const actionData = useOutletContext<CommentsOutletContext>();
  if (d.mode === "element") {
    return (
      <>
        <h1>{t("comments.elementTitle")}</h1>
        <p className="lead">
          <AnchorText anchor={d.anchor!} />
        </p>
        <p>
          <ProgramLink to={`/programs/${d.programId}/comments`}>{t("comments.all")}</ProgramLink>
        </p>
        <CommentThreads
          programId={d.programId}
          elementId={d.element!}
          threads={d.threads}
          canComment={d.canComment && !d.anchor!.removed}
          canDecide={d.canDecide}
          redirectTo={commentsHref(d.programId, d.element!)}
          actionData={actionData}
        />
      </>
    );
  }
  return (
    <>
      <h1>{t("comments.title")}</h1>
      <p className="lead">{d.viewing ? t("comments.versionLead", { n: d.viewing.number }) : t("comments.lead")}</p>
      <Form method="get" className="inline-fields">
        {d.viewing ? <input type="hidden" name="version" value={d.viewing.id} /> : null}
        <div className="field">
          <label htmlFor="status-filter">{t("comments.filter")}</label>
          <select id="status-filter" name="status" defaultValue={d.statusFilter ?? ""}>
            <option value="">{t("comments.allStatuses")}</option>
            {COMMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`comments.status.${s}`)} ({d.counts?.[s] ?? 0})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("comments.applyFilter")}
        </button>
      </Form>
      {d.rows.length === 0 ? (
        <p>{t("comments.none")}</p>
      ) : (
        <TableScroll label={t("comments.title")}>
          <table>
            <caption className="visually-hidden">{t("comments.title")}</caption>
            <thead>
              <tr>
                {d.columns.map((c) => (
                  <th scope="col" key={c.id}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <ProgramLink
                      to={`${commentsHref(d.programId, r.elementId)}#comment-${r.id}`}
                      className={r.removed ? "tag tag--warn" : undefined}
                    >
                      {r.cells[0]}
                    </ProgramLink>
                  </td>
                  <td>
                    {r.cells[1]}
                    {r.replies > 0 ? <span className="hint">{t("comments.replyCount", { n: r.replies })}</span> : null}
                  </td>
                  {r.cells.slice(2).map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
