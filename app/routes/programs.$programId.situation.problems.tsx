import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { formLabels } from "~/domain/field-labels.server";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { SavedNotice } from "~/components/element-form";
import { requireProgram } from "~/services/program-access.server";
import { CheckboxGroup } from "~/components/checkboxes";
import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { RowList } from "~/components/row-list";
import { StageHeader } from "~/components/stage-header";
import { formatNumber } from "~/domain/format";
import { newId } from "~/domain/ids";
import { villagesOf } from "~/domain/element-kinds";
import { one } from "~/domain/program-data";
import { PROBLEMS_KIND, problemsFormSchema, rankProblems, type ProblemsData } from "~/domain/situation";
import { problemsTable, problemTableRows } from "~/domain/tables/problems";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm, withRowIds } from "~/services/element-form.server";
import type { ProgramReader } from "~/services/program-reader.server";
import { stageGuidance } from "~/services/stage-guidance.server";
import { TableScroll } from "~/components/table-scroll";

import { useCommentMarkers } from "~/components/comment-marker";
import { ElementFormFrame } from "~/components/stage-page";
import { rowAnchor } from "~/domain/comment-counts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, canEdit, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const data = await read.programData();
  const element = one<ProblemsData>(data, PROBLEMS_KIND);
  const guidance = stageGuidance("situation", lang);
  return json({
    // Form labels from the registry, resolved here so it stays out of the page's JavaScript.
    labels: formLabels("problems", t),
    ...guidance,
    title: `${t("analysis:problems.heading")} — ${guidance.title}`,
    programId: program.id,
    canEdit,
    version: element?.version ?? 0,
    // Comments on a problem are anchored to its row inside the element (see rowAnchor).
    elementId: element?.id ?? null,
    sectors: methodology.reference.sectors.map((s) => ({ value: s.id, label: localize(s.label, lang) })),
    groups: methodology.reference.vulnerableGroups.map((g) => ({ value: g.id, label: localize(g.label, lang) })),
    villages: villagesOf(data).map((v) => ({ value: v.id, label: v.name })),
    rows: element?.data.rows ?? [],
    defaultValue: { rows: element?.data.rows ?? [] },
  });
}

