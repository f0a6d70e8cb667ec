/**
 * Programs as a whole: the list a municipality sees, creating one, and changing its own fields
 * (title, period, language, archive).
 */
import type { DocumentLanguage } from "../../db/schema";
import { db } from "~/db.server";
import { methodology } from "~/methodology/templates.server";
import { insertRevision } from "~/models/program-element.server";
import {
  getMunicipality,
  insertProgram,
  lastProgramChange,
  listMunicipalities,
  listProgramsForMunicipalities,
  programFields,
  updateProgram,
} from "~/models/program.server";
import { VersionConflict } from "./elements.server";

/** The programs list: the user's municipalities and their programs (archived ones on request). */
export async function programsOverview(municipalityIds: number[], includeArchived: boolean) {
  const [municipalities, programs] = await Promise.all([
    listMunicipalities(db, municipalityIds),
    listProgramsForMunicipalities(db, municipalityIds, includeArchived),
  ]);
  return { municipalities, programs };
}

export const municipalityById = (id: number) => getMunicipality(db, id);

export async function createProgram(input: {
  municipalityId: number;
  title: string;
  startYear: number;
  endYear: number;
  language: DocumentLanguage;
  userId: string;
}): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const id = await insertProgram(trx, {
      municipality_id: input.municipalityId,
      title: input.title,
      start_year: input.startYear,
      end_year: input.endYear,
      language: input.language,
      status: "draft",
      methodology_version: methodology.meta.version,
      archived_at: null,
      created_at: now,
      created_by: input.userId,
    });
    const after = JSON.stringify({ title: input.title, start_year: input.startYear, end_year: input.endYear, language: input.language });
    await insertRevision(trx, {
      programId: id,
      elementId: "program",
      kind: "program",
      change: "create",
      before: null,
      after,
      userId: input.userId,
      now,
    });
    return id;
  });
}

type ProgramPatch = Partial<{
  title: string;
  start_year: number;
  end_year: number;
  language: DocumentLanguage;
  archived_at: string | null;
}>;

/**
 * Changes the program's own fields in one transaction, with a revision of what changed. With
 * `expectedVersion` (the version the form was loaded with) a stale form gets a VersionConflict
 * carrying the current values of the fields it meant to change, as element saves do; the version
 * itself goes up by a trigger (migration 0006) when title, period or language change.
 */
export async function updateProgramMeta(programId: number, patch: ProgramPatch, userId: string, expectedVersion?: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const keys = Object.keys(patch) as (keyof ProgramPatch)[];
    if (keys.length === 0) return;
    const before = await programFields(trx, programId, keys);
    if (expectedVersion !== undefined && before.version !== expectedVersion) {
      const current = Object.fromEntries(keys.map((k) => [k, (before as Record<string, unknown>)[k]]));
      throw new VersionConflict({
        id: "program",
        data: current,
        version: before.version,
        updatedAt: await lastProgramChange(trx, programId),
      });
    }
    const changed = keys.filter((k) => (before as Record<string, unknown>)[k] !== patch[k]);
    if (changed.length === 0) return;
    await updateProgram(trx, programId, patch);
    const pick = (o: Record<string, unknown>) => JSON.stringify(Object.fromEntries(changed.map((k) => [k, o[k]])));
    await insertRevision(trx, {
      programId,
      elementId: "program",
      kind: "program",
      change: "update",
      before: pick(before as Record<string, unknown>),
      after: pick(patch as Record<string, unknown>),
      userId,
      now: new Date().toISOString(),
    });
  });
}
