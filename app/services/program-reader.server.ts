/**
 * Where a page reads a program's elements from: the live program, or a frozen version
 * (`?version=<id>` on any program page). Loaders read through this one interface, so every
 * stage page shows a version in the same look as the live program without a second copy of
 * the page, and the version can never be edited through it (it has no write methods).
 * It is also the ONE place where a ProgramContext is built: the program's data plus the
 * validated methodology projected once for the request (app/domain/program-context.ts).
 */
import type { Kysely } from "kysely";
import type { DB, ProgramElementRow } from "../../db/schema";
import type { ProgramData } from "~/domain/program-data";
import { levelsOf, methodologyFacts, type ProgramContext } from "~/domain/program-context";
import { programContextFrom } from "~/domain/program-context-build";
import { methodology, type Lang } from "~/methodology/templates.server";
import { findElement, findSingleton, listElements, listElementsOfKind } from "~/models/program-element.server";
import { loadProgramData } from "./program-data.server";
import type { Snapshot } from "~/domain/version-diff";
import { exportHref } from "~/domain/export-urls";
import { loadSnapshot, snapshotToProgramData } from "./workflow.server";

export interface ViewedVersion {
  id: number;
  number: number;
  status: string;
  createdAt: string;
  /** Where this version's DOCX is downloaded (the banner on every page links it). */
  docxHref: string;
}

export interface ProgramReader {
  /** The frozen version being read, or null for the live program. */
  version: ViewedVersion | null;
  elements(): Promise<ProgramElementRow[]>;
  ofKind(kind: string): Promise<ProgramElementRow[]>;
  singleton(kind: string): Promise<ProgramElementRow | undefined>;
  element(id: string): Promise<ProgramElementRow | undefined>;
  programData(): Promise<ProgramData>;
  /** The program's data with the methodology projected in `lang` (pages, checks, DOCX, XLSX). */
  context(lang: Lang): Promise<ProgramContext>;
}

/** The context of program data already read (an action that loaded the live program itself). */
export function programContext(data: ProgramData, lang: Lang): ProgramContext {
  return programContextFrom(data, methodology, lang);
}

/** Levels of the program's strategy form, for an action that needs no labels (ProgramContext.levels). */
export function strategyLevels(data: ProgramData): number {
  return levelsOf(data, methodologyFacts(methodology).strategy);
}

export function liveReader(db: Kysely<DB>, programId: number): ProgramReader {
  return {
    version: null,
    elements: () => listElements(db, programId),
    ofKind: (kind) => listElementsOfKind(db, programId, kind),
    singleton: (kind) => findSingleton(db, programId, kind),
    element: (id) => findElement(db, programId, id),
    programData: () => loadProgramData(db, programId),
    context: async (lang) => programContext(await loadProgramData(db, programId), lang),
  };
}

const byPosition = (a: ProgramElementRow, b: ProgramElementRow) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A reader over one frozen version of the program, or null when the id is not one of its versions. */
export async function versionReader(
  db: Kysely<DB>,
  programId: number,
  versionId: number,
): Promise<{ reader: ProgramReader; program: Snapshot["program"] } | null> {
  const v = await loadSnapshot(db, versionId);
  if (!v || v.programId !== programId) return null;
  // Snapshots hold the element rows exactly as listElements returned them when frozen.
  const rows = v.snapshot.elements as ProgramElementRow[];
  let data: Promise<ProgramData> | undefined;
  const reader: ProgramReader = {
    version: {
      id: v.id,
      number: v.number,
      status: v.status,
      createdAt: v.createdAt,
      docxHref: exportHref(programId, "program", { version: v.id }),
    },
    elements: async () => rows,
    ofKind: async (kind) => rows.filter((r) => r.kind === kind).sort(byPosition),
    singleton: async (kind) => rows.find((r) => r.kind === kind),
    element: async (id) => rows.find((r) => r.id === id),
    programData: () => (data ??= snapshotToProgramData(db, v.snapshot, v.status)),
    context: async (lang) => programContext(await reader.programData(), lang),
  };
  return { reader, program: v.snapshot.program };
}
