import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isProgramStatus } from "~/domain/workflow";
import { requireGlobalPermission } from "~/auth/authorize.server";
import { pageTitle } from "~/components/page-title";
import { worstRulesFirst } from "~/domain/compliance/dashboard";
import { placeLine } from "~/methodology/places.server";
import { formatPercent } from "~/domain/format";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { ministryDashboard } from "~/services/ministry-dashboard.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

/** The ministry's landing page: every submitted program, its check results, filters (GET, works without JS). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireGlobalPermission(request, "program:read-all-submitted");
  const { t, lang } = await getT(request);
  const url = new URL(request.url);
  const pick = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  const status = pick("status");
  const filters = { oblast: pick("oblast"), raion: pick("raion"), status: status && isProgramStatus(status) ? status : undefined };
  const dashboard = await ministryDashboard(filters, lang);
  const rules = new Map(methodology.compliance.rules.map((r) => [r.id, r]));
  return json({
    title: t("ministry.title"),
    filters,
    options: dashboard.options,
    rows: dashboard.rows.map((r) => ({
      ...r,
      municipalityName: lang === "ky" ? r.municipality.nameKy : r.municipality.nameRu,
      place: placeLine(r.municipality, lang),
      vulnerable: formatPercent(r.vulnerableShare, lang),
      bySex: formatPercent(r.bySexShare, lang),
    })),
    passRates: worstRulesFirst(dashboard.passRates).map((p) => {
      const rule = rules.get(p.ruleId)!;
      return { ...p, number: rule.number, severity: rule.severity, text: localize(rule.text, lang), rateText: formatPercent(p.rate, lang) };
    }),
  });
}

export default function MinistryDashboard() {
  const { t } = useTranslation(["common", "compliance"]);
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("ministry.title")}</h1>
      <p className="lead">{t("compliance:dashboard.lead")}</p>
      <Form method="get" className="dashboard-filters" aria-labelledby="filters-title">
        <h2 id="filters-title" className="visually-hidden">
          {t("compliance:dashboard.filters")}
        </h2>
        {(["oblast", "raion", "status"] as const).map((name) => {
          const values =
            name === "status" ? data.options.statuses.map((s) => ({ value: s, label: t(`status.${s}`) })) : data.options[`${name}s`];
          return (
            <div className="field" key={name}>
              <label htmlFor={`filter-${name}`}>{t(`compliance:dashboard.${name}`)}</label>
              <select id={`filter-${name}`} name={name} defaultValue={data.filters[name] ?? ""}>
                <option value="">{t("compliance:dashboard.any")}</option>
                {values.map((v) => (
                  <option key={v.value} value={v.value}>
                    {v.label}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <div className="dashboard-filters__buttons">
          <button type="submit" className="button">
            {t("compliance:dashboard.apply")}
          </button>
          <Link to="/ministry" className="button button--secondary">
            {t("compliance:dashboard.reset")}
          </Link>
        </div>
      </Form>
      {data.rows.length === 0 ? (
        <p>{t("compliance:dashboard.none")}</p>
      ) : (
        <TableScroll label={t("compliance:dashboard.programsCaption", { count: data.rows.length })}>
          <table>
            <caption>{t("compliance:dashboard.programsCaption", { count: data.rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("compliance:dashboard.municipality")}</th>
                <th scope="col">{t("compliance:dashboard.program")}</th>
                <th scope="col">{t("compliance:dashboard.period")}</th>
                <th scope="col">{t("compliance:dashboard.status")}</th>
                <th scope="col">{t("compliance:dashboard.stages")}</th>
                <th scope="col">{t("compliance:dashboard.blockers")}</th>
                <th scope="col">{t("compliance:dashboard.warnings")}</th>
                <th scope="col">{t("compliance:dashboard.vulnerableShare")}</th>
                <th scope="col">{t("compliance:dashboard.bySexShare")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.municipalityName}
                    <span className="hint">{r.place}</span>
                  </th>
                  <td>
                    <Link to={`/programs/${r.id}`}>{r.title}</Link>
                    <span className="hint">
                      <Link to={`/programs/${r.id}/check`}>{t("compliance:dashboard.report")}</Link>
                    </span>
                  </td>
                  <td>
                    {r.startYear}–{r.endYear}
                  </td>
                  <td>{t(`status.${r.status}`)}</td>
                  <td className="num">{t("compliance:dashboard.stagesValue", { done: r.stagesComplete, total: r.stagesTotal })}</td>
                  <td className="num">
                    {r.blockersFailing > 0 ? <span className="tag tag--error">{r.blockersFailing}</span> : r.blockersFailing}
                  </td>
                  <td className="num">{r.warningsFailing}</td>
                  <td className="num">{r.vulnerable}</td>
                  <td className="num">{r.bySex}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {data.rows.length > 0 ? (
        <>
          <h2 id="rules-title">{t("compliance:dashboard.rulesCaption")}</h2>
          <p className="hint">{t("compliance:dashboard.rulesHint")}</p>
          <TableScroll labelledBy="rules-title">
            <table aria-labelledby="rules-title">
              <thead>
                <tr>
                  <th scope="col">{t("compliance:report.rule")}</th>
                  <th scope="col">{t("compliance:report.severity")}</th>
                  <th scope="col">{t("compliance:dashboard.passRate")}</th>
                  <th scope="col">{t("compliance:dashboard.passCount")}</th>
                  <th scope="col">{t("compliance:dashboard.failCount")}</th>
                  <th scope="col">{t("compliance:dashboard.naCount")}</th>
                </tr>
              </thead>
              <tbody>
                {data.passRates.map((p) => (
                  <tr key={p.ruleId}>
                    <th scope="row">
                      {p.number}. {p.text}
                    </th>
                    <td>{t(`compliance:severity.${p.severity}`)}</td>
                    <td className="num">{p.rateText}</td>
                    <td className="num">{p.pass}</td>
                    <td className="num">{p.fail}</td>
                    <td className="num">{p.na}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
      <h2>{t("compliance:dashboard.method")}</h2>
      <p>{t("compliance:dashboard.methodVulnerable")}</p>
      <p>{t("compliance:dashboard.methodBySex")}</p>
    </>
  );
}
