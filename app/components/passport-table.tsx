import { ProgramLink } from "~/components/program-link";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/domain/format";
import type { CellValue, HeaderText, PassportColumn, PassportTable } from "~/domain/tables/passport-table";
import { useCanEdit } from "./can-edit";
import { StageSubPageHeading } from "./stage-page";
import { TableScroll } from "./table-scroll";
import { fieldInfo, inputProps, textValue, useErrorText } from "./forms";
import type { AnyField } from "./field-types";

export function useHeaderText() {
  const { t } = useTranslation("stages");
  return (h: HeaderText) => ("key" in h ? t(h.key, h.values) : h.text);
}

function Cell({ kind, value, lang }: { kind: PassportColumn<unknown>["kind"]; value: CellValue; lang: string }) {
  const { t } = useTranslation("common");
  if (kind === "boolean") return <td>{value ? t("forms.yes") : t("forms.no")}</td>;
  if (kind === "text") return <td>{value === null || value === "" ? "—" : typeof value === "number" ? String(value) : String(value)}</td>;
  const n = typeof value === "number" ? value : null;
  return <td className="num">{kind === "percent" && n !== null ? `${formatNumber(n, lang)} %` : formatNumber(n, lang)}</td>;
}

/** A passport table as the document shows it, from its definition (the DOCX uses the same one). */
export function PassportTableView<Row>({ table, lang, id }: { table: PassportTable<Row>; lang: string; id?: string }) {
  const { t } = useTranslation("stages");
  const header = useHeaderText();
  const captionId = `${useId()}-caption`;
  return (
    // A wide table scrolls sideways (T2 has a column per sex and age band): the row's name stays in view.
    <TableScroll labelledBy={captionId}>
      <table id={id}>
        <caption id={captionId}>{t(table.title)}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.id} scope="col" className={c.kind === "text" || c.kind === "boolean" ? undefined : "num"}>
                {header(c.header)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {table.columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.id} scope="row">
                    {String(c.accessor(row) ?? "—")}
                  </th>
                ) : (
                  <Cell key={c.id} kind={c.kind} value={c.accessor(row)} lang={lang} />
                ),
              )}
            </tr>
          ))}
        </tbody>
        {table.footer.length ? (
          <tfoot>
            {table.footer.map((row, i) => (
              <tr key={i}>
                {table.columns.map((c, j) =>
                  j === 0 ? (
                    <th key={c.id} scope="row">
                      {table.footerLabels?.[i] ? header(table.footerLabels[i]) : String(c.accessor(row) ?? "")}
                    </th>
                  ) : (
                    <Cell key={c.id} kind={c.kind} value={c.accessor(row)} lang={lang} />
                  ),
                )}
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </TableScroll>
  );
}

/** A compact input inside a table cell: the visible column header is its label via aria-label. */
export function CellInput({
  field,
  label,
  numeric = true,
  wide = false,
}: {
  field: AnyField;
  label: string;
  numeric?: boolean;
  wide?: boolean;
}) {
  const errorText = useErrorText();
  const canEdit = useCanEdit();
  // Metadata read once (see fieldInfo): a passport table has hundreds of cells.
  const f = fieldInfo(field);
  // Read-only: the value as text in its cell (the column header still names it).
  if (!canEdit) return <>{textValue(f.initialValue) || "—"}</>;
  const props = inputProps(f, "text", f.errors?.length ? f.errorId : undefined);
  return (
    <>
      <input
        {...props}
        aria-label={label}
        inputMode={numeric ? "decimal" : undefined}
        className={wide ? "cell-input cell-input--wide" : "cell-input"}
      />
      {f.errors?.length ? (
        <span className="field-error" id={f.errorId}>
          {errorText(f.errors[0])}
        </span>
      ) : null}
    </>
  );
}

const TABLES = ["general", "population", "vulnerable", "economy", "services", "budget"] as const;

/** Links between the six passport pages (one topic per page). */
export function PassportNav({ programId, current }: { programId: number | string; current?: string }) {
  const { t } = useTranslation("stages");
  return (
    <nav aria-label={t("passport.navLabel")} className="passport-nav">
      <ul>
        <li>
          <ProgramLink to={`/programs/${programId}/passport`}>{t("passport.overview")}</ProgramLink>
        </li>
        {TABLES.map((id) => (
          <li key={id}>
            <ProgramLink to={`/programs/${programId}/passport/${id}`} aria-current={current === id ? "page" : undefined}>
              {t(`passport.${id}.short`)}
            </ProgramLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Heading of a passport page: the stage above the table's title, and the links between the pages. */
export function PassportPageHeading({
  stageTitle,
  programId,
  current,
}: {
  stageTitle: string;
  programId: number | string;
  current: (typeof TABLES)[number];
}) {
  const { t } = useTranslation("stages");
  return (
    <StageSubPageHeading stage={stageTitle} title={t(`passport.${current}.title`)}>
      <PassportNav programId={programId} current={current} />
    </StageSubPageHeading>
  );
}

/** Consistency warnings (they do not block saving: official figures sometimes disagree). */
export function FlagList({ messages }: { messages: string[] }) {
  const { t } = useTranslation("stages");
  if (!messages.length) return null;
  return (
    <div className="notice notice--warning" role="status">
      <h2>{t("passport.flagsTitle")}</h2>
      <ul>
        {messages.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
