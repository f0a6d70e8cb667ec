/**
 * A program file read from disk for the command line (`kadam import`, `kadam check file.json`):
 * held to the same limits and rules as the import page (size, structure, each element's rules),
 * and every problem as one English line naming its place, as the CLI speaks English.
 */
import fs from "node:fs";
import { parseProgramFile, PROGRAM_FILE_MAX_BYTES, type ProgramFile } from "~/domain/program-file";
import { validateElements, type ImportProblem } from "~/services/program-file.server";
import { docTranslator } from "./i18n";

export type FileRead = { ok: true; file: ProgramFile } | { ok: false; lines: string[] };

export function readProgramFile(path: string): FileRead {
  const problems = problemsOf(path);
  if (problems.ok) return problems;
  const t = docTranslator("en");
  return { ok: false, lines: problems.errors.map((p) => `${p.path || "(file)"}: ${t(p.messageKey, p.values ?? {})}`) };
}

function problemsOf(path: string): { ok: true; file: ProgramFile } | { ok: false; errors: ImportProblem[] } {
  // Refused by size before it is read, as on the import page.
  if (fs.statSync(path).size > PROGRAM_FILE_MAX_BYTES) return { ok: false, errors: [{ path: "", messageKey: "files:errors.tooLarge", values: { max: PROGRAM_FILE_MAX_BYTES / 1024 / 1024 } }] };
  const parsed = parseProgramFile(fs.readFileSync(path, "utf8"));
  if (!parsed.ok) return parsed;
  const errors = validateElements(parsed.file);
  return errors.length ? { ok: false, errors: errors.slice(0, 50) } : parsed;
}
