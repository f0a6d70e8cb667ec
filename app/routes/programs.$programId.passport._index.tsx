import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { StageHeader } from "~/components/stage-header";
import { PASSPORT_TABLES } from "~/domain/passport";
import { passportCompleteness, tableFilled } from "~/domain/passport-completeness";
import { getT } from "~/i18n/i18n.server";
import { stageGuidance } from "~/services/stage-guidance.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { lang } = await getT(request);
  const { data, passportRows } = await read.context(lang);
  return json({
    ...stageGuidance("passport", lang),
    programId: program.id,
    completeness: passportCompleteness(data, passportRows),
    tables: PASSPORT_TABLES.map((id) => ({ id, filled: tableFilled(id, data, passportRows) })),
  });
}

/** The six passport tables with their status; each table has its own page. */
export default function PassportOverview() {
  const { t } = useTranslation(["stages", "program"]);
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <StageHeader guidance={data} />
      <p>
        {t("program:completeness.passport", {
          done: data.completeness.done,
          total: data.completeness.total,
          count: data.completeness.total,
        })}
      </p>
      <ol className="stage-list passport-list">
        {data.tables.map((table, i) => (
          <li key={table.id}>
            <span className="stage-list__n">{`Т${i + 1}`}</span>
            <ProgramLink to={`/programs/${data.programId}/passport/${table.id}`}>{t(`passport.${table.id}.title`)}</ProgramLink>
            <span className={`tag ${table.filled ? "tag--ok" : "tag--muted"}`}>
              {table.filled ? t("passport.filled") : t("passport.notFilled")}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
