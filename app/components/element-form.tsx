import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { ProgramLink } from "./program-link";
import { useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormDraftKeeper } from "./form-draft-lazy";
import { useCanEdit } from "./can-edit";
import type { ConflictInfo } from "~/services/element-form.server";
import type { AnyForm } from "./field-types";
import { TableScroll } from "./table-scroll";

/** What a stage action returns (as the client sees it after JSON). */
export type ElementActionData = { result?: { initialValue?: unknown } | null; conflict?: Partial<ConflictInfo> | null } | undefined;

/**
 * The version the form was loaded with. After a conflict it becomes the latest version, so a
 * second save (after the user has seen both values) is a deliberate overwrite.
 */
export function formVersion(loaderVersion: number, actionData: ElementActionData): number {
  if (actionData?.conflict) return actionData.conflict.version ?? loaderVersion;
  const submitted = (actionData?.result?.initialValue as Record<string, unknown> | undefined)?.version;
  const n = Number(submitted);
  return typeof submitted === "string" && Number.isFinite(n) ? n : loaderVersion;
}

/** The form's version, and (for an editing form) the local draft of what is typed into it. */
export function VersionInput({ version, draft = true }: { version: number; draft?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <>
      <input ref={ref} type="hidden" name="version" value={version} />
      {draft ? <FormDraftKeeper versionInput={ref} version={version} /> : null}
    </>
  );
}

/**
 * The last step of "delete with a confirmation": the page has listed what goes with the element;
 * this posts the delete with the version the page was loaded with (a stale page gets a conflict).
 */
export function DeleteConfirmForm({ version, confirmLabel, cancelTo }: { version: number; confirmLabel: string; cancelTo: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="button-group">
      <input type="hidden" name="intent" value="delete" />
      <VersionInput version={version} draft={false} />
      <button type="submit" className="button button--warning">
        {confirmLabel}
      </button>
      <ProgramLink to={cancelTo} className="button button--secondary">
        {t("forms.cancel")}
      </ProgramLink>
    </Form>
  );
}

/**
 * The page that asks "delete this?": its title, what goes with the element (children), a notice
 * when the element changed since the page was loaded (the action answers `deleteConflict`), and
 * for those who may edit the confirm form.
 */
export function DeleteConfirmPage(props: {
  title: string;
  version: number;
  confirmLabel: string;
  cancelTo: string;
  canEdit: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const actionData = useActionData<{ deleteConflict?: boolean }>();
  return (
    <>
      <h1>{props.title}</h1>
      {actionData?.deleteConflict ? (
        <p className="notice notice--error" role="alert">
          {t("errors.conflict")}
        </p>
      ) : null}
      {props.children}
      {props.canEdit ? <DeleteConfirmForm version={props.version} confirmLabel={props.confirmLabel} cancelTo={props.cancelTo} /> : null}
    </>
  );
}

/**
 * The form's save button, shown to those who may edit (deputies and ministry staff read only; their
 * POST would be refused anyway). Without `show`, the program layout's answer decides.
 */
export function SaveButton({ show, label }: { show?: boolean; label?: string }) {
  const { t } = useTranslation();
  const layoutCanEdit = useCanEdit();
  return (show ?? layoutCanEdit) ? (
    <button type="submit" className="button">
      {label ?? t("forms.save")}
    </button>
  ) : null;
}

export function SavedNotice() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  if (params.get("saved") !== "1") return null;
  return (
    <p className="notice notice--success" role="status">
      {t("forms.saved")}
    </p>
  );
}

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (value === null || value === undefined) return prefix ? { [prefix]: "" } : {};
  if (Array.isArray(value)) return value.reduce((acc, v, i) => ({ ...acc, ...flatten(v, `${prefix}[${i}]`) }), {});
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).reduce(
      (acc, [k, v]) => ({ ...acc, ...flatten(v, prefix ? `${prefix}.${k}` : k) }),
      {} as Record<string, string>,
    );
  }
  return { [prefix]: String(value) };
}

/** Shows what the other person saved next to what this user typed, field by field. */
export function ConflictPanel({ actionData, form }: { actionData: ElementActionData; form: AnyForm }) {
  const { t } = useTranslation();
  const conflict = actionData?.conflict;
  if (!conflict) return null;
  const mine = flatten(form.value ?? actionData?.result?.initialValue ?? {});
  const theirs = flatten(conflict.theirs);
  // Only fields the element stores: a form can carry others (the start-up page's period is saved
  // on the program), and comparing those with the stored data showed a misleading «—».
  const stored = new Set(Object.keys((conflict.theirs ?? {}) as object));
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter(
    (k) => stored.has(k.split(/[.[]/)[0]) && !/(^|\.)id$/.test(k) && (mine[k] ?? "") !== (theirs[k] ?? ""),
  );
  const label = (k: string) => conflict.labels?.[k] ?? t("fieldLabels.other");
  return (
    <div className="notice notice--error" role="alert">
      <h2>{t("errors.conflictTitle")}</h2>
      <p>{conflict.removed ? t("errors.conflictRemoved") : t("errors.conflict")}</p>
      {!conflict.removed && keys.length > 0 ? (
        <TableScroll label={t("errors.conflictTitle")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("conflict.field")}</th>
                <th scope="col">{t("conflict.theirs")}</th>
                <th scope="col">{t("conflict.mine")}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k}>
                  <th scope="row">{label(k)}</th>
                  <td>{theirs[k] ?? "—"}</td>
                  <td>{mine[k] ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </div>
  );
}
