import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { pageTitle } from "~/components/page-title";
import { CellInput, PassportPageHeading } from "~/components/passport-table";
import { PASSPORT_KINDS } from "~/domain/passport";
import { generalFormSchema, type GeneralData } from "~/domain/passport-general";
import { methodology } from "~/methodology/templates.server";
import { handleElementForm } from "~/services/element-form.server";
import { passportPageData } from "~/services/passport.server";
import type { ObjectField } from "~/components/field-types";
import { TableScroll } from "~/components/table-scroll";
import { ElementFormFrame } from "~/components/stage-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data: _data, ...page } = await passportPageData<GeneralData>(request, params.programId, "general", { fields: {} });
  return json({ ...page });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleElementForm({
    request,
    params,
    kind: PASSPORT_KINDS.general,
    singleton: true,
    schema: generalFormSchema(methodology.passport.general.fields),
  });
}

/** T1: one row per template field; the unit comes from the template, never typed. */
export default function GeneralPage() {
  const { t } = useTranslation(["stages", "common"]);
  const data = useLoaderData<typeof loader>();
  const schema = generalFormSchema(data.context.generalFields);
  const { form, fields, actionData } = useElementForm("passport-general", schema, data.defaultValue);
  const entries = fields.fields.getFieldset() as Record<string, ObjectField>;
  const labels: Record<string, string> = {};
  for (const f of data.context.generalFields) {
    labels[`fields.${f.id}.value`] = `${f.label}: ${t("passport.general.value")}`;
    labels[`fields.${f.id}.source`] = `${f.label}: ${t("passport.source")}`;
    labels[`fields.${f.id}.year`] = `${f.label}: ${t("passport.year")}`;
  }
  return (
    <>
      <PassportPageHeading stageTitle={data.stageTitle} programId={data.programId} current="general" />
      <ElementFormFrame form={form} actionData={actionData} labels={labels} version={data.version} canEdit={data.canEdit}>
        <TableScroll label={t("passport.general.title")}>
          <table>
            <caption>{t("passport.general.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("passport.general.field")}</th>
                <th scope="col">{t("passport.general.value")}</th>
                <th scope="col">{t("passport.general.unit")}</th>
                <th scope="col">{t("passport.source")}</th>
                <th scope="col">{t("passport.year")}</th>
              </tr>
            </thead>
            <tbody>
              {data.context.generalFields.map((f) => {
                const e = entries[f.id].getFieldset();
                return (
                  <tr key={f.id}>
                    <th scope="row">{f.label}</th>
                    <td>
                      <CellInput
                        field={e.value}
                        label={labels[`fields.${f.id}.value`]}
                        numeric={f.kind === "number"}
                        wide={f.kind !== "number"}
                      />
                    </td>
                    <td>{f.unit ?? "—"}</td>
                    <td>
                      <CellInput field={e.source} label={labels[`fields.${f.id}.source`]} numeric={false} />
                    </td>
                    <td>
                      <CellInput field={e.year} label={labels[`fields.${f.id}.year`]} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </ElementFormFrame>
    </>
  );
}
