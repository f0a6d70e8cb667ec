import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formLabels } from "~/domain/field-labels.server";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { TextAreaField, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { RowList } from "~/components/row-list";
import { StageHeader } from "~/components/stage-header";
import { ElementFormFrame } from "~/components/stage-page";
import { requireProgram } from "~/services/program-access.server";
import { newId } from "~/domain/ids";
import { STARTUP_KIND, startupFormSchema, type StartupData } from "~/domain/startup";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm, withRowIds } from "~/services/element-form.server";
import { stageGuidance } from "~/services/stage-guidance.server";
import { updateProgramMeta } from "~/services/programs.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

const limits = () => methodology.thresholds.programYears;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const element = await read.singleton(STARTUP_KIND);
  const saved = element ? (JSON.parse(element.data) as StartupData) : null;
  const defaults: StartupData = saved ?? {
    legalBasis: methodology.reference.legalBasis
      .filter((l) => l.default)
      .map((l) => ({ id: newId(), title: localize(l.label, lang), reference: localize(l.reference, lang) })),
  };
  return json({
    // Form labels from the registry, resolved here so it stays out of the page's JavaScript.
    labels: formLabels("startup", t),
    ...stageGuidance("startup", lang),
    version: element?.version ?? 0,
    limits: limits(),
    defaultValue: { ...defaults, startYear: String(program.start_year), endYear: String(program.end_year) },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleElementForm({
    request,
    params,
    kind: STARTUP_KIND,
    singleton: true,
    schema: startupFormSchema(limits()),
    toData: ({ version: _v, startYear: _s, endYear: _e, ...data }) => ({ ...data, legalBasis: withRowIds(data.legalBasis, newId) }),
    afterSave: async (value, access) => {
      await updateProgramMeta(access.program.id, { start_year: value.startYear, end_year: value.endYear }, access.user.id);
    },
  });
}

export default function StartupStage() {
  const { t } = useTranslation(["program", "common"]);
  const data = useLoaderData<typeof loader>();
  const { form, fields, actionData } = useElementForm("startup", startupFormSchema(data.limits), data.defaultValue);
  const rows = fields.legalBasis.getFieldList();
  const labels: Record<string, string> = data.labels;
  return (
    <>
      <StageHeader guidance={data} />
      <ElementFormFrame form={form} actionData={actionData} labels={labels} version={data.version}>
        <h2>{t("startup.periodTitle")}</h2>
        <div className="two-col">
          <TextField field={fields.startYear} label={labels.startYear} type="number" inputMode="numeric" />
          <TextField
            field={fields.endYear}
            label={labels.endYear}
            type="number"
            inputMode="numeric"
            hint={t("programs.periodHint", { ...data.limits, ns: "common" })}
          />
        </div>
        <h2>{t("startup.orderTitle")}</h2>
        <p className="hint">{t("startup.orderHint")}</p>
        <div className="two-col">
          <TextField field={fields.orderNumber} label={labels.orderNumber} />
          <TextField field={fields.orderDate} label={labels.orderDate} type="date" />
        </div>
        <h2>{t("startup.legalTitleHeading")}</h2>
        <p className="hint">{t("startup.legalHint")}</p>
        <RowList
          form={form}
          name={fields.legalBasis.name}
          rows={rows}
          addLabel={t("startup.addLegal")}
          rowLabel={(i) => t("startup.legalRow", { n: i + 1 })}
        >
          {(row) => {
            const f = row.getFieldset();
            return (
              <>
                <input type="hidden" name={f.id.name} value={f.id.value ?? ""} />
                <TextField field={f.title} label={labels["legalBasis[].title"]} />
                <TextField field={f.reference} label={labels["legalBasis[].reference"]} />
              </>
            );
          }}
        </RowList>
        <TextAreaField field={fields.notes} label={labels.notes} hint={t("common:forms.optional")} />
      </ElementFormFrame>
    </>
  );
}
