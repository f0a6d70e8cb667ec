/**
 * The ONE place that knows where each download of a program lives. Every link, form and button
 * that offers a file builds its address here; a unit test (tests/unit/export-urls.test.ts) checks
 * that each path below is served by a route file `programs.$programId.export.<path with dots>.ts`,
 * so a link can no longer point at an address nobody answers (issue #17: «compliance.docx» → 404).
 * The addresses are stable: a new export gets a new entry, an entry is never renamed.
 */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const JSON_TYPE = "application/json";

export const EXPORTS = {
  program: { path: "docx", contentType: DOCX_TYPE, languages: true },
  actionPlan: { path: "action-plan/docx", contentType: DOCX_TYPE, languages: true },
  annualPlan: { path: "annual-plan/docx", contentType: DOCX_TYPE, languages: true },
  compliance: { path: "compliance/docx", contentType: DOCX_TYPE, languages: true },
  xlsx: { path: "xlsx", contentType: XLSX_TYPE, languages: true },
  json: { path: "json", contentType: JSON_TYPE, languages: false },
} as const;

export type ExportId = keyof typeof EXPORTS;

/** Languages a document can be written in (the DOCX and XLSX translators know all three). */
export const EXPORT_LANGUAGES = ["ru", "ky", "en"] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** `?lang=` of a download request when it names a known language, else null (the export's default). */
export function exportLanguage(request: Request | URL): ExportLanguage | null {
  const url = request instanceof URL ? request : new URL(request.url);
  const lang = url.searchParams.get("lang");
  return (EXPORT_LANGUAGES as readonly string[]).includes(lang ?? "") ? (lang as ExportLanguage) : null;
}

/** Path of an export without parameters: the `action` of a download form. */
export function exportPath(programId: number | string, id: ExportId): string {
  return `/programs/${programId}/export/${EXPORTS[id].path}`;
}

/** Full address of a download: a frozen version (`version`) and a document language (`lang`) when given. */
export function exportHref(
  programId: number | string,
  id: ExportId,
  options: { version?: number | string | null; lang?: string | null } = {},
): string {
  const params = new URLSearchParams();
  if (options.version != null && options.version !== "") params.set("version", String(options.version));
  if (options.lang) params.set("lang", options.lang);
  const query = params.toString();
  return `${exportPath(programId, id)}${query ? `?${query}` : ""}`;
}
