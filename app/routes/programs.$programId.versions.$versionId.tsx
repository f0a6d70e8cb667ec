/**
 * One frozen version, read-only: strategy, actions, indicators and lens answers rendered from
 * the snapshot with the same domain functions the live pages use (numbers are recomputed).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requireProgram } from "~/auth/authorize.server";
import { pageTitle } from "~/components/page-title";
import { StatusTag, useDateFormat } from "~/components/review";
import { db } from "~/db.server";
import { actionsList } from "~/domain/actions";
import { formatNumber } from "~/domain/format";
import { indicatorNumbers, indicatorsOf } from "~/domain/indicators";
import { lensDataOf } from "~/domain/lens";
import { flattenTree, numbering, strategyTree } from "~/domain/strategy-tree";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { getApproval, loadSnapshot, snapshotToProgramData } from "~/services/workflow.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const v = await loadSnapshot(db, Number(params.versionId) || 0);
  if (!v || v.programId !== program.id) throw notFound();
  const data = await snapshotToProgramData(db, v.snapshot, v.status);
  const numbers = numbering(data);
  const final = String(data.program.endYear);
  const lens = lensDataOf(data);
  const answerLabel = (id?: string) => {
    const a = methodology.lens.answers.find((x) => x.id === id);
    return a ? localize(a.label, lang) : "—";
  };
  const counts: Record<string, number> = {};
  for (const [kind, list] of Object.entries(data.byKind)) counts[kind] = list.length;
  return json({
    title: t("review:versions.viewTitle", { n: v.number }),
    base: `/programs/${program.id}`,
    version: { id: v.id, number: v.number, status: v.status, createdAt: v.createdAt },
    program: { title: data.program.title, period: `${data.program.startYear}–${data.program.endYear}` },
    approval: await getApproval(db, program.id, v.id),
    strategy: flattenTree(strategyTree(data)).map((n) => ({ id: n.element.id, number: n.number, depth: n.depth, title: n.element.data.title })),
    actions: actionsList(data)
      .map((a) => ({ id: a.id, number: numbers[a.id] ?? "", title: a.data.title, years: `${a.data.startYear}–${a.data.endYear}`, cost: formatNumber(a.data.totalCost, lang) }))
      .sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true })),
    indicators: (() => {
      const ind = indicatorNumbers(data);
      return indicatorsOf(data).map((i) => ({
        id: i.id,
        number: ind[i.id] ?? "",
        name: i.data.name,
        unit: i.data.unit,
        baseline: formatNumber(i.data.baselineValue ?? null, lang),
        target: formatNumber(i.data.targets?.[final] ?? null, lang),
      }));
    })(),
    lens: methodology.lens.blocks.flatMap((b) => b.questions.map((q) => ({ id: q.id, number: q.number, text: localize(q.text, lang), answer: answerLabel(lens?.answers?.[q.id]?.answer) }))).filter((q) => q.answer !== "—"),
    counts: Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)),
  });
}

export default function VersionView() {
  const { t } = useTranslation(["review", "program", "common"]);
  const d = useLoaderData<typeof loader>();
  const date = useDateFormat();
  return (
    <>
      <span className="hint">{t("versions.readOnly")}</span>
      <h1>{t("versions.viewTitle", { n: d.version.number })}</h1>
      <p className="lead">
        {d.program.title}, {d.program.period} · <StatusTag status={d.version.status} /> · {date(d.version.createdAt)}
      </p>
      <p>
        <Link to={`${d.base}/versions`}>{t("versions.back")}</Link>
      </p>
      {d.approval ? (
        <p className="notice">{t("approval.line", { number: d.approval.resolutionNumber, date: d.approval.resolutionDate, chair: d.approval.chairName })}</p>
      ) : null}

      <h2 id="v-strategy">{t("versions.strategy")}</h2>
      {d.strategy.length === 0 ? <p>{t("versions.none")}</p> : (
        <ul className="version-tree">
          {d.strategy.map((n) => (
            <li key={n.id} className={`depth-${Math.min(n.depth, 4)}`}>
              <strong>{n.number}</strong> {n.title}
            </li>
          ))}
        </ul>
      )}

      <h2 id="v-actions">{t("versions.actions")}</h2>
      {d.actions.length === 0 ? <p>{t("versions.none")}</p> : (
        <div className="table-wrap">
          <table aria-labelledby="v-actions">
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t("versions.actionTitle")}</th>
                <th scope="col">{t("versions.years")}</th>
                <th scope="col" className="num">{t("versions.cost")}</th>
              </tr>
            </thead>
            <tbody>
              {d.actions.map((a) => (
                <tr key={a.id}>
                  <td>{a.number}</td>
                  <td>{a.title}</td>
                  <td>{a.years}</td>
                  <td className="num">{a.cost}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="v-indicators">{t("versions.indicators")}</h2>
      {d.indicators.length === 0 ? <p>{t("versions.none")}</p> : (
        <div className="table-wrap">
          <table aria-labelledby="v-indicators">
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t("versions.indicatorName")}</th>
                <th scope="col">{t("versions.unit")}</th>
                <th scope="col" className="num">{t("versions.baseline")}</th>
                <th scope="col" className="num">{t("versions.target")}</th>
              </tr>
            </thead>
            <tbody>
              {d.indicators.map((i) => (
                <tr key={i.id}>
                  <td>{i.number}</td>
                  <td>{i.name}</td>
                  <td>{i.unit}</td>
                  <td className="num">{i.baseline}</td>
                  <td className="num">{i.target}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="v-lens">{t("versions.lens")}</h2>
      {d.lens.length === 0 ? <p>{t("versions.none")}</p> : (
        <div className="table-wrap">
          <table aria-labelledby="v-lens">
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t("versions.question")}</th>
                <th scope="col">{t("versions.answer")}</th>
              </tr>
            </thead>
            <tbody>
              {d.lens.map((q) => (
                <tr key={q.id}>
                  <td>{q.number}</td>
                  <td>{q.text}</td>
                  <td>{q.answer}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="v-all">{t("versions.allElements")}</h2>
      <dl className="summary-list">
        {d.counts.map(([kind, n]) => (
          <div key={kind}>
            <dt>{t(`program:kinds.${kind}`, { defaultValue: kind })}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
