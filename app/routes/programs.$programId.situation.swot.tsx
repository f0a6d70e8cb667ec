import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { SelectField, TextField } from "~/components/forms";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { RowList } from "~/components/row-list";
import { StageHeader } from "~/components/stage-header";
import { ElementFormFrame } from "~/components/stage-page";
import { newId } from "~/domain/ids";
import { SWOT_KIND, SWOT_QUADRANTS, swotFormSchema, type SwotData } from "~/domain/situation";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm, withRowIds } from "~/services/element-form.server";
import { stageGuidance } from "~/services/stage-guidance.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

const allowed = () => ({
  sectorIds: methodology.reference.sectors.map((s) => s.id),
  groupIds: methodology.reference.vulnerableGroups.map((g) => g.id),
});
const empty: SwotData = { strengths: [], weaknesses: [], opportunities: [], threats: [] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, canEdit, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const element = await read.singleton(SWOT_KIND);
  const saved = element ? { ...empty, ...(JSON.parse(element.data) as Partial<SwotData>) } : empty;
  const guidance = stageGuidance("situation", lang);
  return json({
    ...guidance,
    title: `${t("analysis:swot.heading")} — ${guidance.title}`,
    programId: program.id,
    canEdit,
    version: element?.version ?? 0,
    sectors: methodology.reference.sectors.map((s) => ({ value: s.id, label: localize(s.label, lang) })),
    groups: methodology.reference.vulnerableGroups.map((g) => ({ value: g.id, label: localize(g.label, lang) })),
    defaultValue: saved,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleElementForm({
    request,
    params,
    kind: SWOT_KIND,
    singleton: true,
    schema: swotFormSchema(allowed()),
    toData: ({ version: _v, ...v }) => Object.fromEntries(SWOT_QUADRANTS.map((q) => [q, withRowIds(v[q], newId)])),
  });
}

export default function SwotPage() {
  const { t } = useTranslation(["analysis", "common"]);
  const data = useLoaderData<typeof loader>();
  const schema = swotFormSchema({ sectorIds: data.sectors.map((s) => s.value), groupIds: data.groups.map((g) => g.value) });
  const { form, fields, actionData } = useElementForm("swot", schema, data.defaultValue);
  const labelOf = (list: { value: string; label: string }[], id?: string) => list.find((o) => o.value === id)?.label;
  const labels: Record<string, string> = {};
  for (const q of SWOT_QUADRANTS) {
    labels[`${q}[].text`] = `${t(`swot.${q}`)}: ${t("swot.text")}`;
    labels[`${q}[].sectorId`] = `${t(`swot.${q}`)}: ${t("swot.sector")}`;
    labels[`${q}[].groupId`] = `${t(`swot.${q}`)}: ${t("swot.group")}`;
  }
  return (
    <>
      <StageHeader guidance={data} />
      <p>
        <ProgramLink to={`/programs/${data.programId}/situation`}>{t("overview.back")}</ProgramLink>
      </p>
      <h2>{t("swot.heading")}</h2>
      <p className="hint">{t("swot.hint")}</p>
      {!data.canEdit ? (
        <div className="swot-grid">
          {SWOT_QUADRANTS.map((q) => (
            <section key={q}>
              <h3>{t(`swot.${q}`)}</h3>
              {data.defaultValue[q].length === 0 ? <p>—</p> : null}
              <ul>
                {data.defaultValue[q].map((item) => {
                  const tags = [labelOf(data.sectors, item.sectorId), labelOf(data.groups, item.groupId)].filter(Boolean);
                  return (
                    <li key={item.id}>
                      {item.text}
                      {tags.length > 0 ? <span className="hint">{tags.join(" · ")}</span> : null}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      ) : (
        <ElementFormFrame form={form} actionData={actionData} labels={labels} version={data.version} canEdit={data.canEdit}>
          {SWOT_QUADRANTS.map((q) => {
            const list = fields[q];
            return (
              <section key={q} aria-labelledby={`swot-${q}`}>
                <h3 id={`swot-${q}`}>{t(`swot.${q}`)}</h3>
                <RowList
                  form={form}
                  name={list.name}
                  rows={list.getFieldList()}
                  addLabel={t(`swot.add.${q}`)}
                  rowLabel={(i) => `${t(`swot.${q}`)} ${i + 1}`}
                >
                  {(row) => {
                    const f = row.getFieldset();
                    return (
                      <>
                        <input type="hidden" name={f.id.name} value={f.id.value ?? ""} />
                        <TextField field={f.text} label={t("swot.text")} />
                        <div className="two-col">
                          <SelectField
                            field={f.sectorId}
                            label={t("swot.sector")}
                            options={data.sectors}
                            placeholder={t("swot.noSector")}
                          />
                          <SelectField field={f.groupId} label={t("swot.group")} options={data.groups} placeholder={t("swot.noGroup")} />
                        </div>
                      </>
                    );
                  }}
                </RowList>
              </section>
            );
          })}
        </ElementFormFrame>
      )}
    </>
  );
}
