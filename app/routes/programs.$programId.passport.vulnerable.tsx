import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { SelectField, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { FlagList, PassportPageHeading } from "~/components/passport-table";
import { RowList } from "~/components/row-list";
import { ElementFormFrame } from "~/components/stage-page";
import { newId } from "~/domain/ids";
import { PASSPORT_KINDS } from "~/domain/passport";
import { vulnerableFlags, vulnerableFormSchema, type VulnerableData } from "~/domain/passport-vulnerable";
import { formatNumber } from "~/domain/format";
import { nameOf } from "~/domain/tables/passport-table";
import { handleElementForm, withRowIds } from "~/services/element-form.server";
import { passportPageData } from "~/services/passport.server";
import { methodology } from "~/methodology/templates.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data: _data, ...page } = await passportPageData<VulnerableData>(request, params.programId, "vulnerable", { rows: [] });
  return json({ ...page });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleElementForm({
    request,
    params,
    kind: PASSPORT_KINDS.vulnerable,
    singleton: true,
    schema: vulnerableFormSchema(methodology.reference.vulnerableGroups.map((g) => g.id)),
    toData: ({ version: _v, ...data }) => ({ rows: withRowIds(data.rows, newId) }),
  });
}

export default function VulnerablePage() {
  const { t } = useTranslation(["stages", "common"]);
  const data = useLoaderData<typeof loader>();
  const { form, fields, actionData } = useElementForm(
    "passport-vulnerable",
    vulnerableFormSchema(data.context.vulnerableGroups.map((g) => g.id)),
    data.defaultValue,
  );
  const groups = data.context.vulnerableGroups;
  const current = (form.value ?? data.defaultValue) as Partial<VulnerableData>;
  const flags = vulnerableFlags(current).map((f) => {
    const group = nameOf(groups, current.rows?.[f.index]?.groupId ?? "");
    return f.type === "sexSum"
      ? t("passport.vulnerable.flagSexSum", { group, sum: formatNumber(f.sum, data.lang), total: formatNumber(f.total, data.lang) })
      : t("passport.vulnerable.flagChildren", { group });
  });
  const labels = {
    "rows[].groupId": t("passport.vulnerable.group"),
    "rows[].total": t("passport.vulnerable.total"),
    "rows[].male": t("passport.vulnerable.male"),
    "rows[].female": t("passport.vulnerable.female"),
    "rows[].children": t("passport.vulnerable.children"),
    "rows[].note": t("passport.vulnerable.note"),
    "rows[].source": t("passport.source"),
    "rows[].year": t("passport.year"),
  };
  return (
    <>
      <PassportPageHeading stageTitle={data.stageTitle} programId={data.programId} current="vulnerable" />
      <ElementFormFrame
        form={form}
        actionData={actionData}
        labels={labels}
        version={data.version}
        canEdit={data.canEdit}
        intro={<FlagList messages={flags} />}
      >
        <RowList
          form={form}
          name={fields.rows.name}
          rows={fields.rows.getFieldList()}
          addLabel={t("passport.vulnerable.add")}
          rowLabel={(i) => t("passport.vulnerable.row", { n: i + 1 })}
        >
          {(row) => {
            const f = row.getFieldset();
            return (
              <>
                <input type="hidden" name={f.id.name} value={f.id.value ?? ""} />
                <SelectField
                  field={f.groupId}
                  label={labels["rows[].groupId"]}
                  options={groups.map((g) => ({ value: g.id, label: g.label }))}
                  placeholder={t("common:forms.choose")}
                />
                <div className="two-col">
                  <TextField field={f.total} label={labels["rows[].total"]} type="number" inputMode="numeric" />
                  <TextField field={f.children} label={labels["rows[].children"]} type="number" inputMode="numeric" />
                  <TextField field={f.male} label={labels["rows[].male"]} type="number" inputMode="numeric" />
                  <TextField field={f.female} label={labels["rows[].female"]} type="number" inputMode="numeric" />
                  <TextField field={f.source} label={labels["rows[].source"]} />
                  <TextField field={f.year} label={labels["rows[].year"]} type="number" inputMode="numeric" />
                </div>
                <TextField field={f.note} label={labels["rows[].note"]} hint={t("passport.vulnerable.noteHint")} />
              </>
            );
          }}
        </RowList>
      </ElementFormFrame>
    </>
  );
}
