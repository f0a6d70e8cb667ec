import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { summaryValues } from "~/domain/completeness";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { StageHeader } from "~/components/stage-header";
import { formatNumber } from "~/domain/format";
import { lensCompleteness, lensDataOf, lensLinkContext, lensSummary, openGaps, vulnerableGroupCoverage } from "~/domain/lens";
import { actionsOf } from "~/domain/element-kinds";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { stageGuidance } from "~/services/stage-guidance.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

/** Overview of the lens: one row per block, the open gaps, and the vulnerable groups the plan reaches. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { lang } = await getT(request);
  const data = await read.programData();
  const lens = lensDataOf(data);
  const ctx = lensLinkContext(data);
  const template = methodology.lens;
  const summary = lensSummary(lens, template, ctx);
  const open = new Set(openGaps(lens, ctx));
  const questions = template.blocks.flatMap((b) =>
    b.questions.map((q) => ({ blockId: b.id, id: q.id, number: q.number, text: localize(q.text, lang) })),
  );
  const groupLabel = new Map(methodology.reference.vulnerableGroups.map((g) => [g.id, localize(g.label, lang)]));
  return json({
    ...stageGuidance("inclusive_lens", lang),
    programId: program.id,
    blocks: template.blocks.map((b) => ({ id: b.id, title: localize(b.title, lang), question: localize(b.question, lang) })),
    summary,
    openGaps: questions.filter((q) => open.has(q.id)),
    groups: vulnerableGroupCoverage(data).map((g) => ({ ...g, label: groupLabel.get(g.groupId) ?? g.groupId })),
    hasActions: actionsOf(data).length > 0,
    completeness: lensCompleteness(data, template),
    lang,
  });
}

export default function LensOverview() {
  const { t } = useTranslation(["inclusion", "program", "common"]);
  const data = useLoaderData<typeof loader>();
  const n = (v: number) => formatNumber(v, data.lang);
  const rows = data.blocks.map((b, i) => ({ block: b, s: data.summary.blocks[i] }));
  return (
    <>
      <StageHeader guidance={data} />
      <p className="lead">{t("lens.lead")}</p>
      <p className="progress">{t(`program:${data.completeness.summaryKey}`, summaryValues(data.completeness))}</p>

      <TableScroll label={t("lens.summaryCaption")}>
        <table>
          <caption>{t("lens.summaryCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("lens.block")}</th>
              <th scope="col" className="num">
                {t("lens.questions")}
              </th>
              <th scope="col" className="num">
                {t("lens.answered")}
              </th>
              <th scope="col" className="num">
                {t("lens.gaps")}
              </th>
              <th scope="col" className="num">
                {t("lens.linked")}
              </th>
              <th scope="col" className="num">
                {t("lens.justified")}
              </th>
              <th scope="col" className="num">
                {t("lens.open")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ block, s }) => (
              <tr key={block.id}>
                <th scope="row">
                  <ProgramLink to={`/programs/${data.programId}/lens/${block.id}`}>
                    {block.id}. {block.title}
                  </ProgramLink>
                  <span className="hint">{block.question}</span>
                </th>
                <td className="num">{n(s.questions)}</td>
                <td className="num">{n(s.answered)}</td>
                <td className="num">{n(s.gaps)}</td>
                <td className="num">{n(s.linked)}</td>
                <td className="num">{n(s.justified)}</td>
                <td className="num">{s.open > 0 ? <strong className="tag tag--error">{n(s.open)}</strong> : n(s.open)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("lens.total")}</th>
              <td className="num">{n(data.summary.total.questions)}</td>
              <td className="num">{n(data.summary.total.answered)}</td>
              <td className="num">{n(data.summary.total.gaps)}</td>
              <td className="num">{n(data.summary.total.linked)}</td>
              <td className="num">{n(data.summary.total.justified)}</td>
              <td className="num">{n(data.summary.total.open)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>

      <h2>{t("lens.openGapsTitle")}</h2>
      {data.openGaps.length === 0 ? (
        <p>{t("lens.noOpenGaps")}</p>
      ) : (
        <ul>
          {data.openGaps.map((q) => (
            <li key={q.id}>
              <ProgramLink to={`/programs/${data.programId}/lens/${q.blockId}#lens-answers.${q.id}`}>
                {q.number}. {q.text}
              </ProgramLink>
            </li>
          ))}
        </ul>
      )}

      <h2 id="groups-title">{t("lens.groupsTitle")}</h2>
      <p className="hint">{t("lens.groupsHint")}</p>
      {data.groups.length === 0 ? (
        <p>{t("lens.noGroups")}</p>
      ) : (
        <>
          {!data.hasActions ? <p className="notice">{t("empty.noActions")}</p> : null}
          <TableScroll labelledBy="groups-title">
            <table aria-labelledby="groups-title">
              <thead>
                <tr>
                  <th scope="col">{t("lens.group")}</th>
                  <th scope="col" className="num">
                    {t("lens.actionsTargeting")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.groups.map((g) => (
                  <tr key={g.groupId}>
                    <th scope="row">{g.label}</th>
                    <td className="num">
                      {g.actionCount > 0 ? n(g.actionCount) : <span className="tag tag--warn">{t("lens.noActionForGroup")}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      <p>
        <ProgramLink className="button" to={`/programs/${data.programId}/lens/${data.blocks[0]?.id ?? "A"}`}>
          {t("lens.start")}
        </ProgramLink>
      </p>
    </>
  );
}
