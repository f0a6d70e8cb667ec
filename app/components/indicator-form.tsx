import { useForm } from "@conform-to/react";
import { ElementComments } from "~/components/comment-link";
import { parseStageForm } from "~/domain/form-values";
import { Form } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { formVersion } from "~/components/element-form";
import { useCanEdit } from "~/components/can-edit";
import { checkboxProps, FieldError, fieldInfo, ReadOnlyField, SelectField, selectProps, TextField } from "~/components/forms";
import { ElementFormFrame } from "~/components/stage-page";
import { indicatorFormSchema, type IndicatorParent } from "~/domain/indicators";
import type { ElementFormResult } from "~/services/element-form.server";
import type { z } from "zod";
import type { FieldOf } from "./field-types";

export interface IndicatorFormProps {
  heading: string;
  programId: number;
  isNew: boolean;
  canEdit: boolean;
  version: number;
  period: { startYear: number; endYear: number; minBaselineYear: number };
  years: number[];
  parents: IndicatorParent[];
  frequencies: { value: string; label: string }[];
  units: string[];
  defaultValue: Record<string, unknown>;
  actionData: ElementFormResult | undefined;
}

function Checkbox({ field, label, hint }: { field: FieldOf<boolean | undefined>; label: string; hint?: string }) {
  const { t } = useTranslation("common");
  const props = checkboxProps(field, { describedBy: hint ? `${field.id}-hint` : undefined });
  if (!useCanEdit()) return <ReadOnlyField label={label} value={props.defaultChecked ? t("forms.yes") : t("forms.no")} />;
  return (
    <div className={`field field--checkbox${field.errors?.length ? " field--error" : ""}`}>
      <FieldError field={field} />
      <input {...props} />
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${field.id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** The indicator form (new and existing): works without JavaScript; the server repeats every check. */
export function IndicatorForm(p: IndicatorFormProps) {
  const { t } = useTranslation(["monitoring", "common"]);
  const schema = indicatorFormSchema({
    startYear: p.period.startYear,
    endYear: p.period.endYear,
    parentIds: p.parents.map((x) => x.id),
    frequencies: p.frequencies.map((f) => f.value),
  });
  const [form, fields] = useForm<z.input<typeof schema>>({
    id: "indicator",
    lastResult: p.actionData?.result,
    defaultValue: p.defaultValue as z.input<typeof schema>,
    onValidate: ({ formData }) => parseStageForm(formData, schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const targets = fields.targets.getFieldset();
  const targetsWomen = fields.targetsWomen.getFieldset();
  const targetsMen = fields.targetsMen.getFieldset();
  const labels: Record<string, string> = {
    parentId: t("form.parent"),
    name: t("form.name"),
    unit: t("form.unit"),
    baselineValue: t("form.baselineValue"),
    baselineYear: t("form.baselineYear"),
    baselineWomen: t("form.baselineWomen"),
    baselineMen: t("form.baselineMen"),
    source: t("form.source"),
    frequency: t("form.frequency"),
    responsible: t("form.responsible"),
  };
  for (const y of p.years) {
    labels[`targets.${y}`] = t("form.targetYear", { year: y });
    labels[`targetsWomen.${y}`] = t("form.targetWomen", { year: y });
    labels[`targetsMen.${y}`] = t("form.targetMen", { year: y });
  }
  const objectives = p.parents.filter((x) => x.type === "outcome");
  const actions = p.parents.filter((x) => x.type === "output");
  const parentSelect = selectProps(fieldInfo(fields.parentId));
  return (
    <>
      <p>
        <ProgramLink to={`/programs/${p.programId}/indicators`}>← {t("form.back")}</ProgramLink>
      </p>
      <h1>{p.heading}</h1>
      <ElementComments />
      <ElementFormFrame form={form} actionData={p.actionData} labels={labels} version={p.version} canEdit={p.canEdit}>
        {!p.canEdit ? (
          <ReadOnlyField
            label={labels.parentId}
            value={(() => {
              const o = objectives.find((x) => x.id === parentSelect.defaultValue);
              const a = actions.find((x) => x.id === parentSelect.defaultValue);
              return o
                ? t("form.objectiveOption", { number: o.number, title: o.title })
                : a
                  ? t("form.actionOption", { number: a.number, title: a.title })
                  : null;
            })()}
          />
        ) : (
          <div className={`field${fields.parentId.errors?.length ? " field--error" : ""}`}>
            <label htmlFor={fields.parentId.id}>{labels.parentId}</label>
            <span className="hint" id={`${fields.parentId.id}-hint`}>
              {t("form.parentHint")}
            </span>
            <FieldError field={fields.parentId} />
            <select {...parentSelect} aria-describedby={`${fields.parentId.id}-hint`}>
              <option value="">{t("common:forms.choose")}</option>
              <optgroup label={t("form.objectivesGroup")}>
                {objectives.map((o) => (
                  <option key={o.id} value={o.id}>
                    {t("form.objectiveOption", { number: o.number, title: o.title })}
                  </option>
                ))}
              </optgroup>
              {actions.length > 0 ? (
                <optgroup label={t("form.actionsGroup")}>
                  {actions.map((a) => (
                    <option key={a.id} value={a.id}>
                      {t("form.actionOption", { number: a.number, title: a.title })}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </div>
        )}
        <TextField field={fields.name} label={labels.name} hint={t("form.nameHint")} />
        <TextField field={fields.unit} label={labels.unit} hint={t("form.unitHint", { units: p.units.join(", ") })} />
        <h2>{t("form.baselineHeading")}</h2>
        <div className="two-col">
          <TextField field={fields.baselineValue} label={labels.baselineValue} type="number" />
          <TextField
            field={fields.baselineYear}
            label={labels.baselineYear}
            type="number"
            inputMode="numeric"
            hint={t("form.baselineYearHint", { start: p.period.startYear, min: p.period.minBaselineYear })}
          />
        </div>
        <h2>{t("form.targetsHeading")}</h2>
        <p className="hint">{t("form.targetsHint", { end: p.period.endYear })}</p>
        <div className="year-grid">
          {p.years.map((y) => (
            <TextField key={y} field={targets[String(y)]} label={labels[`targets.${y}`]} type="number" />
          ))}
        </div>
        <Checkbox field={fields.bySex} label={t("form.bySex")} hint={t("form.bySexHint")} />
        <fieldset className="fieldset">
          <legend>{t("form.sexHeading")}</legend>
          <p className="hint">{t("form.sexHint")}</p>
          <div className="two-col">
            <TextField field={fields.baselineWomen} label={labels.baselineWomen} type="number" />
            <TextField field={fields.baselineMen} label={labels.baselineMen} type="number" />
          </div>
          <div className="year-grid">
            {p.years.map((y) => (
              <TextField key={`w${y}`} field={targetsWomen[String(y)]} label={labels[`targetsWomen.${y}`]} type="number" />
            ))}
          </div>
          <div className="year-grid">
            {p.years.map((y) => (
              <TextField key={`m${y}`} field={targetsMen[String(y)]} label={labels[`targetsMen.${y}`]} type="number" />
            ))}
          </div>
        </fieldset>
        <TextField field={fields.source} label={labels.source} hint={t("form.sourceHint")} />
        <SelectField field={fields.frequency} label={labels.frequency} options={p.frequencies} placeholder={t("common:forms.choose")} />
        <TextField field={fields.responsible} label={labels.responsible} />
      </ElementFormFrame>
      {p.canEdit && !p.isNew ? (
        <Form method="post" className="danger-zone">
          <h2>{t("form.delete")}</h2>
          <p className="hint">{t("form.deleteHint")}</p>
          <input type="hidden" name="version" value={formVersion(p.version, p.actionData)} />
          <button type="submit" name="intent" value="delete" className="button button--secondary">
            {t("form.delete")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
