/**
 * Upload of the downloaded workbook (passport tables and action plan), in two steps that both
 * work without JavaScript: 1) upload → every cell checked → errors named by sheet, row and
 * column, or a preview of added/changed/removed rows; 2) confirm → the previewed cells (carried
 * in a hidden field) are checked again against the current data and saved in one transaction.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { SHEET_TOTAL_ROWS, XLSX_LIMITS, type RowChange, type SheetPayload, type XlsxIssue } from "~/domain/xlsx-import";
import { readUploadSheets, sheetRowLimits, XLSX_MAX_BYTES } from "~/export/xlsx.server";
import { XlsxRefused } from "~/export/xlsx-read.server";
import { getT } from "~/i18n/i18n.server";
import { VersionConflict } from "~/services/elements.server";
import { applyUpload, planUpload, staleVersions } from "~/services/xlsx-import.server";
import { readForm } from "~/http/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, canEdit } = await requireProgram(request, params.programId);
  const { t } = await getT(request);
  return json({ title: t("files:xlsx.title"), programId: program.id, canEdit, maxMb: XLSX_MAX_BYTES / 1024 / 1024 });
}

type ActionResult =
  { issues: XlsxIssue[]; preview?: undefined } | { issues?: undefined; preview: { changes: RowChange[]; payload: string } };

const issue = (key: string, values?: Record<string, unknown>): XlsxIssue => ({ sheet: "", row: null, column: null, key, values });
const refuse = (issues: XlsxIssue[], status = 400) => json<ActionResult>({ issues: issues.slice(0, 100) }, { status });

// The preview's payload comes back from the browser: held to the same limits as the upload.
const raw = z.union([z.string().max(XLSX_LIMITS.maxCellChars), z.number(), z.boolean(), z.null()]);
const fewKeys = (n: number) => (o: Record<string, unknown>) => Object.keys(o).length <= n;
const maxRows = Math.max(...Object.values(sheetRowLimits())) + SHEET_TOTAL_ROWS;
const payloadSchema = z.object({
  sheets: z
    .array(
      z.object({
        table: z.string().max(60),
        name: z.string().max(100),
        headers: z.record(z.string().max(XLSX_LIMITS.maxCellChars)).refine(fewKeys(XLSX_LIMITS.maxColumns)),
        rows: z
          .array(
            z.object({
              row: z.number().int(),
              id: z.string().max(100).nullable(),
              cells: z.record(raw).refine(fewKeys(XLSX_LIMITS.maxColumns)),
            }),
          )
          .max(maxRows),
      }),
    )
    .max(30),
  versions: z.record(z.number().int()).refine(fewKeys(maxRows + 30)),
});

async function uploadedSheets(request: Request): Promise<SheetPayload[] | Response> {
  // Refused by size before anything is read or parsed.
  const tooLarge = () => refuse([issue("files:errors.tooLarge", { max: XLSX_MAX_BYTES / 1024 / 1024 })]);
  if (Number(request.headers.get("content-length") ?? 0) > XLSX_MAX_BYTES + 64 * 1024) return tooLarge();
  let file: FormDataEntryValue | null;
  try {
    const form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: XLSX_MAX_BYTES }));
    file = form.get("file");
  } catch {
    return tooLarge();
  }
  if (!(file instanceof Blob) || file.size === 0) return refuse([issue("files:errors.noFile")]);
  try {
    return await readUploadSheets(Buffer.from(await file.arrayBuffer()));
  } catch (error) {
    // A workbook over a limit is named by its limit; anything else the reader cannot follow is "not an xlsx".
    return refuse(
      [error instanceof XlsxRefused ? error.issue : issue("files:xlsx.errors.notXlsx")],
      error instanceof XlsxRefused ? 413 : 400,
    );
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { program, user } = await requireProgram(request, params.programId, "edit");
  const { lang } = await getT(request);
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const sheets = await uploadedSheets(request);
    if (sheets instanceof Response) return sheets;
    const plan = await planUpload(program.id, sheets, lang);
    if (plan.issues.length) return refuse(plan.issues);
    const used = sheets.filter((s) => plan.changes.some((c) => c.sheet === s.name));
    return json<ActionResult>({ preview: { changes: plan.changes, payload: JSON.stringify({ sheets: used, versions: plan.versions }) } });
  }
  // Confirm: the preview's cells, checked again; saved only when still valid and nobody saved meanwhile.
  // The preview's payload is the uploaded cells again, so it may be as large as the upload.
  const form = await readForm(request, { schema: z.object({ payload: z.string() }), maxBytes: XLSX_MAX_BYTES });
  let payload: z.infer<typeof payloadSchema>;
  try {
    payload = payloadSchema.parse(JSON.parse(String(form.get("payload") ?? "")));
  } catch {
    return refuse([issue("files:xlsx.errors.badPayload")]);
  }
  const plan = await planUpload(program.id, payload.sheets, lang);
  if (plan.issues.length) return refuse(plan.issues);
  if (staleVersions(plan, payload.versions).length) return refuse([issue("files:xlsx.errors.changedMeanwhile")], 409);
  try {
    await applyUpload(program.id, user.id, plan);
  } catch (error) {
    if (error instanceof VersionConflict) return refuse([issue("files:xlsx.errors.changedMeanwhile")], 409);
    throw error;
  }
  return redirect(`/programs/${program.id}/import/xlsx?saved=1`);
}

function IssueList({ issues }: { issues: XlsxIssue[] }) {
  const { t } = useTranslation("files");
  return (
    <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="xlsx-errors">
      <h2 id="xlsx-errors">{t("xlsx.errorsTitle")}</h2>
      <ul>
        {issues.map((e, i) => {
          const message = t(e.key, (e.values ?? {}) as Record<string, string>);
          const text = e.column
            ? t("xlsx.cellError", { sheet: e.sheet, row: e.row, column: e.column, message })
            : e.row
              ? t("xlsx.rowError", { sheet: e.sheet, row: e.row, message })
              : message;
          return <li key={i}>{text}</li>;
        })}
      </ul>
    </div>
  );
}

const CHANGE_CLASS = { added: "tag--ok", changed: "tag--warn", removed: "tag--error" } as const;

export default function ImportXlsx() {
  const { t } = useTranslation(["files", "common"]);
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const preview = result?.preview;
  return (
    <>
      <h1>{t("xlsx.title")}</h1>
      {params.get("saved") === "1" && !result ? (
        <p className="notice notice--success" role="status">
          {t("xlsx.saved")}
        </p>
      ) : null}
      {result?.issues?.length ? <IssueList issues={result.issues} /> : null}
      {preview ? (
        <section aria-labelledby="xlsx-preview">
          <h2 id="xlsx-preview">{t("xlsx.previewTitle")}</h2>
          <p>{preview.changes.length ? t("xlsx.previewLead") : t("xlsx.noChanges")}</p>
          {preview.changes.length ? (
            <ul className="summary-list" data-testid="xlsx-changes">
              {preview.changes.map((c, i) => (
                <li key={i}>
                  <span className={`tag ${CHANGE_CLASS[c.change]}`}>{t(`xlsx.${c.change}`)}</span> {c.sheet}: <strong>{c.label}</strong>
                  {c.columns?.length ? <span className="hint"> — {t("xlsx.columns", { list: c.columns.join(", ") })}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {preview.changes.length && data.canEdit ? (
            <Form method="post">
              <input type="hidden" name="payload" value={preview.payload} />
              <button type="submit" className="button">
                {t("xlsx.confirm")}
              </button>
            </Form>
          ) : null}
          <p>
            <ProgramLink to={`/programs/${data.programId}/import/xlsx`}>{t("xlsx.another")}</ProgramLink>
          </p>
        </section>
      ) : (
        <>
          <p className="lead">{t("xlsx.lead")}</p>
          {data.canEdit ? (
            <Form method="post" encType="multipart/form-data">
              <div className={`field${result?.issues?.length ? " field--error" : ""}`}>
                <label htmlFor="xlsx-file">{t("xlsx.file")}</label>
                <span className="hint" id="xlsx-file-hint">
                  {t("xlsx.fileHint", { max: data.maxMb })}
                </span>
                <input
                  id="xlsx-file"
                  name="file"
                  type="file"
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  aria-describedby="xlsx-file-hint"
                  required
                />
              </div>
              <button type="submit" className="button">
                {t("xlsx.submit")}
              </button>
            </Form>
          ) : null}
        </>
      )}
    </>
  );
}
