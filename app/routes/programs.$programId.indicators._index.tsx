import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/auth/authorize.server";
import { SavedNotice } from "~/components/element-form";
import { pageTitle } from "~/components/page-title";
import { StageHeader } from "~/components/stage-header";
import { db } from "~/db.server";
import { formatNumber as formatNumberIn } from "~/domain/format";
import { indicatorNumbers, indicatorParents, indicatorsByParent, isCompleteOutcome, type IndicatorView } from "~/domain/indicators";
import { stageHref } from "~/domain/stage-paths";
import { meMatrixRows, meMatrixTable } from "~/domain/tables/me-matrix";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { stageGuidance } from "~/services/stage-guidance.server";
import { useProgramLayout } from "./programs.$programId";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const data = await read.programData();
  const byParent = indicatorsByParent(data);
  const numbers = indicatorNumbers(data);
  const finalYear = data.program.endYear;
  const formatNumber = (value: number | null | undefined) => formatNumberIn(value, lang);
  const item = (i: IndicatorView) => ({
    id: i.id,
    number: numbers[i.id] ?? "",
    name: i.data.name,
    unit: i.data.unit,
    baseline: i.data.baselineValue === undefined ? null : t("monitoring:indicators.baselineShort", { value: formatNumber(i.data.baselineValue), year: i.data.baselineYear ?? "—" }),
    target: i.data.targets?.[finalYear] === undefined ? null : t("monitoring:indicators.targetShort", { value: formatNumber(i.data.targets[finalYear]), year: finalYear }),
    complete: isCompleteOutcome(i.data, finalYear),
  });
  // Objectives with their actions, in tree order (indicatorParents lists each objective, then its actions).
  const groups: { id: string; number: string; title: string; indicators: ReturnType<typeof item>[]; actions: { id: string; number: string; title: string; indicators: ReturnType<typeof item>[] }[] }[] = [];
  for (const p of indicatorParents(data)) {
    const indicators = (byParent.get(p.id) ?? []).map(item);
    if (p.type === "outcome") groups.push({ id: p.id, number: p.number, title: p.title, indicators, actions: [] });
    else groups[groups.length - 1]?.actions.push({ id: p.id, number: p.number, title: p.title, indicators });
  }
  // T14 cells are computed here, so the page ships strings, not the definition's functions.
  const table = meMatrixTable(data.program);
  const frequencies = new Map(methodology.reference.indicatorFrequencies.map((f) => [f.id, localize(f.label, lang)]));
  // The accessors ask for the same few labels (type, "W"/"M") in every cell: look each up once.
  const labels = new Map<string, string>();
  const label = (key: string, p?: Record<string, unknown>): string => {
    if (p) return t(key, p) as string;
    let text = labels.get(key);
    if (text === undefined) labels.set(key, (text = t(key) as string));
    return text;
  };
  const ctx = { t: label, frequency: (id: string) => frequencies.get(id) ?? id, lang };
  const matrix = {
    title: t(table.title),
    columns: table.columns.map((c) => ({ id: c.id, header: t(c.header, c.headerParams), group: c.group ? t(c.group) : null, numeric: c.kind !== "text" })),
    rows: meMatrixRows(data).map((r) => ({ id: r.id, cells: table.columns.map((c) => { const v = c.accessor(r, ctx); return typeof v === "number" ? formatNumber(v) : (v ?? ""); }) })),
  };
  return json({
    ...stageGuidance("indicators", lang),
    strategyHref: stageHref(program.id, "strategy"),
    groups,
    missing: groups.filter((g) => !g.indicators.some((i) => i.complete)).length,
    matrix,
  });
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["groups"][number]["indicators"][number];

function IndicatorList({ items, programId }: { items: Item[]; programId: number }) {
  const { t } = useTranslation("monitoring");
  if (items.length === 0) return <p className="hint">{t("indicators.none")}</p>;
  return (
    <ul className="indicator-list">
      {items.map((i) => (
        <li key={i.id}>
          <Link to={`/programs/${programId}/indicators/${i.id}`}>
            {i.number} {i.name}
          </Link>{" "}
          <span className="progress">
            ({i.unit}){i.baseline ? `; ${i.baseline}` : ""}
            {i.target ? `; ${i.target}` : ""}
          </span>
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
          {t("indicators.noObjectives")} <Link to={data.strategyHref}>{t("indicators.strategyLink")}</Link>
        </p>
      ) : (
        <p className={`tag ${data.missing === 0 ? "tag--ok" : "tag--warn"}`}>{t("indicators.missingSummary", { count: data.missing })}</p>
      )}
      {data.groups.map((g) => (
        <section key={g.id} aria-labelledby={`obj-${g.id}`} className="indicator-group">
          <h2 id={`obj-${g.id}`}>
            {g.number} {g.title}{" "}
            <span className={`tag ${g.indicators.some((i) => i.complete) ? "tag--ok" : "tag--warn"}`}>
              {g.indicators.some((i) => i.complete) ? t("indicators.complete") : t("indicators.incomplete")}
            </span>
          </h2>
          <h3>{t("indicators.outcomeHeading")}</h3>
          <IndicatorList items={g.indicators} programId={program.id} />
          {canEdit ? (
            <p>
              <Link className="button button--secondary button--small" to={`${base}/new?parent=${g.id}`}>
                {t("indicators.addOutcome")} <span className="visually-hidden">{g.number}</span>
              </Link>
            </p>
          ) : null}
          {g.actions.length > 0 ? (
            <details>
              <summary>
                {t("indicators.outputHeading")} ({g.actions.length})
              </summary>
              <ul className="card-list">
                {g.actions.map((a) => (
                  <li key={a.id}>
                    <strong>
                      {a.number} {a.title}
                    </strong>
                    <IndicatorList items={a.indicators} programId={program.id} />
                    {canEdit ? (
                      <Link to={`${base}/new?parent=${a.id}`}>
                        {t("indicators.addOutput")} <span className="visually-hidden">{a.number}</span>
                      </Link>
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
        <div className="table-wrap">
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
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
