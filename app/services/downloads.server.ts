/**
 * The three DOCX downloads share one loader: authorize (any reader may export), read the program
 * (the DB read finishes before packing; no transaction is held while packing), build, pack, and
 * send with a UTF-8 file name plus an ASCII fallback for old clients.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { requireProgram } from "~/services/program-access.server";
import { db } from "~/db.server";
import type { ProgramMeta } from "~/domain/program-data";
import { liveReader, versionReader, type ProgramReader } from "./program-reader.server";
import { getApproval } from "./workflow.server";
import { listThreads } from "./comments.server";
import { commentTableRows } from "~/domain/tables/comments";
import { threadsUpTo } from "~/domain/comments";
import { methodology } from "~/methodology/templates.server";
import {
  buildActionPlanDocument,
  buildAnnualPlanDocument,
  buildProgramDocument,
  packDocx,
  type ExportOptions,
} from "~/export/program-docx.server";
import { municipalityName } from "~/export/wording";
import { DOCX_TYPE, exportLanguage } from "~/domain/export-urls";
import { notFound } from "~/http/expected-failure";

export type ExportKind = "program" | "action-plan" | "annual-plan";

/** Statuses after which the document is no longer a draft. */
export const FINAL_STATUSES = ["approved", "accepted", "published"];

const builders = { program: buildProgramDocument, "action-plan": buildActionPlanDocument, "annual-plan": buildAnnualPlanDocument } as const;

/** "Кок-Жайык айыл аймагы_2025-2029_2025-03-01.docx": no path separators or control characters. */
export function docxFileName(meta: ProgramMeta, kind: ExportKind, date: string, lang: ExportOptions["lang"] = meta.language): string {
  const name =
    municipalityName(meta, lang)
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, "-")
      .replace(/\s+/g, " ")
      .trim() || "program";
  const suffix = kind === "program" ? "" : `_${kind}`;
  return `${name}_${meta.startYear}-${meta.endYear}${suffix}_${date.slice(0, 10)}.docx`;
}

const TRANSLIT: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  ң: "ng",
  о: "o",
  ө: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ү: "u",
  ф: "f",
  х: "h",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "sch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};
/** ASCII fallback for the filename= parameter: transliterated, other characters dropped. */
export function asciiFileName(name: string): string {
  const out = [...name]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const t = TRANSLIT[lower];
      if (t === undefined) return /[A-Za-z0-9._-]/.test(ch) ? ch : ch === " " ? "_" : "";
      return ch === lower ? t : t.charAt(0).toUpperCase() + t.slice(1);
    })
    .join("");
  return out.replace(/_+/g, "_") || "program.docx";
}

export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Everything the document needs, read in full before building: the program (or a frozen version
 * with ?version=<id>), the council's approval record of that state, and the comments log.
 */
export async function exportInputs(programId: number, versionParam: string | null) {
  const read = versionParam ? (await versionReader(db, programId, Number(versionParam)))?.reader : liveReader(db, programId);
  if (!read) throw notFound();
  return readExportInputs(db, programId, read);
}

/**
 * The same, through a reader (the one the request was authorized with: the snapshot is read once).
 * The web download and `kadam export-docx` both read through this, so they build the same file.
 */
export async function readExportInputs(dbh: Kysely<DB>, programId: number, read: ProgramReader) {
  const data = await read.programData();
  const approval = await getApproval(dbh, programId, read.version?.id);
  // A version's comments log: the threads opened before it was frozen (the same as its web page).
  const threads = await listThreads(dbh, programId);
  const comments = commentTableRows(
    read.version ? threadsUpTo(threads, read.version.createdAt) : threads,
    data,
    methodology.stages.map((s) => s.id),
  );
  return { data, approval, comments };
}

/** The document options of those inputs: language (the program's unless one is asked for), draft mark, approval block, comments annex. */
export function documentOptions(
  inputs: Awaited<ReturnType<typeof readExportInputs>>,
  style?: string | null,
  lang?: ExportOptions["lang"] | null,
): ExportOptions {
  const { data, approval, comments } = inputs;
  return {
    lang: lang ?? data.program.language,
    style: style || undefined,
    draft: !FINAL_STATUSES.includes(data.program.status),
    comments,
    approval: approval
      ? { resolutionNumber: approval.resolutionNumber, resolutionDate: approval.resolutionDate, chairName: approval.chairName }
      : undefined,
  };
}

export async function docxDownload(request: Request, programId: string | undefined, kind: ExportKind): Promise<Response> {
  const { program, read } = await requireProgram(request, programId);
  const params = new URL(request.url).searchParams;
  const inputs = await readExportInputs(db, program.id, read);
  const { data } = inputs;
  const options = documentOptions(inputs, params.get("style"), exportLanguage(request));
  const buffer = await packDocx(await builders[kind](data, options));
  const fileName = docxFileName(data.program, kind, new Date().toISOString(), options.lang);
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": DOCX_TYPE,
      "Content-Disposition": contentDisposition(fileName),
      "Content-Length": String(buffer.length),
      "Cache-Control": "private, no-store",
    },
  });
}
