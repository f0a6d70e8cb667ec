import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { pageTitle } from "~/components/page-title";
import { CellInput, FlagList, PassportPageHeading } from "~/components/passport-table";
import { formatNumber } from "~/domain/format";
import { PASSPORT_KINDS } from "~/domain/passport";
import { economyFlags, economyFormSchema, type EconomyData } from "~/domain/passport-economy";
import { nameOf } from "~/domain/tables/passport-table";
import { methodology } from "~/methodology/templates.server";
import { handleElementForm } from "~/services/element-form.server";
import { passportPageData } from "~/services/passport.server";
import type { ObjectField } from "~/components/field-types";
import { TableScroll } from "~/components/table-scroll";
import { ElementFormFrame } from "~/components/stage-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data: _data, ...page } = await passportPageData<EconomyData>(request, params.programId, "economy", { rows: {} });
  return json({ ...page });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleElementForm({
    request,
    params,
    kind: PASSPORT_KINDS.economy,
    singleton: true,
    schema: economyFormSchema(methodology.passport.economy.rows.map((r) => r.id)),
  });
}

/** T4: one row per template indicator; men, women and youth only where the template splits by sex. */
export default function EconomyPage() {
  const { t } = useTranslation(["stages", "common"]);
  const data = useLoaderData<typeof loader>();
  const rows = data.context.economyRows;
  const schema = economyFormSchema(rows.map((r) => r.id));
  const { form, fields, actionData } = useElementForm("passport-economy", schema, data.defaultValue);
  const entries = fields.rows.getFieldset() as Record<string, ObjectField>;
  const cols = ["total", "men", "women", "youth", "year", "source"] as const;
  const header = (c: (typeof cols)[number]) => (c === "year" || c === "source" ? t(`passport.${c}`) : t(`passport.economy.${c}`));
  const labels: Record<string, string> = {};
  for (const r of rows) for (const c of cols) labels[`rows.${r.id}.${c}`] = `${r.label}: ${header(c)}`;
  const flags = economyFlags((form.value ?? data.defaultValue) as Partial<EconomyData>, rows).map((f) =>
    t("passport.economy.flagSexSum", {
      row: nameOf(rows, f.rowId),
      sum: formatNumber(f.sum, data.lang),
      total: formatNumber(f.total, data.lang),
    }),
  );
  return (
    <>
      <PassportPageHeading stageTitle={data.stageTitle} programId={data.programId} current="economy" />
      <ElementFormFrame
        form={form}
        actionData={actionData}
        labels={labels}
        version={data.version}
        canEdit={data.canEdit}
        intro={<FlagList messages={flags} />}
      >
        <TableScroll label={t("passport.economy.title")}>
          <table>
            <caption>{t("passport.economy.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("passport.economy.indicator")}</th>
                <th scope="col">{t("passport.general.unit")}</th>
                {cols.map((c) => (
                  <th key={c} scope="col">
                    {header(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const e = entries[r.id].getFieldset();
                return (
                  <tr key={r.id}>
                    <th scope="row">{r.label}</th>
                    <td>{r.unit}</td>
                    {cols.map((c) => (
                      <td key={c}>
                        {r.bySex || !["men", "women", "youth"].includes(c) ? (
                          <CellInput field={e[c]} label={labels[`rows.${r.id}.${c}`]} numeric={c !== "source"} wide={c === "source"} />
                        ) : (
                          "—"
                        )}
                      </td>
                    ))}
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
