import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { checkboxProps, FieldError, fieldInfo, selectProps, TextAreaField, TextField } from "~/components/forms";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { GENDER_KIND, genderHarvardFormSchema, type GenderData } from "~/domain/gender";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm } from "~/services/element-form.server";
import { stageGuidance } from "~/services/stage-guidance.server";
import { useCanEdit } from "~/components/can-edit";
import { useProgramLayout } from "./programs.$programId";
import type { AnyField } from "~/components/field-types";
import { TableScroll } from "~/components/table-scroll";
import { ElementFormFrame, StageSubPageHeading } from "~/components/stage-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

const templateIds = () => ({
  activities: methodology.gender.activities.map((a) => ({ id: a.id })),
  resources: methodology.gender.resources.map((r) => ({ id: r.id })),
  whoDoesIt: methodology.gender.whoDoesIt.map((w) => ({ id: w.id })),
  decisionBodies: methodology.gender.decisionBodies.map((b) => ({ id: b.id })),
});

/** Harvard activity and access/control profiles, unpaid care and decision-making bodies. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const element = await read.singleton(GENDER_KIND);
  const g = element ? (JSON.parse(element.data) as GenderData) : undefined;
  const tpl = methodology.gender;
  const guidance = stageGuidance("gender", lang);
  return json({
    ...guidance,
    title: `${t("inclusion:gender.harvard.title")} — ${guidance.title}`,
    programId: program.id,
    ids: templateIds(),
    activities: tpl.activities.map((a) => ({ id: a.id, profile: a.profile, label: localize(a.label, lang) })),
    resources: tpl.resources.map((r) => ({ id: r.id, label: localize(r.label, lang) })),
    whoDoesIt: tpl.whoDoesIt.map((w) => ({ value: w.id, label: localize(w.label, lang) })),
    decisionBodies: tpl.decisionBodies.map((b) => ({ id: b.id, label: localize(b.label, lang) })),
    version: element?.version ?? 0,
    defaultValue: {
      activities: g?.activities ?? {},
      resources: g?.resources ?? {},
      decisionBodies: g?.decisionBodies ?? {},
      unpaidCare: g?.unpaidCare ?? {},
      factors: g?.factors,
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId, "edit");
  const element = await read.singleton(GENDER_KIND);
  const stored = element ? (JSON.parse(element.data) as GenderData) : {};
  return handleElementForm({
    request,
    params,
    kind: GENDER_KIND,
    singleton: true,
    redirectTo: () => `/programs/${program.id}/gender`,
    schema: genderHarvardFormSchema(templateIds()),
    // The gap table lives on its own page: keep it; the version check guards concurrent saves.
    toData: ({ version: _v, ...value }) => ({ ...stored, ...value }),
  });
}

function Checkbox({ field, label }: { field: AnyField; label: string }) {
  const { t } = useTranslation("common");
  const canEdit = useCanEdit();
  const props = checkboxProps(field, { value: "on" });
  if (!canEdit) return <>{props.defaultChecked ? t("forms.yes") : t("forms.no")}</>;
  return (
    <label className="checkbox-cell">
      <input {...props} />
      <span className="visually-hidden">{label}</span>
    </label>
  );
}

export default function GenderHarvard() {
  const { t } = useTranslation(["inclusion", "common"]);
  const data = useLoaderData<typeof loader>();
  const { canEdit } = useProgramLayout();
  const { form, fields, actionData } = useElementForm("gender-harvard", genderHarvardFormSchema(data.ids), data.defaultValue);
  const activities = fields.activities.getFieldset();
  const resources = fields.resources.getFieldset();
  const bodies = fields.decisionBodies.getFieldset();
  const care = fields.unpaidCare.getFieldset();
  const labels: Record<string, string> = {
    "unpaidCare.women": t("gender.unpaidCare.women"),
    "unpaidCare.men": t("gender.unpaidCare.men"),
    ...Object.fromEntries(
      data.decisionBodies.flatMap((b) => [
        [`decisionBodies.${b.id}.women`, `${b.label}: ${t("gender.women")}`],
        [`decisionBodies.${b.id}.total`, `${b.label}: ${t("gender.total")}`],
      ]),
    ),
  };
  const profiles = ["productive", "reproductive", "community"] as const;
  const base = `/programs/${data.programId}/gender`;
  return (
    <>
      <StageSubPageHeading stage={<ProgramLink to={base}>{data.stageTitle}</ProgramLink>} title={t("gender.harvard.title")}>
        <p className="lead">{t("gender.harvard.lead")}</p>
      </StageSubPageHeading>
      <ElementFormFrame form={form} actionData={actionData} labels={labels} version={data.version} canEdit={canEdit}>
        <h2 id="activities-title">{t("gender.harvard.activities")}</h2>
        <TableScroll labelledBy="activities-title">
          <table aria-labelledby="activities-title">
            <thead>
              <tr>
                <th scope="col">{t("gender.harvard.activity")}</th>
                <th scope="col">{t("gender.harvard.who")}</th>
              </tr>
            </thead>
            {profiles.map((p) => (
              <tbody key={p}>
                <tr>
                  <th scope="colgroup" colSpan={2}>
                    {t(`gender.harvard.profile.${p}`)}
                  </th>
                </tr>
                {data.activities
                  .filter((a) => a.profile === p)
                  .map((a) => {
                    const f = activities[a.id];
                    const props = selectProps(fieldInfo(f));
                    return (
                      <tr key={a.id}>
                        <th scope="row">
                          <label htmlFor={f.id}>{a.label}</label>
                        </th>
                        <td>
                          <FieldError field={f} />
                          {canEdit ? (
                            <select {...props}>
                              <option value="">{t("common:forms.choose")}</option>
                              {data.whoDoesIt.map((o) => (
                                <option key={o.value} value={o.value}>
                                  {o.label}
                                </option>
                              ))}
                            </select>
                          ) : (
                            (data.whoDoesIt.find((o) => o.value === props.defaultValue)?.label ?? "—")
                          )}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            ))}
          </table>
        </TableScroll>

        <h2 id="resources-title">{t("gender.harvard.resources")}</h2>
        <p className="hint">{t("gender.harvard.resourcesHint")}</p>
        <TableScroll labelledBy="resources-title">
          <table aria-labelledby="resources-title">
            <thead>
              <tr>
                <th scope="col">{t("gender.harvard.resource")}</th>
                <th scope="col">{t("gender.harvard.accessWomen")}</th>
                <th scope="col">{t("gender.harvard.accessMen")}</th>
                <th scope="col">{t("gender.harvard.controlWomen")}</th>
                <th scope="col">{t("gender.harvard.controlMen")}</th>
              </tr>
            </thead>
            <tbody>
              {data.resources.map((r) => {
                const f = resources[r.id].getFieldset();
                return (
                  <tr key={r.id}>
                    <th scope="row">{r.label}</th>
                    <td>
                      <Checkbox field={f.accessWomen} label={`${r.label}: ${t("gender.harvard.accessWomen")}`} />
                    </td>
                    <td>
                      <Checkbox field={f.accessMen} label={`${r.label}: ${t("gender.harvard.accessMen")}`} />
                    </td>
                    <td>
                      <Checkbox field={f.controlWomen} label={`${r.label}: ${t("gender.harvard.controlWomen")}`} />
                    </td>
                    <td>
                      <Checkbox field={f.controlMen} label={`${r.label}: ${t("gender.harvard.controlMen")}`} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>

        <h2>{t("gender.unpaidCare.title")}</h2>
        <p className="hint">{t("gender.unpaidCare.hint")}</p>
        <div className="two-col">
          <TextField field={care.women} label={labels["unpaidCare.women"]} type="number" />
          <TextField field={care.men} label={labels["unpaidCare.men"]} type="number" />
        </div>

        <h2>{t("gender.decision.title")}</h2>
        <p className="hint">{t("gender.decision.hint")}</p>
        {data.decisionBodies.map((b) => {
          const f = bodies[b.id].getFieldset();
          return (
            <fieldset key={b.id}>
              <legend className="label">{b.label}</legend>
              <div className="two-col">
                <TextField field={f.women} label={t("gender.decision.women")} type="number" inputMode="numeric" />
                <TextField field={f.total} label={t("gender.decision.total")} type="number" inputMode="numeric" />
              </div>
            </fieldset>
          );
        })}

        <TextAreaField field={fields.factors} label={t("gender.harvard.factors")} hint={t("gender.harvard.factorsHint")} />
      </ElementFormFrame>
      <p>
        <ProgramLink to={base}>{t("gender.back")}</ProgramLink>
      </p>
    </>
  );
}
