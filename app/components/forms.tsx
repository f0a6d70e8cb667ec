import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { parseErrorMessage } from "~/domain/validation";

export function useErrorText() {
  const { t } = useTranslation();
  return (message: string) => {
    const { key, values } = parseErrorMessage(message);
    return t(key, values);
  };
}

/** GOV.UK-style summary at the top: every wrong field, each linking to its input. */
export function ErrorSummary({ form, labels }: { form: FormMetadata<any>; labels?: Record<string, string> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // Only after a submission (GOV.UK): errors found while typing stay next to their fields, so
  // the page does not jump under the user's pointer.
  if (form.status !== "error") return null;
  const all = form.allErrors;
  const entries = Object.entries(all).filter(([, messages]) => messages && messages.length > 0);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby={`${form.id}-summary-title`} tabIndex={-1}>
      <h2 id={`${form.id}-summary-title`}>{t("forms.errorSummaryTitle")}</h2>
      <ul>
        {entries.map(([name, messages]) => {
          const target = name === form.name || name === "" ? undefined : `${form.id}-${name}`;
          const label = labels?.[name.replace(/\[\d+\]/g, "[]")] ?? labels?.[name];
          const text = errorText(messages![0]);
          return (
            <li key={name}>
              {target ? <a href={`#${target}`}>{label ? `${label}: ${text}` : text}</a> : text}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function FieldError({ field }: { field: FieldMetadata<any, any, any> }) {
  const errorText = useErrorText();
  if (!field.errors?.length) return null;
  return (
    <span className="field-error" id={field.errorId}>
      <span className="visually-hidden">Error:</span> {errorText(field.errors[0])}
    </span>
  );
}

type InputType = "text" | "email" | "password" | "number" | "date" | "url";

interface FieldProps {
  field: FieldMetadata<any, any, any>;
  label: string;
  hint?: string;
  type?: InputType;
  autoComplete?: string;
  inputMode?: "numeric" | "decimal";
  step?: string;
  className?: string;
}

export function TextField({ field, label, hint, type = "text", autoComplete, inputMode, step, className }: FieldProps) {
  const props = getInputProps(field, { type: type === "number" ? "text" : type, ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  return (
    <div className={`field${field.errors?.length ? " field--error" : ""}${className ? " " + className : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${field.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError field={field} />
      <input {...props} id={field.id} key={props.key} autoComplete={autoComplete} inputMode={type === "number" ? inputMode ?? "decimal" : inputMode} step={step} />
    </div>
  );
}

export function TextAreaField({ field, label, hint, rows = 5 }: { field: FieldMetadata<any, any, any>; label: string; hint?: string; rows?: number }) {
  const props = getTextareaProps(field, { ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  return (
    <div className={`field${field.errors?.length ? " field--error" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${field.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError field={field} />
      <textarea {...props} key={props.key} rows={rows} />
    </div>
  );
}

export function SelectField({
  field,
  label,
  hint,
  options,
  placeholder,
}: {
  field: FieldMetadata<any, any, any>;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const props = getSelectProps(field, { ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  return (
    <div className={`field${field.errors?.length ? " field--error" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${field.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError field={field} />
      <select {...props} key={props.key}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
