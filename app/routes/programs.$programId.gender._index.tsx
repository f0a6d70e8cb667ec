import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { summaryValues } from "~/domain/completeness";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { SavedNotice } from "~/components/element-form";
import { StageHeader } from "~/components/stage-header";
import { TableScroll } from "~/components/table-scroll";
import { useCommentMarkers } from "~/components/comment-marker";
import { rowAnchor } from "~/domain/comment-counts";
import { formatNumber, formatPercent } from "~/domain/format";
import {
  consultationParticipation,
  decisionShares,
  GENDER_KIND,
  genderActionCheck,
  genderCompleteness,
  genderDataOf,
  genderProfile,
} from "~/domain/gender";
import { one } from "~/domain/program-data";
import { genderGapChartSvg } from "~/domain/gender-chart";
import { actionsOf } from "~/domain/element-kinds";
import { genderGapsTable, genderGapTableRows } from "~/domain/tables/gender-gaps";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { stageGuidance } from "~/services/stage-guidance.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

/** Overview of the gender analysis: computed profile, decision-making, gap chart and the action check. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const data = await read.programData();
  const g = genderDataOf(data);
  const tpl = methodology.gender;
  const label = (list: readonly { id: string; label: Parameters<typeof localize>[0] }[]) => (id: string) =>
    localize(list.find((x) => x.id === id)?.label ?? { ru: id, ky: id, en: id }, lang);
  const profileLabel = label(tpl.profileRows);
  const bandLabel = label(methodology.reference.ageBands);
  const profile = genderProfile(data, { profileRows: tpl.profileRows, ageBands: methodology.reference.ageBands });
  const actionTitles = new Map(actionsOf(data).map((a) => [a.id, a.data.title]));
  const gaps = g?.gaps ?? [];
  const fmt = (v: number) => formatNumber(v, lang);
  const chartSvg = gaps.length
    ? genderGapChartSvg(gaps, {
        title: t("inclusion:gender.chart.title"),
        desc: t("inclusion:gender.chart.desc"),
        women: t("inclusion:gender.women"),
        men: t("inclusion:gender.men"),
        formatNumber: fmt,
      })
    : null;
  const check = genderActionCheck(data, tpl.genderTags);
  return json({
    ...stageGuidance("gender", lang),
    programId: program.id,
    lang,
    completeness: genderCompleteness(data, methodology),
    profile: {
      hasData: profile.hasData,
      rows: profile.rows.map((r) => ({
        ...r,
        label: r.ageBandId
          ? bandLabel(r.ageBandId)
          : r.id === "age:total"
            ? t("inclusion:gender.profile.populationTotal")
            : profileLabel(r.profileRowId),
        group: r.id.startsWith("age:") ? profileLabel(r.profileRowId) : null,
      })),
    },
    decision: decisionShares(g, tpl.decisionBodies).map((d) => ({ ...d, label: label(tpl.decisionBodies)(d.bodyId) })),
    participation: consultationParticipation(data),
    unpaidCare: g?.unpaidCare ?? {},
    // Comments on a gap are anchored to its row inside the gender element (see rowAnchor).
    elementId: one(data, GENDER_KIND)?.id ?? null,
    gapRows: genderGapTableRows(gaps, {
      domain: label(tpl.gapDomains),
      needType: label(tpl.needTypes),
      action: (id) => actionTitles.get(id),
    }),
    chartSvg,
    check: {
      ...check,
      tags: [
        ...tpl.genderTags.map((x) => ({ id: x.id, label: localize(x.label, lang) })),
        { id: "none", label: t("inclusion:gender.check.noTag") },
      ],
    },
  });
}

export default function GenderOverview() {
  const { t } = useTranslation(["inclusion", "program", "common"]);
  const data = useLoaderData<typeof loader>();
  const n = (v: number | null | undefined) => formatNumber(v, data.lang);
  const base = `/programs/${data.programId}/gender`;
  const numberCols = new Set(["women", "men", "gap", "ratio"]);
  const marker = useCommentMarkers();
  return (
    <>
      <StageHeader guidance={data} />
      <SavedNotice />
      <p className="progress">{t(`program:${data.completeness.summaryKey}`, summaryValues(data.completeness))}</p>
      <nav aria-label={t("gender.subpages")}>
        <ul className="button-group gender-subnav">
          <li>
            <ProgramLink className="button button--secondary" to={`${base}/harvard`}>
              {t("gender.harvard.link")}
            </ProgramLink>
          </li>
          <li>
            <ProgramLink className="button button--secondary" to={`${base}/gaps`}>
              {t("gender.gaps.link")}
            </ProgramLink>
          </li>
        </ul>
      </nav>

      <h2 id="profile-title">{t("gender.profile.title")}</h2>
      <p className="hint">{t("gender.profile.hint")}</p>
      {!data.profile.hasData ? <p className="notice">{t("gender.profile.empty")}</p> : null}
      <TableScroll labelledBy="profile-title">
        <table aria-labelledby="profile-title">
          <thead>
            <tr>
              <th scope="col">{t("gender.indicator")}</th>
              <th scope="col" className="num">
                {t("gender.women")}
              </th>
              <th scope="col" className="num">
                {t("gender.men")}
              </th>
              <th scope="col" className="num">
                {t("gender.total")}
              </th>
              <th scope="col" className="num">
                {t("gender.womenShare")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.profile.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.group && r.id !== "age:total" ? `${r.group}: ${r.label}` : r.label}</th>
                <td className="num">{n(r.women)}</td>
                <td className="num">{n(r.men)}</td>
                <td className="num">{n(r.total)}</td>
                <td className="num">{r.women !== null && r.total ? formatPercent(r.women / r.total, data.lang) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2 id="decision-title">{t("gender.decision.title")}</h2>
      <TableScroll labelledBy="decision-title">
        <table aria-labelledby="decision-title">
          <thead>
            <tr>
              <th scope="col">{t("gender.decision.body")}</th>
              <th scope="col" className="num">
                {t("gender.women")}
              </th>
              <th scope="col" className="num">
                {t("gender.total")}
              </th>
              <th scope="col" className="num">
                {t("gender.womenShare")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.decision.map((d) => (
              <tr key={d.bodyId}>
                <th scope="row">{d.label}</th>
                <td className="num">{n(d.women)}</td>
                <td className="num">{n(d.total)}</td>
                <td className="num">{formatPercent(d.share, data.lang)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t("gender.decision.consultations", { count: data.participation.meetings })}</th>
              <td className="num">{n(data.participation.women)}</td>
              <td className="num">
                {n(
                  data.participation.women === null && data.participation.men === null
                    ? null
                    : (data.participation.women ?? 0) + (data.participation.men ?? 0),
                )}
              </td>
              <td className="num">{formatPercent(data.participation.share, data.lang)}</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <dl className="summary-list">
        <dt>{t("gender.unpaidCare.women")}</dt>
        <dd>{n(data.unpaidCare.women)}</dd>
        <dt>{t("gender.unpaidCare.men")}</dt>
        <dd>{n(data.unpaidCare.men)}</dd>
      </dl>

      <h2 id="gaps-title">{t("gender.gaps.title")}</h2>
      {data.gapRows.length === 0 ? (
        <p>
          {t("gender.gaps.empty")} <ProgramLink to={`${base}/gaps`}>{t("gender.gaps.link")}</ProgramLink>
        </p>
      ) : (
        <>
          {/* SVG built on the server from our own escaped text; no script, no inline style. */}
          <figure className="gender-chart">
            <div className="gender-chart__svg" dangerouslySetInnerHTML={{ __html: data.chartSvg ?? "" }} />
            <figcaption>{t("gender.chart.caption")}</figcaption>
            <table className="visually-hidden">
              <caption>{t("gender.chart.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("gender.indicator")}</th>
                  <th scope="col">{t("gender.women")}</th>
                  <th scope="col">{t("gender.men")}</th>
                </tr>
              </thead>
              <tbody>
                {data.gapRows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.unit ? `${r.indicator} (${r.unit})` : r.indicator}</th>
                    <td>{n(r.women)}</td>
                    <td>{n(r.men)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
          <TableScroll labelledBy="gaps-title">
            <table id="gaps-chart-table" aria-labelledby="gaps-title">
              <thead>
                <tr>
                  {genderGapsTable.map((c) => (
                    <th key={c.id} scope="col" className={numberCols.has(c.id) ? "num" : undefined}>
                      {t(c.header)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.gapRows.map((r) => (
                  <tr key={r.id}>
                    {genderGapsTable.map((c, i) => {
                      const v = c.accessor(r);
                      if (i === 0)
                        return (
                          <td key={c.id}>
                            {v || "—"}
                            {data.elementId ? marker(rowAnchor(data.elementId, r.id)) : null}
                          </td>
                        );
                      return c.kind === "text" ? (
                        <td key={c.id}>{v || "—"}</td>
                      ) : (
                        <td key={c.id} className="num">
                          {n(v as number | null)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}

      <h2 id="check-title">{t("gender.check.title")}</h2>
      {data.check.total === 0 ? (
        <p>{t("empty.noActions")}</p>
      ) : (
        <>
          <TableScroll labelledBy="check-title">
            <table aria-labelledby="check-title">
              <thead>
                <tr>
                  <th scope="col">{t("gender.check.tag")}</th>
                  <th scope="col" className="num">
                    {t("gender.check.actions")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.check.tags.map((tag) => (
                  <tr key={tag.id}>
                    <th scope="row">{tag.label}</th>
                    <td className="num">{n(data.check.byTag[tag.id] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <dl className="summary-list">
            <dt>{t("gender.check.beneficiariesWomen")}</dt>
            <dd>{n(data.check.beneficiaries.women)}</dd>
            <dt>{t("gender.check.beneficiariesMen")}</dt>
            <dd>{n(data.check.beneficiaries.men)}</dd>
            <dt>{t("gender.check.addsUnpaidCare")}</dt>
            <dd>
              {data.check.addsUnpaidCare.length === 0 ? t("gender.check.none") : data.check.addsUnpaidCare.map((a) => a.title).join("; ")}
            </dd>
          </dl>
        </>
      )}
    </>
  );
}
