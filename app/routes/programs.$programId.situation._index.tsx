import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { StageHeader } from "~/components/stage-header";
import { SITUATION_MIN, situationParts } from "~/domain/situation";
import { getT } from "~/i18n/i18n.server";
import { stageGuidance } from "~/services/stage-guidance.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

/** Stage 4 overview: one link per topic page, with what is still missing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { lang } = await getT(request);
  const data = await read.programData();
  return json({ ...stageGuidance("situation", lang), programId: program.id, parts: situationParts(data) });
}

export default function SituationOverview() {
  const { t } = useTranslation("analysis");
  const data = useLoaderData<typeof loader>();
  const base = `/programs/${data.programId}/situation`;
  const topics = [
    {
      id: "narrative",
      href: `${base}/narrative`,
      done: data.parts.narrative.done,
      status: t("overview.narrativeStatus", { count: data.parts.narrative.count, min: SITUATION_MIN.narrativeSectors }),
    },
    {
      id: "problems",
      href: `${base}/problems`,
      done: data.parts.problems.done,
      status: t("overview.problemsStatus", { count: data.parts.problems.count, min: SITUATION_MIN.problems }),
    },
    { id: "swot", href: `${base}/swot`, done: data.parts.swot.done, status: t("overview.swotStatus", { count: data.parts.swot.count }) },
    {
      id: "forecast",
      href: `${base}/forecast`,
      done: data.parts.forecast.done,
      status: t("overview.forecastStatus", { count: data.parts.forecast.count, min: SITUATION_MIN.forecastRows }),
    },
  ];
  return (
    <>
      <StageHeader guidance={data} />
      <ul className="card-list">
        {topics.map((topic) => (
          <li key={topic.id}>
            <h2>
              <ProgramLink to={topic.href}>{t(`${topic.id}.heading`)}</ProgramLink>
            </h2>
            <p>{t(`overview.${topic.id}What`)}</p>
            <p>
              <span className={`tag ${topic.done ? "tag--ok" : "tag--warn"}`}>{topic.done ? t("overview.done") : t("overview.todo")}</span>{" "}
              {topic.status}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
