import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { parseErrorMessage } from "~/domain/validation";
import { useCanEdit } from "./can-edit";
import type { AnyField, AnyForm } from "./field-types";

export function useErrorText() {
  const { t } = useTranslation();
  return (message: string) => {
    const { key, values } = parseErrorMessage(message);
    return t(key, values);
  };
}

/**
 * A field's metadata, read once. Every read of a Conform field property builds a new proxy and
 * copies the form's list of subscriptions, and getInputProps & co. read a dozen properties per
 * control, so big forms (the problems page: 30 rows, ~700 controls) were slow to render on the
 * server. The controls below read each property once and build the same props as Conform's
 * helpers would (no `constraint` is passed to useForm, so there are no constraint attributes).
 */
export interface FieldInfo {
  id: string;
  name: string;
  formId: string;
  initialValue: unknown;
  errors: string[] | undefined;
  /** Only read when there are errors: it is used for aria-describedby and the message's id. */
  errorId: string | undefined;
}
export function fieldInfo(field: AnyField): FieldInfo {
  const { id, name, formId, initialValue, errors } = field;
  return { id, name, formId, initialValue, errors, errorId: errors === undefined ? undefined : field.errorId };
}

/** What getFormControlProps gives: id, name, form and the aria attributes of an invalid field. */
function controlProps(f: FieldInfo, describedBy?: string) {
  const invalid = typeof f.errors !== "undefined";
  return {
    id: f.id,
    name: f.name,
    form: f.formId,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? `${f.errorId} ${describedBy ?? ""}`.trim() : describedBy,
  };
}

/** getInputProps(field, { type, ariaDescribedBy }) for a text-like input. */
export function inputProps(f: FieldInfo, type: string, describedBy?: string) {
  return { ...controlProps(f, describedBy), type, defaultValue: typeof f.initialValue === "string" ? f.initialValue : undefined };
}

/** getTextareaProps(field, { ariaDescribedBy }). */
export function textareaProps(f: FieldInfo, describedBy?: string) {
  return { ...controlProps(f, describedBy), defaultValue: f.initialValue == null ? undefined : String(f.initialValue) };
}

/** getSelectProps(field, { ariaDescribedBy }). */
export function selectProps(f: FieldInfo, describedBy?: string) {
  const initial = f.initialValue;
  return {
    ...controlProps(f, describedBy),
    defaultValue: Array.isArray(initial) ? initial.map((item) => `${item ?? ""}`) : initial == null ? undefined : String(initial),
  };
}

/** getCollectionProps(field, { type: "checkbox", options }), with the metadata read once. */
export function checkboxItems(field: AnyField, values: string[]) {
  const f = fieldInfo(field);
  const key = field.key;
  const checked = new Set<unknown>(Array.isArray(f.initialValue) ? f.initialValue : [f.initialValue]);
  return values.map((value) => ({
    key: `${key ?? ""}${value}`,
    ...controlProps(f),
    id: `${f.id}-${value}`,
    type: "checkbox" as const,
    value,
    defaultChecked: checked.has(value),
  }));
}

/** getInputProps(field, { type: "checkbox", value, ariaDescribedBy }). */
export function checkboxProps(field: AnyField, options: { value?: string; describedBy?: string } = {}) {
  const f = fieldInfo(field);
  const initial = f.initialValue;
  const value = options.value ?? "on";
  return {
    ...controlProps(f, options.describedBy),
    type: "checkbox" as const,
    value,
    defaultChecked: Array.isArray(initial) ? initial.includes(options.value) : initial === value,
  };
}

/** A summary link moves focus to its field; a group (radios, checkboxes, a money table) to its first control. */
function focusField(event: React.MouseEvent, id: string) {
  const target = document.getElementById(id);
  const control = target?.matches("input, select, textarea")
    ? target
    : target?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea");
  if (!target || !control) return;
  event.preventDefault();
  target.scrollIntoView(); // the group's legend or the field's label stays in view above the control
  control.focus({ preventScroll: true });
}

/**
 * GOV.UK-style summary at the top: every wrong field, each linking to its input. After each failed
 * save it is scrolled into view and focused, so a rule that spans fields (a lens gap, sources that
 * do not add up) is not missed below the fold. Without JavaScript the server renders it with
 * `autofocus`, which the browser honours on load.
 */
