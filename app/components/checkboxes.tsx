import { useTranslation } from "react-i18next";
import { useCanEdit } from "./can-edit";
import { checkboxItems, checkboxProps, FieldError, ReadOnlyField } from "./forms";
import type { AnyField } from "./field-types";

export interface CheckboxOption {
  value: string;
  label: string;
  hint?: string;
}

/** One yes/no checkbox (Conform sends "on", the schema coerces it to true). */
export function CheckboxField({ field, label }: { field: AnyField; label: string }) {
  const { t } = useTranslation("common");
  const canEdit = useCanEdit();
  const props = checkboxProps(field);
  if (!canEdit) return <ReadOnlyField label={label} value={props.defaultChecked ? t("forms.yes") : t("forms.no")} />;
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
  field: AnyField;
  legend: string;
  hint?: string;
  options: CheckboxOption[];
  /** Shown when there is nothing to choose from yet. */
  empty?: string;
}) {
  const canEdit = useCanEdit();
  const items = checkboxItems(
    field,
    options.map((o) => o.value),
  );
  if (!canEdit) {
    const chosen = options.filter((_, i) => items[i].defaultChecked);
    return (
      <ReadOnlyField
        label={legend}
        value={
          chosen.length ? (
            <ul>
              {chosen.map((o) => (
                <li key={o.value}>{o.label}</li>
              ))}
            </ul>
          ) : null
        }
      />
    );
  }
  return (
    <fieldset
      className={`field checkboxes${field.errors?.length ? " field--error" : ""}`}
      id={field.id}
      tabIndex={-1}
      aria-describedby={hint ? `${field.id}-hint` : undefined}
    >
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

/** One choice among a few (lens answers): radios, or the chosen label as text when read-only. */
export function RadioGroup({ field, legend, options }: { field: AnyField; legend: string; options: CheckboxOption[] }) {
  const canEdit = useCanEdit();
  const chosen = field.initialValue as string | undefined;
  if (!canEdit) return <ReadOnlyField label={legend} value={options.find((o) => o.value === chosen)?.label} />;
  return (
    <fieldset className="radios">
      <legend className="label">{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input type="radio" name={field.name} value={o.value} defaultChecked={chosen === o.value} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
