import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useKeepVersion } from "~/components/program-link";
import { useCommentMarkers } from "~/components/comment-marker";
import { rowAnchor } from "~/domain/comment-counts";
import { CONSULTATIONS_KIND } from "~/domain/consultations";
import { one } from "~/domain/program-data";
import { PROBLEMS_KIND } from "~/domain/situation";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { formatPercent } from "~/domain/format";
import { formatNumber as formatNumberIn } from "~/domain/format";
import { indicatorNumbers } from "~/domain/indicators";
import { numbering } from "~/domain/strategy-tree";
import { answersIndex, goalTrace, priorityTrace, problemTrace, type Answer, type TraceNode } from "~/domain/traceability";
import { getT } from "~/i18n/i18n.server";
import { methodology } from "~/methodology/templates.server";
import { useProgramLayout } from "./programs.$programId";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  // Numbers are formatted here, once, so neither the server render nor hydration repeats it.
  const formatNumber = (value: number | null | undefined) => formatNumberIn(value, lang);
  const data = await read.programData();
  const share = methodology.thresholds.traceability.highPriorityShare;
  const numbers = numbering(data);
  const indicatorNo = indicatorNumbers(data, undefined, numbers);
  // Only what the page shows goes to the client: ids, numbers, titles, costs.
  const viaTexts = new Map<string, string>();
  const via = (nodeId: string) => {
    if (!viaTexts.has(nodeId)) viaTexts.set(nodeId, t("monitoring:trace.viaNode", { number: numbers[nodeId] ?? "" }));
    return viaTexts.get(nodeId)!;
  };
  const answers = (list: Answer[]) =>
    list.map((a) => ({ id: a.actionId, number: a.number, title: a.title, via: a.viaNodeId ? via(a.viaNodeId) : null }));
  const slim = (n: TraceNode): SlimNode => ({
    id: n.id,
    number: n.number,
    title: n.title,
    cost: formatNumber(n.cost),
    actionCount: n.actionCount,
    indicators: n.indicators.map((i) => ({ id: i.id, number: indicatorNo[i.id] ?? "", name: i.data.name, unit: i.data.unit })),
    actions: n.actions.map((a) => ({
      id: a.id,
      number: a.number,
      title: a.title,
      cost: formatNumber(a.cost),
      indicators: a.indicators.map((i) => ({ id: i.id, number: indicatorNo[i.id] ?? "", name: i.data.name, unit: i.data.unit })),
    })),
    children: n.children.map(slim),
  });
  const index = answersIndex(data);
  const problems = problemTrace(data, share, index);
  return json({
    title: t("monitoring:trace.title"),
    // Problems and priorities are rows inside their elements: comments on them are anchored there.
    problemsId: one(data, PROBLEMS_KIND)?.id ?? null,
    consultationsId: one(data, CONSULTATIONS_KIND)?.id ?? null,
    share,
    goals: goalTrace(data).map(slim),
    problems: problems.map((p) => ({
      id: p.problem.id,
      title: p.problem.title,
      score: formatNumber(p.problem.priorityScore),
      high: p.high,
      actions: answers(p.actions),
    })),
    unanswered: problems.filter((p) => p.high && p.actions.length === 0).map((p) => ({ id: p.problem.id, title: p.problem.title })),
    priorities: priorityTrace(data, index).map((p) => ({
      id: p.priority.id,
      text: p.priority.text,
      votes: formatNumber(p.priority.votes),
      actions: answers(p.actions),
    })),
  });
}

interface SlimIndicator {
  id: string;
  number: string;
  name: string;
  unit: string;
}
interface SlimNode {
  id: string;
  number: string;
  title: string;
  cost: string;
  actionCount: number;
  indicators: SlimIndicator[];
  actions: { id: string; number: string; title: string; cost: string; indicators: SlimIndicator[] }[];
  children: SlimNode[];
}

/**
 * This page lists hundreds of indicators and actions: plain anchors (with the viewed version kept,
 * as program-link's Link does) and one text node per item keep its render cheap.
 */
function Indicators({ items, programId, keep }: { items: SlimIndicator[]; programId: number; keep: (to: string) => string }) {
  if (items.length === 0) return null;
  return (
    <ul className="trace-indicators">
      {items.map((i) => (
        <li key={i.id}>
          <a href={keep(`/programs/${programId}/indicators/${i.id}`)}>{`${i.number} ${i.name}`}</a>
          {` (${i.unit})`}
        </li>
      ))}
    </ul>
  );
}

