import type { FieldMetadata } from "@conform-to/react";
import { checkboxItems, checkboxProps, FieldError } from "./forms";

export interface CheckboxOption {
  value: string;
  label: string;
  hint?: string;
}

/** One yes/no checkbox (Conform sends "on", the schema coerces it to true). */
export function CheckboxField({ field, label }: { field: FieldMetadata<any, any, any>; label: string }) {
  const props = checkboxProps(field);
  return (
    <div className="field checkboxes">
      <FieldError field={field} />
      <label htmlFor={props.id}>
        <input {...props} /> {label}
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
  const items = checkboxItems(field, options.map((o) => o.value));
  return (
    <fieldset className={`field checkboxes${field.errors?.length ? " field--error" : ""}`} id={field.id} tabIndex={-1} aria-describedby={hint ? `${field.id}-hint` : undefined}>
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
          {/* One text node (" label"): these lists run to hundreds of checkboxes on a page. */}
          <input {...props} key={props.key} />
          {` ${options[i].label}`}
          {options[i].hint ? <span className="hint"> {options[i].hint}</span> : null}
        </label>
      ))}
    </fieldset>
  );
}
