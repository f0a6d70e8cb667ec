import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { fieldLabel, isInternalField } from "~/domain/field-labels";
import { formatDateTime } from "~/domain/format";
import { summarizeChange } from "~/domain/revision-summary";
import { getT } from "~/i18n/i18n.server";
import { TableScroll } from "~/components/table-scroll";
import { revisionsOf } from "~/services/elements.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

const PAGE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program } = await requireProgram(request, params.programId);
  const { t } = await getT(request);
  const before = Number(new URL(request.url).searchParams.get("before")) || undefined;
  const rows = await revisionsOf(program.id, PAGE + 1, before);
  const page = rows.slice(0, PAGE);
  return json({
    title: t("program:history.title"),
    revisions: page.map((r) => ({
      id: r.id,
      when: r.created_at,
      who: r.userName ?? "—",
      kind: r.kind,
      change: r.change,
      // Named by their form labels in the reader's language (the registry in ~/domain/field-labels).
      fields: [
        ...new Set(
          summarizeChange(r.before, r.after)
            .filter((f) => !isInternalField(f))
            .map((f) => fieldLabel(r.kind, f, t)),
        ),
      ],
    })),
    nextBefore: rows.length > PAGE ? page[page.length - 1].id : null,
  });
}

export default function History() {
  const { t, i18n } = useTranslation(["program", "common"]);
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("history.title")}</h1>
      <p className="lead">{t("history.lead")}</p>
      {data.revisions.length === 0 ? <p>{t("history.empty")}</p> : null}
      <TableScroll label={t("history.title")}>
        <table>
          <caption className="visually-hidden">{t("history.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("history.when")}</th>
              <th scope="col">{t("history.who")}</th>
              <th scope="col">{t("history.what")}</th>
              <th scope="col">{t("history.fields")}</th>
            </tr>
          </thead>
          <tbody>
            {data.revisions.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.when, i18n.language)}</td>
                <td>{r.who}</td>
                <td>
                  {t(`kinds.${r.kind}`, { defaultValue: r.kind })} — {t(`history.change.${r.change}`)}
                </td>
                <td>
                  {r.fields.slice(0, 8).join(", ")}
                  {r.fields.length > 8 ? "…" : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {data.nextBefore ? <ProgramLink to={`?before=${data.nextBefore}`}>{t("history.older")}</ProgramLink> : null}
    </>
  );
}
