import type { FieldMetadata } from "@conform-to/react";
import { getCollectionProps, getInputProps } from "@conform-to/react";
import { FieldError } from "./forms";

/** One yes/no checkbox (Conform sends "on", the schema coerces it to true). */
export function CheckboxField({ field, label }: { field: FieldMetadata<any, any, any>; label: string }) {
  const props = getInputProps(field, { type: "checkbox" });
  return (
    <div className="field checkboxes">
      <FieldError field={field} />
      <label htmlFor={field.id}>
        <input {...props} key={props.key} /> {label}
      </label>
    </div>
  );
}

/** Multi-select as checkboxes sharing one name: posts an array, works without JavaScript. */
export function CheckboxGroup({
  field,
  legend,
  hint,
  options,
}: {
  field: FieldMetadata<any, any, any>;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
}) {
  const labels = new Map(options.map((o) => [o.value, o.label]));
  const items = getCollectionProps(field, { type: "checkbox", options: options.map((o) => o.value) });
  return (
    <fieldset className={`field checkboxes${field.errors?.length ? " field--error" : ""}`}>
      <legend>{legend}</legend>
      {hint ? <span className="hint">{hint}</span> : null}
      <FieldError field={field} />
      {items.map((props) => (
        <label key={props.key} htmlFor={props.id}>
          <input {...props} key={props.key} /> {labels.get(props.value)}
        </label>
      ))}
    </fieldset>
  );
}