function Node({ node, programId, depth, keep }: { node: SlimNode; programId: number; depth: number; keep: (to: string) => string }) {
  const { t } = useTranslation("monitoring");
  const ksom = t("trace.ksom");
  const Heading = (depth === 0 ? "h3" : depth === 1 ? "h4" : "h5") as "h3";
  return (
    <li>
      <Heading>
        {node.number} {node.title}
      </Heading>
      <p className="progress">{t("trace.costTotal", { cost: node.cost, count: node.actionCount })}</p>
      {node.indicators.length > 0 ? (
        <>
          <p className="trace-label">{t("trace.indicators")}</p>
          <Indicators items={node.indicators} programId={programId} keep={keep} />
        </>
      ) : null}
      {node.actions.length > 0 ? (
        <>
          <p className="trace-label">{t("trace.actions")}</p>
          <ul className="trace-actions">
            {node.actions.map((a) => (
              <li key={a.id}>
                {`${a.number} ${a.title} — ${a.cost} ${ksom}`}
                <Indicators items={a.indicators} programId={programId} keep={keep} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {node.children.length > 0 ? (
        <ul className="trace-tree">
          {node.children.map((c) => (
            <Node key={c.id} node={c} programId={programId} depth={depth + 1} keep={keep} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function ActionRefs({ actions }: { actions: { id: string; number: string; title: string; via: string | null }[] }) {
  const { t } = useTranslation("monitoring");
  if (actions.length === 0) return <span className="tag tag--error">{t("trace.unanswered")}</span>;
  return (
    <ul className="trace-refs">
      {actions.map((a) => (
        <li key={a.id}>
          {`${a.number} ${a.title}`}
          {a.via ? <span className="progress"> ({a.via})</span> : null}
        </li>
      ))}
    </ul>
  );
}

export default function TracePage() {
  const { t, i18n } = useTranslation("monitoring");
  const lang = i18n.language;
  const data = useLoaderData<typeof loader>();
  const { program } = useProgramLayout();
  const keep = useKeepVersion();
  const marker = useCommentMarkers();
  return (
    <>
      <h1>{data.title}</h1>
      <p>{t("trace.lead")}</p>
      <section aria-labelledby="unanswered-heading" className={data.unanswered.length > 0 ? "notice notice--warning" : "notice"}>
        <h2 id="unanswered-heading">{t("trace.unansweredHeading")}</h2>
        {data.unanswered.length > 0 ? (
          <>
            <p>{t("trace.unansweredLead", { share: formatPercent(data.share, lang) })}</p>
            <ul>
              {data.unanswered.map((p) => (
                <li key={p.id}>{p.title}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("trace.allAnswered")}</p>
        )}
      </section>
      <h2>{t("trace.goalsHeading")}</h2>
      {data.goals.length === 0 ? (
        <p>{t("trace.noStrategy")}</p>
      ) : (
        <ul className="trace-tree">
          {data.goals.map((g) => (
            <Node key={g.id} node={g} programId={program.id} depth={0} keep={keep} />
          ))}
        </ul>
      )}
      <h2 id="problems-heading">{t("trace.problemsHeading")}</h2>
      {data.problems.length === 0 ? (
        <p>{t("trace.noProblems")}</p>
      ) : (
        <TableScroll label={t("trace.problemsTable")}>
          <table>
            <caption>{t("trace.problemsTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("trace.problem")}</th>
                <th scope="col" className="num">
                  {t("trace.score")}
                </th>
                <th scope="col">{t("trace.answeredBy")}</th>
              </tr>
            </thead>
            <tbody>
              {data.problems.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.title} {p.high ? <span className="tag tag--warn">{t("trace.high")}</span> : null}
                    {data.problemsId ? marker(rowAnchor(data.problemsId, p.id)) : null}
                  </th>
                  <td className="num">{p.score}</td>
                  <td>
                    <ActionRefs actions={p.actions} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>{t("trace.prioritiesHeading")}</h2>
      {data.priorities.length === 0 ? (
        <p>{t("trace.noPriorities")}</p>
      ) : (
        <TableScroll label={t("trace.prioritiesTable")}>
          <table>
            <caption>{t("trace.prioritiesTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("trace.priority")}</th>
                <th scope="col" className="num">
                  {t("trace.votes")}
                </th>
                <th scope="col">{t("trace.answeredBy")}</th>
              </tr>
            </thead>
            <tbody>
              {data.priorities.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.text}
                    {data.consultationsId ? marker(rowAnchor(data.consultationsId, p.id)) : null}
                  </th>
                  <td className="num">{p.votes}</td>
                  <td>
                    <ActionRefs actions={p.actions} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
