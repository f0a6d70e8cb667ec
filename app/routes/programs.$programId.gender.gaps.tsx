import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { formLabels } from "~/domain/field-labels.server";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { requireProgram } from "~/services/program-access.server";
import { CheckboxGroup } from "~/components/checkboxes";
import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { RowList } from "~/components/row-list";
import { ElementFormFrame, StageSubPageHeading } from "~/components/stage-page";
import { GENDER_KIND, genderGapsFormSchema, type GenderData } from "~/domain/gender";
import { newId } from "~/domain/ids";
import { actionsOf } from "~/domain/element-kinds";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm, withRowIds } from "~/services/element-form.server";
import { stageGuidance } from "~/services/stage-guidance.server";
import { useProgramLayout } from "./programs.$programId";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

const templateIds = () => ({
  gapDomains: methodology.gender.gapDomains.map((d) => ({ id: d.id })),
  needTypes: methodology.gender.needTypes.map((n) => ({ id: n.id })),
});

/** Table T10: gender gaps, their causes, need types and the actions that answer them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const data = await read.programData();
  const element = data.byKind[GENDER_KIND]?.[0];
  const g = element?.data as GenderData | undefined;
  const guidance = stageGuidance("gender", lang);
  return json({
    // Form labels from the registry, resolved here so it stays out of the page's JavaScript.
    labels: formLabels("gender", t),
    ...guidance,
    title: `${t("inclusion:gender.gaps.title")} — ${guidance.title}`,
    programId: program.id,
    ids: templateIds(),
    domains: methodology.gender.gapDomains.map((d) => ({ value: d.id, label: localize(d.label, lang) })),
    needTypes: methodology.gender.needTypes.map((n) => ({ value: n.id, label: localize(n.label, lang) })),
    actions: actionsOf(data).map((a) => ({ id: a.id, title: a.data.title })),
    version: element?.version ?? 0,
    defaultValue: { gaps: g?.gaps ?? [] },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId, "edit");
  const data = await read.programData();
  const stored = (data.byKind[GENDER_KIND]?.[0]?.data as GenderData | undefined) ?? {};
  return handleElementForm({
    request,
    params,
    kind: GENDER_KIND,
    singleton: true,
    redirectTo: () => `/programs/${program.id}/gender`,
    schema: genderGapsFormSchema(templateIds()),
    // The Harvard profiles live on their own page: keep them; the version check guards concurrent saves.
    toData: (value) => ({ ...stored, gaps: withRowIds(value.gaps, newId) }),
  });
}

export default function GenderGaps() {
  const { t } = useTranslation(["inclusion", "common"]);
  const data = useLoaderData<typeof loader>();
  const { canEdit } = useProgramLayout();
  const { form, fields, actionData } = useElementForm("gender-gaps", genderGapsFormSchema(data.ids), data.defaultValue);
  const rows = fields.gaps.getFieldList();
  const labels: Record<string, string> = data.labels;
  const base = `/programs/${data.programId}/gender`;
  const actionOptions = data.actions.map((a) => ({ value: a.id, label: a.title }));
  return (
    <>
      <StageSubPageHeading stage={<ProgramLink to={base}>{data.stageTitle}</ProgramLink>} title={t("gender.gaps.title")}>
        <p className="lead">{t("gender.gaps.lead")}</p>
      </StageSubPageHeading>
      <ElementFormFrame form={form} actionData={actionData} labels={labels} version={data.version} canEdit={canEdit}>
        <RowList
          form={form}
          name={fields.gaps.name}
          rows={rows}
          addLabel={t("gender.gaps.add")}
          rowLabel={(i) => t("gender.gaps.row", { n: i + 1 })}
        >
          {(row) => {
            const f = row.getFieldset();
            return (
              <>
                <input type="hidden" name={f.id.name} value={f.id.value ?? ""} />
                <SelectField
                  field={f.domain}
                  label={labels["gaps[].domain"]}
                  options={data.domains}
                  placeholder={t("common:forms.choose")}
                />
                <TextField field={f.indicator} label={labels["gaps[].indicator"]} />
                <div className="two-col">
                  <TextField field={f.women} label={labels["gaps[].women"]} type="number" />
                  <TextField field={f.men} label={labels["gaps[].men"]} type="number" />
                </div>
                <TextField field={f.unit} label={labels["gaps[].unit"]} hint={t("gender.gaps.unitHint")} />
                <TextAreaField field={f.cause} label={labels["gaps[].cause"]} rows={2} />
                <SelectField
                  field={f.needType}
                  label={labels["gaps[].needType"]}
                  options={data.needTypes}
                  placeholder={t("common:forms.choose")}
                  hint={t("gender.gaps.needTypeHint")}
                />
                <CheckboxGroup
                  key={f.actionIds.key}
                  field={f.actionIds}
                  legend={t("gender.gaps.col.actions")}
                  options={actionOptions}
                  empty={t("empty.noActions")}
                />
              </>
            );
          }}
        </RowList>
      </ElementFormFrame>
      <p>
        <ProgramLink to={base}>{t("gender.back")}</ProgramLink>
      </p>
    </>
  );
}
