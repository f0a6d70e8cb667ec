import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { AnyField } from "~/components/field-types";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { CellInput, FlagList, PassportPageHeading, PassportTableView } from "~/components/passport-table";
import { RowList } from "~/components/row-list";
import { ElementFormFrame } from "~/components/stage-page";
import { formatNumber } from "~/domain/format";
import { newId } from "~/domain/ids";
import { PASSPORT_KINDS } from "~/domain/passport";
import { populationFlags, populationFormSchema, type PopulationData } from "~/domain/passport-population";
import { populationTable } from "~/domain/tables/passport-population";
import { handleElementForm, withRowIds } from "~/services/element-form.server";
import { passportPageData } from "~/services/passport.server";
import { methodology } from "~/methodology/templates.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

const bandIds = () => methodology.reference.ageBands.map((b) => b.id);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data: _data, ...page } = await passportPageData<PopulationData>(request, params.programId, "population", { villages: [] });
  return json({ ...page });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleElementForm({
    request,
    params,
    kind: PASSPORT_KINDS.population,
    singleton: true,
    schema: populationFormSchema(bandIds()),
    toData: ({ version: _v, ...data }) => ({ ...data, villages: withRowIds(data.villages, newId) }),
  });
}

export default function PopulationPage() {
  const { t } = useTranslation(["stages", "common"]);
  const data = useLoaderData<typeof loader>();
  const bands = data.context.ageBands;
  const schema = populationFormSchema(bands.map((b) => b.id));
  const { form, fields, actionData } = useElementForm("passport-population", schema, data.defaultValue);
  // Totals follow what is typed (with JavaScript) or what was saved (without).
  const current = (form.value ?? data.defaultValue) as Partial<PopulationData>;
  const table = populationTable(current, data.context);
  const flags = populationFlags(
    current,
    bands.map((b) => b.id),
  ).map((f) =>
    f.type === "villageTotal"
      ? t("passport.population.flagVillage", {
          name: f.name,
          entered: formatNumber(f.entered, data.lang),
          computed: formatNumber(f.computed, data.lang),
        })
      : f.type === "overOfficial"
        ? t("passport.population.flagOfficial", { sum: formatNumber(f.sum, data.lang), official: formatNumber(f.official, data.lang) })
        : t("passport.population.flagFemaleHeaded", { name: f.name }),
  );
  const villages = fields.villages.getFieldList();
  const labels: Record<string, string> = {
    "villages[].name": t("passport.population.village"),
    "villages[].households": t("passport.population.households"),
    "villages[].femaleHeaded": t("passport.population.femaleHeaded"),
    "villages[].totalEntered": t("passport.population.totalEntered"),
    officialTotal: t("passport.population.officialTotal"),
  };
  for (const b of bands) {
    labels[`villages[].byAge.${b.id}.m`] = t("passport.population.bandMen", { band: b.label });
    labels[`villages[].byAge.${b.id}.f`] = t("passport.population.bandWomen", { band: b.label });
  }
  return (
    <>
      <PassportPageHeading stageTitle={data.stageTitle} programId={data.programId} current="population" />
      <ElementFormFrame
        form={form}
        actionData={actionData}
        labels={labels}
        version={data.version}
        canEdit={data.canEdit}
        intro={
          <>
            <p className="hint">{t("passport.population.hint")}</p>
            <FlagList messages={flags} />
            <PassportTableView table={table} lang={data.lang} id="population-totals" />
          </>
        }
      >
        <RowList
          form={form}
          name={fields.villages.name}
          rows={villages}
          addLabel={t("passport.population.addVillage")}
          rowLabel={(i) => t("passport.population.villageRow", { n: i + 1 })}
        >
          {(row, i) => {
            const f = row.getFieldset();
            const byAge = f.byAge.getFieldset();
            const v = table.rows[i];
            return (
              <>
                <input type="hidden" name={f.id.name} value={f.id.value ?? ""} />
                <TextField field={f.name} label={labels["villages[].name"]} />
                <TableScroll label={t("passport.population.byAgeCaption")}>
                  <table>
                    <caption className="visually-hidden">{t("passport.population.byAgeCaption")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("passport.population.band")}</th>
                        <th scope="col">{t("passport.population.men")}</th>
                        <th scope="col">{t("passport.population.women")}</th>
                        <th scope="col" className="num">
                          {t("passport.population.total")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {bands.map((b) => {
                        const band = byAge[b.id as keyof typeof byAge].getFieldset() as Record<"m" | "f", AnyField>;
                        return (
                          <tr key={b.id}>
                            <th scope="row">{b.label}</th>
                            <td>
                              <CellInput field={band.m} label={labels[`villages[].byAge.${b.id}.m`]} />
                            </td>
                            <td>
                              <CellInput field={band.f} label={labels[`villages[].byAge.${b.id}.f`]} />
                            </td>
                            <td className="num">{formatNumber(v?.byBand[b.id]?.total ?? 0, data.lang)}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row">{t("passport.population.total")}</th>
                        <td className="num">{formatNumber(v?.m ?? 0, data.lang)}</td>
                        <td className="num">{formatNumber(v?.f ?? 0, data.lang)}</td>
                        <td className="num" data-testid="village-total">
                          {formatNumber(v?.total ?? 0, data.lang)}
                        </td>
                      </tr>
                    </tfoot>
                  </table>
                </TableScroll>
                <div className="two-col">
                  <TextField field={f.households} label={labels["villages[].households"]} type="number" inputMode="numeric" />
                  <TextField field={f.femaleHeaded} label={labels["villages[].femaleHeaded"]} type="number" inputMode="numeric" />
                  <TextField
                    field={f.totalEntered}
                    label={labels["villages[].totalEntered"]}
                    type="number"
                    inputMode="numeric"
                    hint={t("passport.population.totalEnteredHint")}
                  />
                </div>
              </>
            );
          }}
        </RowList>
        <TextField
          field={fields.officialTotal}
          label={labels.officialTotal}
          type="number"
          inputMode="numeric"
          hint={t("passport.population.officialTotalHint")}
        />
      </ElementFormFrame>
    </>
  );
}
