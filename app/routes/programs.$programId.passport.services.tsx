import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { CheckboxField, CheckboxGroup } from "~/components/checkboxes";
import { TextAreaField, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { PassportPageHeading } from "~/components/passport-table";
import { PASSPORT_KINDS } from "~/domain/passport";
import { servicesFormSchema, type ServicesData } from "~/domain/passport-services";
import { methodology } from "~/methodology/templates.server";
import { handleElementForm } from "~/services/element-form.server";
import { passportPageData } from "~/services/passport.server";
import { villagesOf } from "~/domain/element-kinds";
import { requireProgram } from "~/services/program-access.server";
import type { ObjectField } from "~/components/field-types";
import { ElementFormFrame } from "~/components/stage-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data: _data, ...page } = await passportPageData<ServicesData>(request, params.programId, "services", { rows: {} });
  return json({ ...page });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireProgram(request, params.programId, "edit");
  const data = await access.read.programData();
  const allowed = { villageIds: villagesOf(data).map((v) => v.id), groupIds: methodology.reference.vulnerableGroups.map((g) => g.id) };
  const schema = servicesFormSchema(
    methodology.passport.services.rows.map((r) => r.id),
    allowed,
  );
  return handleElementForm({ request, params, access, kind: PASSPORT_KINDS.services, singleton: true, schema });
}

/** T5: one block per template service; villages come from T2, groups from the reference list. */
export default function ServicesPage() {
  const { t } = useTranslation(["stages", "common"]);
  const data = useLoaderData<typeof loader>();
  const rows = data.context.serviceRows;
  const schema = servicesFormSchema(
    rows.map((r) => r.id),
    { villageIds: data.context.villages.map((v) => v.id), groupIds: data.context.vulnerableGroups.map((g) => g.id) },
  );
  const { form, fields, actionData } = useElementForm("passport-services", schema, data.defaultValue);
  const entries = fields.rows.getFieldset() as Record<string, ObjectField>;
  const villages = data.context.villages.map((v) => ({ value: v.id, label: v.label }));
  const groups = data.context.vulnerableGroups.map((g) => ({ value: g.id, label: g.label }));
  const labels: Record<string, string> = {};
  for (const r of rows) {
    labels[`rows.${r.id}.coveragePct`] = `${r.label}: ${t("passport.services.coverage")}`;
    labels[`rows.${r.id}.gaps`] = `${r.label}: ${t("passport.services.gaps")}`;
  }
  return (
    <>
      <PassportPageHeading stageTitle={data.stageTitle} programId={data.programId} current="services" />
      <ElementFormFrame
        form={form}
        actionData={actionData}
        labels={labels}
        version={data.version}
        canEdit={data.canEdit}
        intro={villages.length === 0 ? <p className="notice">{t("passport.services.noVillages")}</p> : null}
      >
        {rows.map((r) => {
          const e = entries[r.id].getFieldset();
          return (
            <section key={r.id} className="row-list__row" aria-labelledby={`service-${r.id}`}>
              <h2 id={`service-${r.id}`}>{r.label}</h2>
              {villages.length ? <CheckboxGroup field={e.villageIds} legend={t("passport.services.villages")} options={villages} /> : null}
              <TextField field={e.coveragePct} label={t("passport.services.coverage")} type="number" />
              <TextAreaField field={e.gaps} label={t("passport.services.gaps")} rows={2} />
              <details>
                <summary>{t("passport.services.groups")}</summary>
                <CheckboxGroup field={e.groupsAffected} legend={t("passport.services.groups")} options={groups} />
              </details>
              <CheckboxField field={e.pwdAccessible} label={t("passport.services.pwd")} />
            </section>
          );
        })}
      </ElementFormFrame>
    </>
  );
}
