import { useTranslation } from "react-i18next";
import { useCanEdit } from "./can-edit";
import type { AnyForm, FieldOf } from "./field-types";

/**
 * Repeating rows (members, villages, problems…) added and removed with Conform list intents:
 * the buttons are real submit buttons, so this works without JavaScript too.
 */
export function RowList<T>({
  form,
  name,
  rows,
  addLabel,
  rowLabel,
  children,
  defaultRow,
}: {
  form: AnyForm;
  name: string;
  rows: FieldOf<T>[];
  addLabel: string;
  rowLabel: (index: number) => string;
  children: (row: FieldOf<T>, index: number) => React.ReactNode;
  defaultRow?: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const removeLabel = t("forms.remove");
  return (
    <div className="row-list">
      {rows.map((row, index) => {
        const label = rowLabel(index);
        return (
          <fieldset key={row.key} className="row-list__row">
            <legend>{label}</legend>
            {children(row, index)}
            {canEdit ? (
              <button {...form.remove.getButtonProps({ name, index })} className="button button--secondary button--small">
                {removeLabel} <span className="visually-hidden">{label}</span>
              </button>
            ) : null}
          </fieldset>
        );
      })}
      {canEdit ? (
        <button {...form.insert.getButtonProps({ name, defaultValue: defaultRow as never })} className="button button--secondary">
          {addLabel}
        </button>
      ) : null}
    </div>
  );
}
