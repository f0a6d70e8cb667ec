/** Export a whole program as a Kadam program file, and import one as a new program. */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { db as appDb } from "~/db.server";
import { newId } from "~/domain/ids";
import { validateElementData } from "~/domain/element-schemas";
import { fileRulesFrom } from "~/domain/program-file-checks";
import { methodology } from "~/methodology/templates.server";
import {
  parseProgramFileWith,
  PROGRAM_FILE_FORMAT,
  PROGRAM_FILE_SCHEMA_VERSION,
  parentsFirst,
  remapElementIds,
  type ProgramFile,
  type ParseResult,
  type ProgramFileElement,
} from "~/domain/program-file";
import { insertElements, insertRevision, listElements } from "~/models/program-element.server";
import { insertProgram, programMetas } from "~/models/program.server";

const fileRules = fileRulesFrom(methodology);

/** A program file's text parsed and held to this Kadam's methodology (known version, strategy forms). */
export function parseProgramFile(text: string): ParseResult {
  return parseProgramFileWith(text, fileRules);
}

/** Takes the handle first: the command line (`kadam export`) and the demo seed run it on theirs. */
export async function exportProgramFile(db: Kysely<DB>, programId: number): Promise<ProgramFile> {
  const [program] = await programMetas(db, [programId]);
  if (!program) throw new Error(`no program ${programId}`);
  const rows = await listElements(db, programId);
  const elements: ProgramFileElement[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    parentId: r.parent_id,
    position: r.position,
    data: JSON.parse(r.data),
  }));
  const m = program.municipality;
  return {
    format: PROGRAM_FILE_FORMAT,
    schemaVersion: PROGRAM_FILE_SCHEMA_VERSION,
    exportedAt: new Date().toISOString(),
    methodologyVersion: program.methodologyVersion,
    program: {
      title: program.title,
      startYear: program.startYear,
      endYear: program.endYear,
      language: program.language,
      status: program.status,
    },
    municipality: { nameRu: m.nameRu, nameKy: m.nameKy, raion: m.raion, oblast: m.oblast, kind: m.kind },
    elements: stableOrder(elements),
  };
}

/** The program file of a program on the app's database (the export page's JSON download). */
export const programFileOf = (programId: number) => exportProgramFile(appDb, programId);

/** A program file imported as a new draft program on the app's database (the import page). */
export const importNewProgram = (input: { file: ProgramFile; municipalityId: number; userId: string }) => importProgramFile(appDb, input);

/** Orders elements without looking at their (random) ids, so two exports of the same content match. */
export function stableOrder(elements: ProgramFileElement[]): ProgramFileElement[] {
  // Each element's path (its and its ancestors' positions) from its parent's, parents first: no recursion.
  const path = new Map<string, string>();
  for (const e of parentsFirst(elements)) {
    const own = String(e.position).padStart(6, "0");
    const above = e.parentId !== null ? path.get(e.parentId) : undefined;
    path.set(e.id, above !== undefined ? `${above}/${own}` : own);
  }
  const key = new Map(elements.map((e) => [e.id, `${e.kind}|${path.get(e.id)}|${JSON.stringify(e.data)}`]));
  return [...elements].sort((a, b) => (key.get(a.id)! < key.get(b.id)! ? -1 : key.get(a.id)! > key.get(b.id)! ? 1 : 0));
}

export type ImportProblem = { path: string; messageKey: string; values?: Record<string, unknown> };

/** Checks every element's data against its kind's rules (e.g. sources add up to the cost). */
export function validateElements(file: ProgramFile): ImportProblem[] {
  const problems: ImportProblem[] = [];
  file.elements.forEach((e, i) => {
    for (const issue of validateElementData(e.kind, e.data, { startYear: file.program.startYear, endYear: file.program.endYear })) {
      problems.push({
        path: `elements[${i}](${e.kind})${issue.path ? "." + issue.path : ""}`,
        messageKey: issue.messageKey,
        values: issue.values,
      });
    }
  });
  return problems;
}

/** Rows per insert statement: 9 values each, well under SQLite's limit of variables per statement. */
const INSERT_BATCH = 200;

/** Creates a new draft program in the municipality from a validated file (never overwrites). Takes the handle first, as the export does. */
export async function importProgramFile(
  db: Kysely<DB>,
  input: { file: ProgramFile; municipalityId: number; userId: string },
): Promise<number> {
  const { file } = input;
  const elements = parentsFirst(remapElementIds(file.elements, newId));
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const programId = await insertProgram(trx, {
      municipality_id: input.municipalityId,
      title: file.program.title,
      start_year: file.program.startYear,
      end_year: file.program.endYear,
      language: file.program.language,
      status: "draft",
      methodology_version: file.methodologyVersion,
      archived_at: null,
      created_at: now,
      created_by: input.userId,
    });
    // In rows of INSERT_BATCH, parents first: a chunk's foreign keys are checked when its statement ends.
    for (let from = 0; from < elements.length; from += INSERT_BATCH) {
      const rows = elements.slice(from, from + INSERT_BATCH).map((e) => ({
        id: e.id,
        program_id: programId,
        kind: e.kind,
        parent_id: e.parentId,
        position: e.position,
        data: JSON.stringify(e.data),
        version: 1,
        updated_at: now,
        updated_by: input.userId,
      }));
      await insertElements(trx, rows);
    }
    await insertRevision(trx, {
      programId,
      elementId: "program",
      kind: "program",
      change: "create",
      before: null,
      after: JSON.stringify({ importedFrom: file.municipality.nameRu, title: file.program.title, elements: elements.length }),
      userId: input.userId,
      now,
    });
    return programId;
  });
}
