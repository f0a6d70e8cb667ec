/**
 * A program file read from disk for the command line (`kadam import`, `kadam check file.json`):
 * held to the same limits and rules as the import page (size, structure, each element's rules),
 * and every problem as one line in the CLI's language (`--lang`, Russian by default), naming the
 * element by its kind, id and title and the field by its form label, then the raw path for
 * whoever edits the JSON by hand.
 */
import fs from "node:fs";
import { elementTitle } from "~/domain/comments";
import { fieldLabel } from "~/domain/field-labels";
import { PROGRAM_FILE_MAX_BYTES, type ProgramFile } from "~/domain/program-file";
import { parseProgramFile, validateElements, type ImportProblem } from "~/services/program-file.server";
import { docTranslator, type DocLang, type Translate } from "~/export/i18n";

export type FileRead = { ok: true; file: ProgramFile } | { ok: false; lines: string[] };

export function readProgramFile(path: string, lang: DocLang = "ru"): FileRead {
  const problems = problemsOf(path);
  if (problems.ok) return problems;
  const t = docTranslator(lang);
  const elements = elementsOf(path);
  return { ok: false, lines: problems.errors.map((p) => `${describePlace(p.path, elements, t)}: ${t(p.messageKey, p.values ?? {})}`) };
}

/** The raw elements, for naming them in messages even when the file as a whole is refused. */
function elementsOf(path: string): unknown[] {
  try {
    const raw = JSON.parse(fs.readFileSync(path, "utf8")) as { elements?: unknown };
    return Array.isArray(raw.elements) ? raw.elements : [];
  } catch {
    return [];
  }
}

const PLACE_FIELDS: Record<string, string> = { parentId: "common:fieldLabels.parent", position: "common:fieldLabels.position" };

/** "Мероприятие a-17 «Водопровод», Источники финансирования [elements[43].data.funding]". */
export function describePlace(path: string, elements: unknown[], t: Translate): string {
  // "elements[43].parentId" from the structure checks, "elements[43](action).funding" from the element rules.
  const m = path.match(/^elements\[(\d+)\](?:\([\w-]+\))?(?:\.(.*))?$/);
  if (!m) return path ? `[${path}]` : t("common:cli.file");
  const raw = elements[Number(m[1])] as { id?: unknown; kind?: unknown; data?: unknown } | undefined;
  const kind = typeof raw?.kind === "string" ? raw.kind : "";
  const kindName = kind ? t(`program:kinds.${kind}`, { defaultValue: kind }) : t("common:cli.element");
  const id = typeof raw?.id === "string" ? ` ${raw.id}` : "";
  const title = elementTitle(raw?.data);
  const rest = m[2] ?? "";
  const data = rest.startsWith("data.") ? rest.slice(5) : /^(id|kind|parentId|position)$/.test(rest) ? "" : rest;
  const field = data ? fieldLabel(kind, data, t) : PLACE_FIELDS[rest] ? t(PLACE_FIELDS[rest]) : "";
  return `${kindName}${id}${title ? ` «${title}»` : ""}${field ? `, ${field}` : ""} [${path}]`;
}

function problemsOf(path: string): { ok: true; file: ProgramFile } | { ok: false; errors: ImportProblem[] } {
  // Refused by size before it is read, as on the import page.
  if (fs.statSync(path).size > PROGRAM_FILE_MAX_BYTES)
    return {
      ok: false,
      errors: [{ path: "", messageKey: "files:errors.tooLarge", values: { max: PROGRAM_FILE_MAX_BYTES / 1024 / 1024 } }],
    };
  const parsed = parseProgramFile(fs.readFileSync(path, "utf8"));
  if (!parsed.ok) return parsed;
  const errors = validateElements(parsed.file);
  return errors.length ? { ok: false, errors: errors.slice(0, 50) } : parsed;
}
