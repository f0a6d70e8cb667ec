import { useTranslation } from "react-i18next";
import { formatNumber } from "~/domain/format";
import { useCanEdit } from "./can-edit";
import { FieldError, fieldInfo, inputProps } from "./forms";

import type { CheckboxOption as Option } from "./checkboxes";
import type { AnyField, FieldOf } from "./field-types";
import { TableScroll } from "./table-scroll";

const toNumber = (v: unknown) => {
  const n = typeof v === "string" ? Number(v.replace(",", ".").replace(/\s/g, "")) : typeof v === "number" ? v : NaN;
  return Number.isFinite(n) ? n : 0;
};

/**
 * Money split over named parts (sources, years): a small table of inputs with the running total.
 * The total follows the typed values when JavaScript runs; the server checks the sum either way.
 */
export function MoneySplit({
  field,
  legend,
  hint,
  rows,
  totalLabel,
  unit,
}: {
  field: AnyField;
  legend: string;
  hint?: string;
  rows: Option[];
  totalLabel: string;
  unit: string;
}) {
  const { i18n } = useTranslation();
  const canEdit = useCanEdit();
  const parts = (field as FieldOf<Record<string, number | undefined>>).getFieldset() as Record<string, AnyField>;
  const total = rows.reduce((s, r) => s + toNumber(parts[r.value]?.value), 0);
  return (
    <fieldset className={`field money-split${field.errors?.length ? " field--error" : ""}`} id={field.id} tabIndex={-1}>
      <legend>{legend}</legend>
      {hint ? <span className="hint">{hint}</span> : null}
      <FieldError field={field} />
      <TableScroll label={legend}>
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
              if (!canEdit) {
                return (
                  <tr key={r.value}>
                    <th scope="row">{r.label}</th>
                    <td className="num">{formatNumber(toNumber(f.initialValue), i18n.language, { maximumFractionDigits: 2 })}</td>
                  </tr>
                );
              }
              const props = inputProps(fieldInfo(f), "text");
              return (
                <tr key={r.value}>
                  <th scope="row">
                    <label htmlFor={f.id}>{r.label}</label>
                  </th>
                  <td className="num">
                    <input {...props} inputMode="decimal" aria-invalid={f.errors?.length ? true : undefined} />
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
      </TableScroll>
    </fieldset>
  );
}