export function ErrorSummary({ form, labels }: { form: AnyForm; labels?: Record<string, string> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ref = useRef<HTMLDivElement>(null);
  // Only after a submission (GOV.UK): errors found while typing stay next to their fields, so
  // the page does not jump under the user's pointer.
  const all = form.status === "error" ? form.allErrors : {};
  const entries = Object.entries(all).filter(([, messages]) => messages && messages.length > 0);
  const signature = entries.map(([name, messages]) => `${name}:${messages![0]}`).join("|");
  useEffect(() => {
    if (!signature) return;
    const focus = () => ref.current?.focus(); // focusing scrolls it into view
    focus();
    // Submitted again with the same errors: the summary is already there, so nothing re-renders.
    const onSubmit = (event: Event) => (event.target as HTMLElement).id === form.id && requestAnimationFrame(focus);
    document.addEventListener("submit", onSubmit);
    return () => document.removeEventListener("submit", onSubmit);
  }, [signature, form.id]);
  if (entries.length === 0) return null;
  return (
    <div
      ref={ref}
      className="error-summary"
      role="alert"
      aria-labelledby={`${form.id}-summary-title`}
      tabIndex={-1}
      // GOV.UK: after a failed submit the summary takes focus; `autofocus` does it without JavaScript.
      // eslint-disable-next-line jsx-a11y/no-autofocus
      autoFocus
    >
      <h2 id={`${form.id}-summary-title`}>{t("forms.errorSummaryTitle")}</h2>
      <ul>
        {entries.map(([name, messages]) => {
          const target = name === form.name || name === "" ? undefined : `${form.id}-${name}`;
          const label = labels?.[name.replace(/\[\d+\]/g, "[]")] ?? labels?.[name];
          const text = errorText(messages![0]);
          return (
            <li key={name}>
              {target ? (
                <a href={`#${target}`} onClick={(event) => focusField(event, target)}>
                  {label ? `${label}: ${text}` : text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function FieldError({ field }: { field: AnyField | FieldInfo }) {
  const { errors } = field;
  // Most fields have no error: return before any hook (the message is its own component).
  if (!errors?.length) return null;
  return <ErrorMessage id={field.errorId} message={errors[0]} />;
}

function ErrorMessage({ id, message }: { id: string | undefined; message: string }) {
  const errorText = useErrorText();
  // GOV.UK's hidden prefix, so a screen reader announces an error, in the page's language.
  return (
    <span className="field-error" id={id}>
      <span className="visually-hidden">{errorText("forms.errorPrefix")}</span> {errorText(message)}
    </span>
  );
}

/**
 * A field as text, for those who may read but not edit (deputies, ministry staff, a frozen
 * version): every field component below switches to it through the CanEdit context, so each stage
 * page shows its data as definition lists without a second, read-only copy of the page.
 */
export function ReadOnlyField({ label, value, className }: { label: React.ReactNode; value: React.ReactNode; className?: string }) {
  const empty = value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
  return (
    <dl className={`field field--readonly${className ? " " + className : ""}`}>
      <dt>{label}</dt>
      <dd>{empty ? "—" : value}</dd>
    </dl>
  );
}

/** A field's stored value as one string ("" when none). */
export const textValue = (value: unknown) =>
  value === null || value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value);

type InputType = "text" | "email" | "password" | "number" | "date" | "url";

interface FieldProps {
  field: AnyField;
  label: string;
  hint?: string;
  type?: InputType;
  autoComplete?: string;
  inputMode?: "numeric" | "decimal";
  step?: string;
  className?: string;
}

export function TextField({ field, label, hint, type = "text", autoComplete, inputMode, step, className }: FieldProps) {
  const canEdit = useCanEdit();
  const f = fieldInfo(field);
  if (!canEdit) return <ReadOnlyField label={label} value={textValue(f.initialValue)} className={className} />;
  const props = inputProps(f, type === "number" ? "text" : type, hint ? `${f.id}-hint` : undefined);
  return (
    <div className={`field${f.errors?.length ? " field--error" : ""}${className ? " " + className : ""}`}>
      <label htmlFor={f.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${f.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError field={f} />
      <input {...props} autoComplete={autoComplete} inputMode={type === "number" ? (inputMode ?? "decimal") : inputMode} step={step} />
    </div>
  );
}

export function TextAreaField({ field, label, hint, rows = 5 }: { field: AnyField; label: string; hint?: string; rows?: number }) {
  const canEdit = useCanEdit();
  const f = fieldInfo(field);
  if (!canEdit) return <ReadOnlyField label={label} value={textValue(f.initialValue)} className="field--text" />;
  const props = textareaProps(f, hint ? `${f.id}-hint` : undefined);
  return (
    <div className={`field${f.errors?.length ? " field--error" : ""}`}>
      <label htmlFor={f.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${f.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError field={f} />
      <textarea {...props} rows={rows} />
    </div>
  );
}

export function SelectField({
  field,
  label,
  hint,
  options,
  groups = [],
  placeholder,
}: {
  field: AnyField;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  /** Options under `<optgroup>` headings, after the plain ones (e.g. raions by oblast). */
  groups?: { label: string; options: { value: string; label: string }[] }[];
  placeholder?: string;
}) {
  const canEdit = useCanEdit();
  const f = fieldInfo(field);
  if (!canEdit) {
    const chosen = new Set(Array.isArray(f.initialValue) ? f.initialValue.map(String) : [textValue(f.initialValue)]);
    const all = [...options, ...groups.flatMap((g) => g.options)];
    return (
      <ReadOnlyField
        label={label}
        value={all
          .filter((o) => chosen.has(o.value))
          .map((o) => o.label)
          .join(", ")}
      />
    );
  }
  const props = selectProps(f, hint ? `${f.id}-hint` : undefined);
  return (
    <div className={`field${f.errors?.length ? " field--error" : ""}`}>
      <label htmlFor={f.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${f.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError field={f} />
      <select {...props}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
