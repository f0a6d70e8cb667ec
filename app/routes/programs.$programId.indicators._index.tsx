import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useCommentMarkers } from "~/components/comment-marker";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { ProgramLink, useKeepVersion } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { SavedNotice } from "~/components/element-form";
import { pageTitle } from "~/components/page-title";
import { StageHeader } from "~/components/stage-header";
import { TableScroll } from "~/components/table-scroll";
// The loader lives in the service: importing the domain modules here would put them (and zod)
// in this page's first-load JavaScript although only the loader uses them.
import { indicatorsListLoader } from "~/services/indicators.server";
import { useProgramLayout } from "./programs.$programId";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export const loader = (args: LoaderFunctionArgs) => indicatorsListLoader(args);

type Item = ReturnType<typeof useLoaderData<typeof loader>>["groups"][number]["indicators"][number];

/**
 * Plain anchors rather than <ProgramLink> for the hundreds of links of this page (a Link costs a router
 * hook and a component per link; these links open another page anyway). `keep` keeps the viewed
 * version (?version=) as program-link's Link does.
 */
function IndicatorList({
  items,
  programId,
  keep,
  marker,
  none,
}: {
  items: Item[];
  programId: number;
  keep: (to: string) => string;
  marker: (anchor: string) => ReactNode;
  none: string;
}) {
  if (items.length === 0) return <p className="hint">{none}</p>;
  return (
    <ul className="indicator-list">
      {items.map((i) => (
        <li key={i.id}>
          {/* One text node per element (template strings): fewer nodes to render in long lists. */}
          <a href={keep(`/programs/${programId}/indicators/${i.id}`)}>{`${i.number} ${i.name}`}</a>{" "}
          <span className="progress">{`(${i.unit})${i.baseline ? `; ${i.baseline}` : ""}${i.target ? `; ${i.target}` : ""}`}</span>
          {marker(i.id)}
        </li>
      ))}
    </ul>
  );
}

export default function IndicatorsStage() {
  const { t } = useTranslation(["monitoring", "common"]);
  const data = useLoaderData<typeof loader>();
  const { program, canEdit } = useProgramLayout();
  const [params] = useSearchParams();
  const keep = useKeepVersion();
  const marker = useCommentMarkers();
  // Labels repeated in every group and action, translated once per render.
  const L = {
    none: t("indicators.none"),
    complete: t("indicators.complete"),
    incomplete: t("indicators.incomplete"),
    outcomeHeading: t("indicators.outcomeHeading"),
    outputHeading: t("indicators.outputHeading"),
    addOutcome: t("indicators.addOutcome"),
    addOutput: t("indicators.addOutput"),
  };
  const base = `/programs/${program.id}/indicators`;
  const groupHeaders = data.matrix.columns.reduce<{ label: string | null; span: number }[]>((acc, c) => {
    const last = acc[acc.length - 1];
    if (last && c.group && last.label === c.group) last.span += 1;
    else acc.push({ label: c.group, span: 1 });
    return acc;
  }, []);
  return (
    <>
      <StageHeader guidance={data} />
      <SavedNotice />
      {params.get("deleted") === "1" ? (
        <p className="notice notice--success" role="status">
          {t("indicators.deleted")}
        </p>
      ) : null}
      <p>{t("indicators.lead")}</p>
      {data.groups.length === 0 ? (
        <p className="notice">
          {t("indicators.noObjectives")} <ProgramLink to={data.strategyHref}>{t("indicators.strategyLink")}</ProgramLink>
        </p>
      ) : (
        <p className={`tag ${data.missing === 0 ? "tag--ok" : "tag--warn"}`}>{t("indicators.missingSummary", { count: data.missing })}</p>
      )}
      {data.groups.map((g) => (
        <section key={g.id} aria-labelledby={`obj-${g.id}`} className="indicator-group">
          <h2 id={`obj-${g.id}`}>
            {g.number} {g.title}{" "}
            <span className={`tag ${g.indicators.some((i) => i.complete) ? "tag--ok" : "tag--warn"}`}>
              {g.indicators.some((i) => i.complete) ? L.complete : L.incomplete}
            </span>
          </h2>
          <h3>{L.outcomeHeading}</h3>
          <IndicatorList items={g.indicators} programId={program.id} keep={keep} marker={marker} none={L.none} />
          {canEdit ? (
            <p>
              <a className="button button--secondary button--small" href={keep(`${base}/new?parent=${g.id}`)}>
                {L.addOutcome} <span className="visually-hidden">{g.number}</span>
              </a>
            </p>
          ) : null}
          {g.actions.length > 0 ? (
            <details>
              <summary>
                {L.outputHeading} ({g.actions.length})
              </summary>
              <ul className="card-list">
                {g.actions.map((a) => (
                  <li key={a.id}>
                    <strong>{`${a.number} ${a.title}`}</strong>
                    <IndicatorList items={a.indicators} programId={program.id} keep={keep} marker={marker} none={L.none} />
                    {canEdit ? (
                      <a href={keep(`${base}/new?parent=${a.id}`)}>
                        {`${L.addOutput} `}
                        <span className="visually-hidden">{a.number}</span>
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ))}
      <h2 id="me-matrix">{t("indicators.matrixHeading")}</h2>
      <p className="hint">{t("indicators.matrixHint")}</p>
      {data.matrix.rows.length === 0 ? (
        <p>{t("indicators.matrixEmpty")}</p>
      ) : (
        <TableScroll label={data.matrix.title} keyColumns={2}>
          <table className="table--wide">
            <caption>{data.matrix.title}</caption>
            <thead>
              <tr>
                {groupHeaders.map((g, i) =>
                  g.label ? (
                    <th key={i} scope="colgroup" colSpan={g.span}>
                      {g.label}
                    </th>
                  ) : (
                    <td key={i} colSpan={g.span} />
                  ),
                )}
              </tr>
              <tr>
                {data.matrix.columns.map((c) => (
                  <th key={c.id} scope="col" className={c.numeric ? "num" : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.matrix.rows.map((r) => (
                <tr key={r.id}>
                  {r.cells.map((cell, i) => (
                    <td key={data.matrix.columns[i].id} className={data.matrix.columns[i].numeric ? "num" : undefined}>
                      {cell}
                      {i === 1 ? marker(r.id) : null}
                    </td>
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
