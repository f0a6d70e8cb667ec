/**
 * Stage 9: the action plan (T12), grouped by objective, with totals computed from the actions.
 * `?view=compact` shows the few columns that identify an action and its cost; the rest stays on
 * the action's own page. Both views read the same table definition as the DOCX and XLSX.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { ProgramLink, useKeepVersion } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/services/program-access.server";
import { SavedNotice } from "~/components/element-form";
import { pageTitle } from "~/components/page-title";
import { StageHeader } from "~/components/stage-header";
import { TableScroll } from "~/components/table-scroll";
import { formatNumber } from "~/domain/format";
import { actionProblems } from "~/domain/actions";
import {
  actionPlanGroups,
  actionPlanTable,
  actionPlanTotalsRow,
  headerText,
  orphanActions,
  planLabelContext,
} from "~/domain/tables/action-plan";
import { getT } from "~/i18n/i18n.server";
import { useProgramLayout } from "~/routes/programs.$programId";
import { useCommentMarkers } from "~/components/comment-marker";
import { stageGuidance } from "~/services/stage-guidance.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

/** Columns of the compact view: which action, who, when, how much. */
const COMPACT_COLUMNS = ["number", "title", "responsible", "start", "end", "totalCost"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const pctx = await read.context(lang);
  const data = pctx.data;
  const form = pctx.chosenForm;
  const levels = pctx.levels;
  const sources = pctx.sources;
  const groups = actionPlanGroups(data, levels);
  // Only sources some action uses get a column; the others would be empty in a wide table.
  const used = sources.filter((s) => groups.some((g) => g.rows.some((r) => (r.action.funding[s.id] ?? 0) > 0)));
  const compact = new URL(request.url).searchParams.get("view") === "compact";
  const full = actionPlanTable(used.map((s) => s.id));
  const table = compact
    ? {
        ...full,
        columns: full.columns.filter((c) => COMPACT_COLUMNS.includes(c.id)),
      }
    : full;
  // The accessors ask for the same few labels in every row: look each one up once per request.
  const labels = new Map<string, string>();
  const tt = (key: string) => {
    let label = labels.get(key);
    if (label === undefined) labels.set(key, (label = t(key)));
    return label;
  };
  const ctx = planLabelContext(pctx, tt);
  // Cells rendered on the server from the shared table definition (the DOCX uses the same one).
  const cell = (v: string | number | null, kind: string) =>
    kind === "text" ? String(v ?? "") : formatNumber(typeof v === "number" ? v : null, lang);
  const allRows = groups.flatMap((g) => g.rows);
  const totals = actionPlanTotalsRow(allRows);
  // The total of each summed column, by column id (null: nothing to sum).
  const columnTotal = (id: string): string | null => (id in totals ? formatNumber(totals[id], lang) : null);
  return json({
    ...stageGuidance("action_plan", lang),
    base: `/programs/${program.id}`,
    objectiveLevel: form.levels[levels - 1]?.label ?? "",
    columns: table.columns.map((c) => ({
      id: c.id,
      header: headerText(c, ctx),
      kind: c.kind,
    })),
    groups: groups.map((g) => ({
      objective: g.objective,
      total: formatNumber(g.totalCost, lang),
      // Flagged when the saved sources or years do not add up.
      rows: g.rows.map((r) => ({
        id: r.id,
        problems: actionProblems(r.action, data.program).length > 0,
        cells: table.columns.map((c) => cell(c.accessor(r, ctx), c.kind)),
      })),
    })),
    compact,
    totals: {
      count: allRows.length,
      cells: table.columns.map((c) => columnTotal(c.id)),
    },
    orphans: orphanActions(data, levels).map((a) => ({
      id: a.id,
      title: a.data.title,
    })),
  });
}

export default function ActionPlanStage() {
  const { t } = useTranslation(["plan", "common"]);
  const data = useLoaderData<typeof loader>();
  const { canEdit } = useProgramLayout();
  const [params] = useSearchParams();
  // Plain anchors (with the viewed version kept) for the hundreds of links in the table: a <ProgramLink>
  // per row costs router hooks and a component each, and these links open another page anyway.
  const keep = useKeepVersion();
  const marker = useCommentMarkers();
  const addLabel = t("t12.add");
  const costIndex = data.columns.findIndex((c) => c.id === "totalCost");
  return (
    <>
      <StageHeader guidance={data} />
      <SavedNotice />
      {params.get("deleted") ? (
        <p className="notice notice--success" role="status">
          {t("action.deleted")}
        </p>
      ) : null}
      {data.groups.length === 0 ? (
        <p className="notice notice--warning">
          {t("t12.noObjectives", { level: data.objectiveLevel })}{" "}
          <ProgramLink to={`${data.base}/strategy`}>{t("t12.toStrategy")}</ProgramLink>
        </p>
      ) : null}
      {data.orphans.length > 0 ? (
        <div className="notice notice--warning">
          <p>{t("t12.orphans")}</p>
          <ul>
            {data.orphans.map((o) => (
              <li key={o.id}>
                <ProgramLink to={`${data.base}/actions/${o.id}`}>{o.title}</ProgramLink>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="view-switch">
        {data.compact ? (
          <ProgramLink to={`${data.base}/actions`}>{t("t12.fullView")}</ProgramLink>
        ) : (
          <ProgramLink to={`${data.base}/actions?view=compact`}>{t("t12.compactView")}</ProgramLink>
        )}
        <span className="hint">{t(data.compact ? "t12.compactHint" : "t12.fullHint")}</span>
      </p>
      <TableScroll label={t("t12.title")} keyColumns={2}>
        <table className="action-plan">
          <caption>
            {t("t12.title")} ({t("unit")})
          </caption>
          <thead>
            <tr>
              {data.columns.map((c) => (
                <th key={c.id} scope="col" className={c.kind === "text" ? undefined : "num"}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          {data.groups.map((g) => (
            <tbody key={g.objective.id}>
              <tr className="action-plan__group">
                <th scope="colgroup" colSpan={data.columns.length}>
                  <span className="sticky-label">
                    {data.objectiveLevel} {g.objective.number}. {g.objective.title}
                    {canEdit ? (
                      <>
                        {" "}
                        <a
                          className="button button--secondary button--small"
                          href={keep(`${data.base}/actions/new?objective=${g.objective.id}`)}
                        >
                          {addLabel} <span className="visually-hidden">{g.objective.number}</span>
                        </a>
                      </>
                    ) : null}
                  </span>
                </th>
              </tr>
              {g.rows.length === 0 ? (
                <tr>
                  <td colSpan={data.columns.length} className="hint">
                    {t("t12.noActions")}
                  </td>
                </tr>
              ) : null}
              {g.rows.map((r) => (
                <tr key={r.id}>
                  {r.cells.map((v, i) =>
                    i === 1 ? (
                      <td key={i}>
                        <a href={keep(`${data.base}/actions/${r.id}`)}>{v}</a>
                        {r.problems ? <span className="tag tag--error">{t("t12.notBalanced")}</span> : null}
                        {marker(r.id)}
                      </td>
                    ) : (
                      <td key={i} className={data.columns[i].kind === "text" ? undefined : "num"}>
                        {v}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          ))}
          <tfoot>
            <tr>
              <th scope="row" colSpan={costIndex}>
                {t("t12.total", { count: data.totals.count })}
              </th>
              {data.totals.cells.slice(costIndex).map((v, i) => (
                <td key={i} className={v === null ? undefined : "num"}>
                  {v}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <p>
        <ProgramLink to={`${data.base}/financing`}>{t("t12.toFinancing")}</ProgramLink>
      </p>
    </>
  );
}
