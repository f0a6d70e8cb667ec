import { useId } from "react";
import type { AnyField } from "./field-types";
import { CellInput } from "./passport-table";
import { TableScroll } from "./table-scroll";

/**
 * Rows × years of number inputs (T6 budget, the baseline forecast): a row header, then one
 * labelled cell per year. `yearFields` gives a row's fields by year (read once per row). Its own
 * module: the other passport pages do not ship it.
 */
export function YearInputTable({
  caption,
  firstHeader,
  rows,
  years,
  yearLabel,
  yearFields,
  cellLabel,
}: {
  caption: string;
  firstHeader: string;
  rows: { id: string; label: string }[];
  years: number[];
  yearLabel: (year: number) => string;
  yearFields: (rowId: string) => Record<string, AnyField>;
  cellLabel: (rowId: string, year: number) => string;
}) {
  const captionId = `${useId()}-caption`;
  return (
    // A year per column: a long period scrolls sideways with the row's name in view.
    <TableScroll labelledBy={captionId}>
      <table>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstHeader}</th>
            {years.map((y) => (
              <th key={y} scope="col">
                {yearLabel(y)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const fields = yearFields(r.id);
            return (
              <tr key={r.id}>
                <th scope="row">{r.label}</th>
                {years.map((y) => (
                  <td key={y}>
                    <CellInput field={fields[String(y)]} label={cellLabel(r.id, y)} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
