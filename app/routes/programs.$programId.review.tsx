import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { SavedNotice } from "~/components/element-form";
import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { RowList } from "~/components/row-list";
import { StageHeader } from "~/components/stage-header";
import { ElementFormFrame } from "~/components/stage-page";
import { StatusTag } from "~/components/status-tag";
import { formatPercent } from "~/domain/format";
import { newId } from "~/domain/ids";
import {
  groupComposition,
  MIN_MONITORING_MEMBERS,
  MONITORING_KIND,
  monitoringFormSchema,
  riskLevels,
  RISKS_KIND,
  risksFormSchema,
  type MonitoringData,
  type RisksData,
} from "~/domain/monitoring";
import { stageHref } from "~/domain/stage-paths";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm, withRowIds, type ElementFormResult } from "~/services/element-form.server";
import { stageGuidance } from "~/services/stage-guidance.server";
import { useProgramLayout } from "./programs.$programId";
import { readForm } from "~/http/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

const options = () => ({
  frequencies: methodology.reference.indicatorFrequencies.map((f) => f.id),
  groups: methodology.reference.vulnerableGroups.map((g) => g.id),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { lang } = await getT(request);
  const [monitoring, risks] = await Promise.all([read.singleton(MONITORING_KIND), read.singleton(RISKS_KIND)]);
  const m = monitoring ? (JSON.parse(monitoring.data) as MonitoringData) : { members: [] };
  const r = risks ? (JSON.parse(risks.data) as RisksData) : { rows: [] };
  const wg = methodology.thresholds.workingGroup;
  const label = (items: { id: string; label: Parameters<typeof localize>[0] }[]) =>
    items.map((i) => ({ value: i.id, label: localize(i.label, lang) }));
  return json({
    ...stageGuidance("review", lang),
    indicatorsHref: stageHref(program.id, "indicators"),
    options: {
      ...options(),
      frequencyOptions: label(methodology.reference.indicatorFrequencies),
      sexes: label(methodology.reference.sexes),
      groupOptions: label(methodology.reference.vulnerableGroups),
    },
    composition: groupComposition(m),
    thresholds: { minWomenShare: wg.minWomenShare, minPwd: wg.minPwdMembers, minMembers: MIN_MONITORING_MEMBERS },
    monitoring: { version: monitoring?.version ?? 0, defaultValue: m },
    risks: { version: risks?.version ?? 0, defaultValue: r },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireProgram(request, params.programId, "edit");
  const monitoringSchema = monitoringFormSchema(options());
  const formData = await readForm(request, { schema: [risksFormSchema, monitoringSchema] });
  if (formData.get("_form") === "risks") {
    return handleElementForm(
      {
        request,
        params,
        access,
        kind: RISKS_KIND,
        singleton: true,
        schema: risksFormSchema,
        toData: ({ version: _v, ...d }) => ({ rows: withRowIds(d.rows, newId) }),
      },
      formData,
    );
  }
  return handleElementForm(
    {
      request,
      params,
      access,
      kind: MONITORING_KIND,
      singleton: true,
      schema: monitoringSchema,
      toData: ({ version: _v, ...d }) => ({ ...d, members: withRowIds(d.members, newId) }),
    },
    formData,
  );
}

/** Both forms post here; each only takes the result that came from it (the hidden `_form`). */
function resultFor(actionData: ElementFormResult | undefined, which: string): ElementFormResult | undefined {
  const initial = actionData?.result?.initialValue as Record<string, unknown> | undefined;
  return initial?._form === which ? actionData : undefined;
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function MonitoringForm({ data, actionData, canEdit }: { data: LoaderData; actionData: ElementFormResult | undefined; canEdit: boolean }) {
  const { t, i18n } = useTranslation(["monitoring", "common"]);
  const schema = monitoringFormSchema(data.options);
  const [form, fields] = useForm<z.input<typeof schema>>({
    id: "monitoring",
    lastResult: actionData?.result,
    defaultValue: data.monitoring.defaultValue as z.input<typeof schema>,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const labels = {
    "members[].name": t("review.memberName"),
    "members[].sex": t("review.memberSex"),
    "members[].group": t("review.memberGroup"),
    "members[].organisation": t("review.memberOrganisation"),
    reportingFrequency: t("review.reportingFrequency"),
    reportTo: t("review.reportTo"),
  };
  const c = data.composition;
  const warnings = [
    c.total < data.thresholds.minMembers ? t("review.fewMembers", { min: data.thresholds.minMembers }) : null,
    c.total > 0 && c.womenShare < data.thresholds.minWomenShare
      ? t("review.lowWomen", { min: formatPercent(data.thresholds.minWomenShare, i18n.language) })
      : null,
    c.total > 0 && c.pwd < Math.max(1, data.thresholds.minPwd) ? t("review.noPwd") : null,
    c.total > 0 && c.youth < 1 ? t("review.noYouth") : null,
  ].filter((w): w is string => Boolean(w));
  return (
    <section aria-labelledby="group-heading">
      <h2 id="group-heading">{t("review.groupHeading")}</h2>
      <p className="hint">{t("review.groupHint")}</p>
      <p>
        {t("review.composition", {
          total: c.total,
          women: c.women,
          share: formatPercent(c.womenShare, i18n.language),
          pwd: c.pwd,
          youth: c.youth,
        })}
      </p>
      {warnings.length > 0 ? (
        <ul className="notice">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <ElementFormFrame
        form={form}
        actionData={actionData}
        labels={labels}
        version={data.monitoring.version}
        canEdit={canEdit}
        saveLabel={t("review.saveGroup")}
        savedNotice={false}
        hidden={<input type="hidden" name="_form" value="monitoring" />}
      >
        <RowList
          form={form}
          name={fields.members.name}
          rows={fields.members.getFieldList()}
          addLabel={t("review.addMember")}
          rowLabel={(i) => t("review.memberRow", { n: i + 1 })}
        >
          {(row) => {
            const f = row.getFieldset();
            return (
              <>
                <input type="hidden" name={f.id.name} value={f.id.value ?? ""} />
                <TextField field={f.name} label={labels["members[].name"]} />
                <div className="two-col">
                  <SelectField
                    field={f.sex}
                    label={labels["members[].sex"]}
                    options={data.options.sexes}
                    placeholder={t("common:forms.choose")}
                  />
                  <SelectField
                    field={f.group}
                    label={labels["members[].group"]}
                    options={data.options.groupOptions}
                    placeholder={t("review.noGroup")}
                  />
                </div>
                <TextField field={f.organisation} label={labels["members[].organisation"]} />
              </>
            );
          }}
        </RowList>
        <SelectField
          field={fields.reportingFrequency}
          label={labels.reportingFrequency}
          options={data.options.frequencyOptions}
          placeholder={t("common:forms.choose")}
        />
        <TextField field={fields.reportTo} label={labels.reportTo} hint={t("review.reportToHint")} />
      </ElementFormFrame>
    </section>
  );
}

function RisksForm({ data, actionData, canEdit }: { data: LoaderData; actionData: ElementFormResult | undefined; canEdit: boolean }) {
  const { t } = useTranslation(["monitoring", "common"]);
  const [form, fields] = useForm<z.input<typeof risksFormSchema>>({
    id: "risks",
    lastResult: actionData?.result,
    defaultValue: data.risks.defaultValue as z.input<typeof risksFormSchema>,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: risksFormSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const levels = riskLevels.map((l) => ({ value: l, label: t(`review.level.${l}`) }));
  const labels = {
    "rows[].risk": t("review.risk"),
    "rows[].probability": t("review.probability"),
    "rows[].impact": t("review.impact"),
    "rows[].mitigation": t("review.mitigation"),
    "rows[].owner": t("review.owner"),
  };
  return (
    <section aria-labelledby="risks-heading">
      <h2 id="risks-heading">{t("review.risksHeading")}</h2>
      <p className="hint">{t("review.risksHint")}</p>
      <ElementFormFrame
        form={form}
        actionData={actionData}
        labels={labels}
        version={data.risks.version}
        canEdit={canEdit}
        saveLabel={t("review.saveRisks")}
        savedNotice={false}
        hidden={<input type="hidden" name="_form" value="risks" />}
      >
        <RowList
          form={form}
          name={fields.rows.name}
          rows={fields.rows.getFieldList()}
          addLabel={t("review.addRisk")}
          rowLabel={(i) => t("review.riskRow", { n: i + 1 })}
          defaultRow={{ probability: "medium", impact: "medium" }}
        >
          {(row) => {
            const f = row.getFieldset();
            return (
              <>
                <input type="hidden" name={f.id.name} value={f.id.value ?? ""} />
                <TextAreaField field={f.risk} label={labels["rows[].risk"]} rows={2} />
                <div className="two-col">
                  <SelectField
                    field={f.probability}
                    label={labels["rows[].probability"]}
                    options={levels}
                    placeholder={t("common:forms.choose")}
                  />
                  <SelectField field={f.impact} label={labels["rows[].impact"]} options={levels} placeholder={t("common:forms.choose")} />
                </div>
                <TextAreaField field={f.mitigation} label={labels["rows[].mitigation"]} rows={2} />
                <TextField field={f.owner} label={labels["rows[].owner"]} />
              </>
            );
          }}
        </RowList>
      </ElementFormFrame>
    </section>
  );
}

export default function ReviewStage() {
  const { t } = useTranslation("monitoring");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ElementFormResult | undefined;
  const { canEdit, program } = useProgramLayout();
  return (
    <>
      <StageHeader guidance={data} />
      <SavedNotice />
      <p>{t("review.lead")}</p>
      <p>
        <ProgramLink to={`${data.indicatorsHref}#me-matrix`}>{t("review.indicatorsLink")}</ProgramLink>
      </p>
      <MonitoringForm data={data} actionData={resultFor(actionData, "monitoring")} canEdit={canEdit} />
      <RisksForm data={data} actionData={resultFor(actionData, "risks")} canEdit={canEdit} />
      <section aria-labelledby="approval-heading" className="approval-steps">
        <h2 id="approval-heading">{t("review.approvalHeading")}</h2>
        <p>{t("review.approvalText")}</p>
        <p>
          {t("review.approvalCurrent")}: <StatusTag status={program.status} />
        </p>
        <p>
          <ProgramLink to={`/programs/${program.id}/status`}>{t("review.approvalLink")}</ProgramLink>
        </p>
      </section>
    </>
  );
}
