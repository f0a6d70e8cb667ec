import type { FieldMetadata } from "@conform-to/react";
import { getCollectionProps, getInputProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/domain/format";
import { FieldError } from "./forms";

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

/** A list of checkboxes for an array field (links to problems, priorities, groups…). Plain inputs: works without JS. */
export function CheckboxGroup({ field, legend, hint, options, empty }: { field: FieldMetadata<any, any, any>; legend: string; hint?: string; options: Option[]; empty?: string }) {
  const props = getCollectionProps(field, { type: "checkbox", options: options.map((o) => o.value) });
  return (
    <fieldset className={`field checkboxes${field.errors?.length ? " field--error" : ""}`} id={field.id} aria-describedby={hint ? `${field.id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <span className="hint" id={`${field.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError field={field} />
      {options.length === 0 ? <p className="hint">{empty}</p> : null}
      {props.map((p, i) => (
        <label key={p.key}>
          <input {...p} key={p.key} /> {options[i].label}
          {options[i].hint ? <span className="hint"> {options[i].hint}</span> : null}
        </label>
      ))}
    </fieldset>
  );
}

/** One checkbox for a boolean field. */
export function Checkbox({ field, label }: { field: FieldMetadata<any, any, any>; label: string }) {
  const props = getInputProps(field, { type: "checkbox" });
  return (
    <div className="checkboxes">
      <label>
        <input {...props} key={props.key} /> {label}
      </label>
    </div>
  );
}

const toNumber = (v: unknown) => {
  const n = typeof v === "string" ? Number(v.replace(",", ".").replace(/\s/g, "")) : typeof v === "number" ? v : NaN;
  return Number.isFinite(n) ? n : 0;
};

/**
 * Money split over named parts (sources, years): a small table of inputs with the running total.
 * The total follows the typed values when JavaScript runs; the server checks the sum either way.
 */
export function MoneySplit({ field, legend, hint, rows, totalLabel, unit }: { field: FieldMetadata<any, any, any>; legend: string; hint?: string; rows: Option[]; totalLabel: string; unit: string }) {
  const { i18n } = useTranslation();
  const parts = (field as FieldMetadata<Record<string, number | undefined>, any, any>).getFieldset() as Record<string, FieldMetadata<any, any, any>>;
  const total = rows.reduce((s, r) => s + toNumber(parts[r.value]?.value), 0);
  return (
    <fieldset className={`field money-split${field.errors?.length ? " field--error" : ""}`} id={field.id} tabIndex={-1}>
      <legend>{legend}</legend>
      {hint ? <span className="hint">{hint}</span> : null}
      <FieldError field={field} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{legend}</th>
              <th scope="col" className="num">
                {unit}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const f = parts[r.value];
              const props = getInputProps(f, { type: "text" });
              return (
                <tr key={r.value}>
                  <th scope="row">
                    <label htmlFor={f.id}>{r.label}</label>
                  </th>
                  <td className="num">
                    <input {...props} key={props.key} inputMode="decimal" aria-invalid={f.errors?.length ? true : undefined} />
                    <FieldError field={f} />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{totalLabel}</th>
              <td className="num" aria-live="polite">
                {formatNumber(total, i18n.language, { maximumFractionDigits: 2 })}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </fieldset>
  );
}
