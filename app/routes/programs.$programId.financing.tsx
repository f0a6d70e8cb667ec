/** Stage 11: the financing plan (T13), computed from the actions and the passport budget. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { StageHeader } from "~/components/stage-header";
import { TableScroll } from "~/components/table-scroll";
import { useCommentMarkers } from "~/components/comment-marker";
import { financingPlan } from "~/domain/financing";
import { formatNumber, formatPercent } from "~/domain/format";
import { headerText, planLabelContext, type PlanLabelContext } from "~/domain/tables/action-plan";
import {
  annualPlanTable,
  annualPlanTotalsRow,
  financingRows,
  financingTable,
  financingTotalsRow,
  sourceLabel,
  usedSourceIds,
} from "~/domain/tables/financing";
import { getT } from "~/i18n/i18n.server";
import { stageGuidance } from "~/services/stage-guidance.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const pctx = await read.context(lang);
  const plan = financingPlan(pctx.data, pctx.financing);
  const ctx = planLabelContext(pctx, (k) => t(k));
  const money = (v: number | null | undefined) => formatNumber(v ?? null, lang);
  const cells = <R,>(def: { columns: { kind: string; accessor: (r: R, c: PlanLabelContext) => string | number | null }[] }, r: R) =>
    def.columns.map((c) => {
      const v = c.accessor(r, ctx);
      return c.kind === "text" ? String(v ?? "") : money(typeof v === "number" ? v : null);
    });
  const matrixDef = financingTable(plan.matrix.years);
  const { rows } = financingRows(plan.matrix);
  const totals = financingTotalsRow(plan.matrix);
  const usedSources = usedSourceIds(plan.matrix.sourceIds, plan.matrix.bySource);
  const annualDef = annualPlanTable(usedSources);
  return json({
    ...stageGuidance("financing", lang),
    base: `/programs/${program.id}`,
    matrix: {
      headers: matrixDef.columns.map((c) => headerText(c, ctx)),
      rows: rows.map((r) => ({ id: r.sourceId, cells: cells(matrixDef, r) })),
      totals: matrixDef.columns.slice(1).map((c) => money(totals[c.id])),
      empty: plan.matrix.total === 0,
    },
    shares: usedSources.map((id) => ({
      id,
      label: sourceLabel(id, ctx),
      amount: money(plan.matrix.bySource[id]),
      share: formatPercent(plan.matrix.total ? plan.matrix.bySource[id] / plan.matrix.total : null, lang),
    })),
    affordability: {
      max: formatPercent(plan.affordability.max, lang),
      passes: plan.affordability.passes,
      missingRevenue: plan.affordability.missingRevenue,
      average: {
        local: money(plan.affordability.average.local),
        ownRevenue: money(plan.affordability.average.ownRevenue),
        share: formatPercent(plan.affordability.average.share, lang),
        over: plan.affordability.average.over,
      },
      overYears: plan.affordability.overYears.join(", "),
      overCount: plan.affordability.overYears.length,
      years: plan.affordability.years.map((y) => ({
        year: y.year,
        local: money(y.local),
        ownRevenue: money(y.ownRevenue),
        fromYear: y.carried ? y.ownRevenueFromYear : null,
        share: formatPercent(y.share, lang),
        over: y.over,
      })),
    },
    unidentified: {
      amount: money(plan.unidentified.amount),
      share: formatPercent(plan.unidentified.share, lang),
      max: formatPercent(plan.unidentified.max, lang),
      over: plan.unidentified.over,
    },
    firstYear: plan.firstYear,
    nextBudget: plan.nextBudget.map((a) => ({
      id: a.id,
      number: a.number,
      title: a.title,
      amount: money(a.amount),
      flagged: a.nextBudget,
    })),
    annual: {
      headers: annualDef.columns.map((c) => headerText(c, ctx)),
      kinds: annualDef.columns.map((c) => c.kind),
      rows: plan.annualPlan.map((a) => ({ id: a.id, cells: cells(annualDef, a) })),
      total: money(annualPlanTotalsRow(plan.annualPlan, usedSources).amount),
    },
  });
}

export default function FinancingStage() {
  const { t } = useTranslation(["plan", "common"]);
  const data = useLoaderData<typeof loader>();
  const a = data.affordability;
  const marker = useCommentMarkers();
  return (
    <>
      <StageHeader guidance={data} />
      <p className="hint">{t("financing.method")}</p>
      {data.matrix.empty ? (
        <p className="notice notice--warning">
          {t("financing.empty")} <ProgramLink to={`${data.base}/actions`}>{t("financing.toActions")}</ProgramLink>
        </p>
      ) : null}
      {/* A column per year of the period: a long period scrolls sideways with the source in view. */}
      <TableScroll label={`${t("financing.matrixTitle")} (${t("unit")})`}>
        <table id="t13">
          <caption>
            {t("financing.matrixTitle")} ({t("unit")})
          </caption>
          <thead>
            <tr>
              {data.matrix.headers.map((h, i) => (
                <th key={i} scope="col" className={i === 0 ? undefined : "num"}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.matrix.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.cells[0]}</th>
                {r.cells.slice(1).map((v, i) => (
                  <td key={i} className="num">
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("financing.total")}</th>
              {data.matrix.totals.map((v, i) => (
                <td key={i} className="num">
                  {v}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableScroll>

      <h2 id="by-source">{t("financing.bySourceTitle")}</h2>
      <TableScroll labelledBy="by-source">
        <table aria-labelledby="by-source">
          <thead>
            <tr>
              <th scope="col">{t("financing.source")}</th>
              <th scope="col" className="num">
                {t("financing.total")}, {t("unit")}
              </th>
              <th scope="col" className="num">
                {t("financing.share")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.shares.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.label}</th>
                <td className="num">{s.amount}</td>
                <td className="num">{s.share}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className={`notice ${data.unidentified.over ? "notice--warning" : ""}`} id="unidentified">
        {t(data.unidentified.over ? "financing.unidentifiedOver" : "financing.unidentifiedOk", data.unidentified)}
      </p>

      <h2 id="afford">{t("financing.affordTitle")}</h2>
      <p className={`notice ${a.passes ? "notice--success" : "notice--warning"}`} id="affordability">
        {a.missingRevenue
          ? t("financing.noRevenue")
          : t(a.passes ? "financing.affordOk" : "financing.affordOver", {
              max: a.max,
              local: a.average.local,
              share: a.average.share,
              years: a.overYears,
              count: a.overCount,
            })}
      </p>
      <TableScroll labelledBy="afford">
        <table aria-labelledby="afford">
          <thead>
            <tr>
              <th scope="col">{t("financing.year")}</th>
              <th scope="col" className="num">
                {t("financing.local")}
              </th>
              <th scope="col" className="num">
                {t("financing.ownRevenue")}
              </th>
              <th scope="col" className="num">
                {t("financing.localShare")}
              </th>
              <th scope="col">{t("financing.check")}</th>
            </tr>
          </thead>
          <tbody>
            {a.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td className="num">{y.local}</td>
                <td className="num">
                  {y.ownRevenue}
                  {y.fromYear ? <span className="hint"> {t("financing.carried", { year: y.fromYear })}</span> : null}
                </td>
                <td className="num">{y.share}</td>
                <td>
                  {y.over ? (
                    <span className="tag tag--warn">{t("financing.over", { max: a.max })}</span>
                  ) : (
                    <span className="tag tag--ok">{t("financing.within")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("financing.average")}</th>
              <td className="num">{a.average.local}</td>
              <td className="num">{a.average.ownRevenue}</td>
              <td className="num">{a.average.share}</td>
              <td>
                {a.average.over ? (
                  <span className="tag tag--error">{t("financing.over", { max: a.max })}</span>
                ) : (
                  <span className="tag tag--ok">{t("financing.within")}</span>
                )}
              </td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>

      <h2>{t("financing.nextBudgetTitle", { year: data.firstYear })}</h2>
      {data.nextBudget.length === 0 ? <p>{t("financing.none")}</p> : null}
      <ul>
        {data.nextBudget.map((n) => (
          <li key={n.id}>
            <ProgramLink to={`${data.base}/actions/${n.id}`}>
              {n.number} {n.title}
            </ProgramLink>{" "}
            — {n.amount} {t("unit")}
            {n.flagged ? <span className="tag tag--ok">{t("financing.flagged")}</span> : null}
            {marker(n.id)}
          </li>
        ))}
      </ul>

      <h2 id="annual">{t("financing.annualTitle", { year: data.firstYear })}</h2>
      <TableScroll labelledBy="annual" keyColumns={2}>
        <table aria-labelledby="annual">
          <thead>
            <tr>
              {data.annual.headers.map((h, i) => (
                <th key={i} scope="col" className={data.annual.kinds[i] === "text" ? undefined : "num"}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.annual.rows.map((r) => (
              <tr key={r.id}>
                {r.cells.map((v, i) => (
                  <td key={i} className={data.annual.kinds[i] === "text" ? undefined : "num"}>
                    {v}
                    {i === 1 ? marker(r.id) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t("financing.total")}
              </th>
              <td className="num">{data.annual.total}</td>
              {data.annual.headers.slice(4).map((_, i) => (
                <td key={i} />
              ))}
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </>
  );
}