async function schemaFor(read: ProgramReader) {
  const data = await read.programData();
  return problemsFormSchema({
    sectorIds: methodology.reference.sectors.map((s) => s.id),
    groupIds: methodology.reference.vulnerableGroups.map((g) => g.id),
    villageIds: villagesOf(data).map((v) => v.id),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Authorize before reading anything; handleElementForm checks again (cheap) and saves.
  const { read } = await requireProgram(request, params.programId, "edit");
  const schema = await schemaFor(read);
  return handleElementForm({
    request,
    params,
    kind: PROBLEMS_KIND,
    singleton: true,
    schema,
    toData: ({ version: _v, ...value }) => ({ rows: withRowIds(value.rows, newId) }),
  });
}

export default function ProblemsPage() {
  const { t, i18n } = useTranslation(["analysis", "common"]);
  const data = useLoaderData<typeof loader>();
  const marker = useCommentMarkers();
  const allowed = {
    sectorIds: data.sectors.map((s) => s.value),
    groupIds: data.groups.map((g) => g.value),
    villageIds: data.villages.map((v) => v.value),
  };
  const { form, fields, actionData } = useElementForm("problems", problemsFormSchema(allowed), data.defaultValue);
  const rows = fields.rows.getFieldList();
  // The rank follows what is typed now (with JavaScript) or what was last submitted (without).
  const liveRanks = rankProblems(rows.map((r, i) => ({ id: String(i), priorityScore: toScore(r.getFieldset().priorityScore.value) })));
  const labelOf = (list: { value: string; label: string }[]) => (id: string | undefined) =>
    list.find((o) => o.value === id)?.label ?? id ?? "";
  const ctx = {
    sector: labelOf(data.sectors),
    village: (id: string) => labelOf(data.villages)(id),
    group: (id: string) => labelOf(data.groups)(id),
    t: (k: string) => t(k),
  };
  const labels: Record<string, string> = data.labels;
  const tableRows = problemTableRows(data.rows);
  // Texts repeated in every row of the form, translated once.
  const text = {
    rank: t("problems.rank"),
    choose: t("common:forms.choose"),
    scoreHint: t("problems.scoreHint"),
    evidenceHint: t("problems.evidenceHint"),
  };
  return (
    <>
      <StageHeader guidance={data} />
      <p>
        <ProgramLink to={`/programs/${data.programId}/situation`}>{t("overview.back")}</ProgramLink>
      </p>
      <h2>{t("problems.heading")}</h2>
      <SavedNotice />
      <p className="hint">{t("problems.rankHint")}</p>
      {tableRows.length > 0 ? (
        <TableScroll label={t(problemsTable.title)}>
          <table>
            <caption>{t(problemsTable.title)}</caption>
            <thead>
              <tr>
                {problemsTable.columns.map((c) => (
                  <th key={c.id} scope="col" className={c.kind === "text" ? undefined : "num"}>
                    {t(c.header)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tableRows.map((row) => (
                <tr key={row.id}>
                  {problemsTable.columns.map((c) => {
                    const v = c.accessor(row, ctx);
                    if (c.id === "title")
                      return (
                        <td key={c.id}>
                          {v}
                          {data.elementId ? marker(rowAnchor(data.elementId, row.id)) : null}
                        </td>
                      );
                    return c.kind === "text" ? (
                      <td key={c.id}>{v}</td>
                    ) : (
                      <td key={c.id} className="num">
                        {formatNumber(v as number | null, i18n.language)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("problems.empty")}</p>
      )}
      {data.canEdit ? (
        <>
          <h2>{t("problems.editHeading")}</h2>
          <ElementFormFrame
            form={form}
            actionData={actionData}
            labels={labels}
            version={data.version}
            canEdit={data.canEdit}
            savedNotice={false}
          >
            {data.villages.length === 0 ? (
              <p className="notice notice--warning">
                {t("problems.noVillages")} <ProgramLink to={`/programs/${data.programId}/passport`}>{t("problems.toPassport")}</ProgramLink>
              </p>
            ) : null}
            <RowList
              form={form}
              name={fields.rows.name}
              rows={rows}
              addLabel={t("problems.add")}
              rowLabel={(i) => t("problems.row", { n: i + 1 })}
              defaultRow={{ villageIds: [], groups: [] }}
            >
              {(row, index) => {
                const f = row.getFieldset();
                const rank = liveRanks[index]?.rank ?? null;
                return (
                  <>
                    <input type="hidden" name={f.id.name} value={f.id.value ?? ""} />
                    <p className="problem-rank" aria-live="polite">
                      {text.rank}: <strong>{rank ?? "—"}</strong>
                    </p>
                    <TextField field={f.title} label={labels["rows[].title"]} />
                    <SelectField field={f.sectorId} label={labels["rows[].sectorId"]} options={data.sectors} placeholder={text.choose} />
                    <TextField
                      field={f.priorityScore}
                      label={labels["rows[].priorityScore"]}
                      type="number"
                      inputMode="numeric"
                      hint={text.scoreHint}
                    />
                    {data.villages.length > 0 ? (
                      <CheckboxGroup field={f.villageIds} legend={labels["rows[].villageIds"]} options={data.villages} />
                    ) : null}
                    <CheckboxGroup field={f.groups} legend={labels["rows[].groups"]} options={data.groups} />
                    <TextAreaField field={f.evidence} label={labels["rows[].evidence"]} hint={text.evidenceHint} rows={3} />
                  </>
                );
              }}
            </RowList>
          </ElementFormFrame>
        </>
      ) : null}
    </>
  );
}

function toScore(value: unknown): number | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  const n = Number(value.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}
