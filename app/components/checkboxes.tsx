import type { FieldMetadata } from "@conform-to/react";
import { getCollectionProps, getInputProps } from "@conform-to/react";
import { FieldError } from "./forms";

export interface CheckboxOption {
  value: string;
  label: string;
  hint?: string;
}

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

/**
 * Multi-select as checkboxes sharing one name (links to problems, priorities, groups, villages…):
 * posts an array, works without JavaScript.
 */
export function CheckboxGroup({
  field,
  legend,
  hint,
  options,
  empty,
}: {
  field: FieldMetadata<any, any, any>;
  legend: string;
  hint?: string;
  options: CheckboxOption[];
  /** Shown when there is nothing to choose from yet. */
  empty?: string;
}) {
  const items = getCollectionProps(field, { type: "checkbox", options: options.map((o) => o.value) });
  return (
    <fieldset className={`field checkboxes${field.errors?.length ? " field--error" : ""}`} id={field.id} aria-describedby={hint ? `${field.id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <span className="hint" id={`${field.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError field={field} />
      {options.length === 0 && empty ? <p className="hint">{empty}</p> : null}
      {items.map((props, i) => (
        <label key={props.key} htmlFor={props.id}>
          <input {...props} key={props.key} /> {options[i].label}
          {options[i].hint ? <span className="hint"> {options[i].hint}</span> : null}
        </label>
      ))}
    </fieldset>
  );
}
