import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextAreaField } from "~/components/forms";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { PassportTableView } from "~/components/passport-table";
import { YearInputTable } from "~/components/year-input-table";
import { ProgramLink } from "~/components/program-link";
import { StageHeader } from "~/components/stage-header";
import { useElementForm } from "~/components/stage-form";
import { FORECAST_KIND, forecastFormSchema, forecastYears, type ForecastData } from "~/domain/forecast";
import { outcomeChoices } from "~/domain/indicators";
import { forecastTable } from "~/domain/tables/forecast";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm } from "~/services/element-form.server";
import { stageGuidance } from "~/services/stage-guidance.server";
import type { FieldOf } from "~/components/field-types";
import { ElementFormFrame } from "~/components/stage-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

const rowIds = () => methodology.passport.forecast.rows.map((r) => r.id);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, canEdit, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const data = await read.programData();
  const element = await read.singleton(FORECAST_KIND);
  const saved: ForecastData = element ? { rows: {}, ...(JSON.parse(element.data) as Partial<ForecastData>) } : { rows: {} };
  const guidance = stageGuidance("situation", lang);
  return json({
    ...guidance,
    title: `${t("analysis:forecast.heading")} — ${guidance.title}`,
    programId: program.id,
    canEdit,
    lang,
    version: element?.version ?? 0,
    years: forecastYears(data.program),
    finalYear: data.program.endYear,
    rows: methodology.passport.forecast.rows.map((r) => ({ id: r.id, label: localize(r.label, lang), unit: localize(r.unit, lang) })),
    indicators: outcomeChoices(data),
    defaultValue: saved,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireProgram(request, params.programId, "edit");
  const data = await access.read.programData();
  // The years follow the program period; a row may link only to one of its outcome indicators.
  const schema = forecastFormSchema(
    forecastYears(data.program).all,
    rowIds(),
    outcomeChoices(data).map((i) => i.id),
  );
  return handleElementForm({ request, params, access, kind: FORECAST_KIND, singleton: true, schema });
}

/** The baseline forecast: actual years, then the program years without the program's measures. */
export default function ForecastPage() {
  const { t } = useTranslation(["analysis", "common"]);
  const data = useLoaderData<typeof loader>();
  const schema = forecastFormSchema(
    data.years.all,
    data.rows.map((r) => r.id),
    data.indicators.map((i) => i.id),
  );
  const { form, fields, actionData } = useElementForm("forecast", schema, data.defaultValue);
  const entries = fields.rows.getFieldset() as Record<string, FieldOf<{ values: Record<string, unknown>; indicatorId: unknown }>>;
  const yearLabel = (y: number) => t(data.years.actual.includes(y) ? "forecast.col.actual" : "forecast.col.forecast", { year: y });
  const labels: Record<string, string> = { assumptions: t("forecast.assumptions") };
  for (const r of data.rows) {
    for (const y of data.years.all) labels[`rows.${r.id}.values.${y}`] = `${r.label}: ${yearLabel(y)}`;
    labels[`rows.${r.id}.indicatorId`] = t("forecast.linkLabel", { row: r.label });
  }
  const table = forecastTable((form.value ?? data.defaultValue) as Partial<ForecastData>, {
    rows: data.rows,
    years: data.years,
    finalYear: data.finalYear,
    indicators: data.indicators,
  });
  const options = data.indicators.map((i) => ({ value: i.id, label: i.label }));
  return (
    <>
      <StageHeader guidance={data} />
      <p>
        <ProgramLink to={`/programs/${data.programId}/situation`}>{t("overview.back")}</ProgramLink>
      </p>
      <h2>{t("forecast.heading")}</h2>
      <ElementFormFrame
        form={form}
        actionData={actionData}
        labels={labels}
        version={data.version}
        canEdit={data.canEdit}
        intro={<p className="hint">{t("forecast.hint")}</p>}
      >
        <YearInputTable
          caption={t("forecast.inputCaption")}
          firstHeader={t("forecast.col.indicator")}
          rows={data.rows.map((r) => ({ id: r.id, label: `${r.label}, ${r.unit}` }))}
          years={data.years.all}
          yearLabel={yearLabel}
          yearFields={(id) => entries[id].getFieldset().values.getFieldset()}
          cellLabel={(id, y) => labels[`rows.${id}.values.${y}`]}
        />
        <h3>{t("forecast.linksHeading")}</h3>
        <p className="hint">{t("forecast.linksHint", { year: data.finalYear })}</p>
        {options.length === 0 ? <p>{t("forecast.noIndicators")}</p> : null}
        {options.length
          ? data.rows.map((r) => (
              <SelectField
                key={r.id}
                field={entries[r.id].getFieldset().indicatorId}
                label={labels[`rows.${r.id}.indicatorId`]}
                options={options}
                placeholder={t("forecast.noLink")}
              />
            ))
          : null}
        <TextAreaField field={fields.assumptions} label={t("forecast.assumptions")} hint={t("forecast.assumptionsHint")} />
      </ElementFormFrame>
      <h3>{t("forecast.resultHeading")}</h3>
      <PassportTableView table={table} lang={data.lang} id="forecast-table" />
    </>
  );
}
