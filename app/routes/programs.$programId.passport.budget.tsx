import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { pageTitle } from "~/components/page-title";
import { PassportPageHeading, PassportTableView } from "~/components/passport-table";
import { YearInputTable } from "~/components/year-input-table";
import { budgetYears, PASSPORT_KINDS } from "~/domain/passport";
import { budgetFormSchema, type BudgetData } from "~/domain/passport-budget";
import { budgetTable } from "~/domain/tables/passport-budget";
import { methodology } from "~/methodology/templates.server";
import { handleElementForm } from "~/services/element-form.server";
import { passportPageData } from "~/services/passport.server";
import type { ObjectField } from "~/components/field-types";
import { ElementFormFrame } from "~/components/stage-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data: _data, ...page } = await passportPageData<BudgetData>(request, params.programId, "budget", { rows: {} });
  return json({ ...page, years: budgetYears(_data.program) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleElementForm({
    request,
    params,
    kind: PASSPORT_KINDS.budget,
    singleton: true,
    // The years depend on the program period, known once the program is loaded.
    schema: (access) =>
      budgetFormSchema(
        budgetYears({ startYear: access.program.start_year, endYear: access.program.end_year }).all,
        methodology.passport.budget.rows.map((r) => r.id),
      ),
  });
}

/** T6: thousand som; three years of actuals, then the program years as forecast. Totals are computed. */
export default function BudgetPage() {
  const { t } = useTranslation(["stages", "common"]);
  const data = useLoaderData<typeof loader>();
  const rows = data.context.budgetRows;
  const schema = budgetFormSchema(
    data.years.all,
    rows.map((r) => r.id),
  );
  const { form, fields, actionData } = useElementForm("passport-budget", schema, data.defaultValue);
  const entries = fields.rows.getFieldset() as Record<string, ObjectField>;
  const yearLabel = (y: number) =>
    t(data.years.actual.includes(y) ? "passport.budget.actualYear" : "passport.budget.forecastYear", { year: y });
  const labels: Record<string, string> = {};
  for (const r of rows) for (const y of data.years.all) labels[`rows.${r.id}.${y}`] = `${r.label}: ${yearLabel(y)}`;
  const table = budgetTable((form.value ?? data.defaultValue) as Partial<BudgetData>, data.context, data.years);
  return (
    <>
      <PassportPageHeading stageTitle={data.stageTitle} programId={data.programId} current="budget" />
      <ElementFormFrame
        form={form}
        actionData={actionData}
        labels={labels}
        version={data.version}
        canEdit={data.canEdit}
        intro={<p className="hint">{t("passport.budget.hint")}</p>}
      >
        <YearInputTable
          caption={t("passport.budget.inputCaption")}
          firstHeader={t("passport.budget.item")}
          rows={rows}
          years={data.years.all}
          yearLabel={yearLabel}
          yearFields={(id) => entries[id].getFieldset()}
          cellLabel={(id, y) => labels[`rows.${id}.${y}`]}
        />
      </ElementFormFrame>
      <h2>{t("passport.budget.resultTitle")}</h2>
      <PassportTableView table={table} lang={data.lang} id="budget-totals" />
    </>
  );
}
