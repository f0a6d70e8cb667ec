/**
 * Saving program elements: one transaction per save, a revision per change, and optimistic
 * versions so a form loaded before someone else's save gets a conflict instead of overwriting.
 */
import type { ProgramElementRow } from "../../db/schema";
import { db } from "~/db.server";
import { newId } from "~/domain/ids";
import {
  deleteElementRow,
  findElement,
  findSingleton,
  insertElement,
  insertRevision,
  listElements,
  listRevisions,
  listSiblings,
  maxPosition,
  updateElementData,
  updateElementPlacement,
} from "~/models/program-element.server";
import { ExpectedFailure } from "~/http/expected-failure";

/** Someone saved the element since this form was opened (or deleted it: `current` is null). */
export class VersionConflict extends ExpectedFailure {
  constructor(public readonly current: { id: string; data: unknown; version: number; updatedAt: string } | null) {
    super("conflict", "errors.conflict");
  }
}

interface SaveInput {
  programId: number;
  kind: string;
  /** Omitted for a new element, or for a singleton (found by kind). */
  id?: string;
  parentId?: string | null;
  position?: number;
  data: unknown;
  /** The version the form was loaded with; 0 for "did not exist yet". */
  expectedVersion: number;
  userId: string;
  singleton?: boolean;
}

export async function saveElement(input: SaveInput): Promise<{ id: string; version: number }> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const existing = input.singleton
      ? await findSingleton(trx, input.programId, input.kind)
      : input.id
        ? await findElement(trx, input.programId, input.id)
        : undefined;
    if (input.id && !input.singleton && !existing) throw new VersionConflict(null); // deleted meanwhile
    const after = JSON.stringify(input.data);
    if (existing) {
      if (existing.kind !== input.kind) throw new VersionConflict(null);
      if (existing.version !== input.expectedVersion) throw conflictFrom(existing);
      if (existing.data === after && input.parentId === undefined && input.position === undefined) {
        return { id: existing.id, version: existing.version };
      }
      const version = existing.version + 1;
      await updateElementData(trx, existing.id, after, version, input.userId, now);
      if (input.parentId !== undefined || input.position !== undefined) {
        await updateElementPlacement(
          trx,
          existing.id,
          input.parentId === undefined ? existing.parent_id : input.parentId,
          input.position ?? existing.position,
        );
      }
      await insertRevision(trx, {
        programId: input.programId,
        elementId: existing.id,
        kind: input.kind,
        change: "update",
        before: existing.data,
        after,
        userId: input.userId,
        now,
      });
      return { id: existing.id, version };
    }
    if (input.expectedVersion !== 0) throw new VersionConflict(null);
    const id = newId();
    const row: ProgramElementRow = {
      id,
      program_id: input.programId,
      kind: input.kind,
      parent_id: input.parentId ?? null,
      position: input.position ?? (await maxPosition(trx, input.programId, input.kind, input.parentId ?? null)) + 1,
      data: after,
      version: 1,
      updated_at: now,
      updated_by: input.userId,
    };
    await insertElement(trx, row);
    await insertRevision(trx, {
      programId: input.programId,
      elementId: id,
      kind: input.kind,
      change: "create",
      before: null,
      after,
      userId: input.userId,
      now,
    });
    return { id, version: 1 };
  });
}

function conflictFrom(row: ProgramElementRow): VersionConflict {
  return new VersionConflict({ id: row.id, data: JSON.parse(row.data), version: row.version, updatedAt: row.updated_at });
}

/** Ids of an element and everything below it (children, grandchildren…), parents first. */
export function descendantIds(rows: Pick<ProgramElementRow, "id" | "parent_id">[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const r of rows) if (r.parent_id) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
  const out: string[] = [];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.shift()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** Deletes an element and its descendants, recording a revision for each. */
export async function deleteElement(input: { programId: number; id: string; expectedVersion: number; userId: string }): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const existing = await findElement(trx, input.programId, input.id);
    if (!existing) throw new VersionConflict(null);
    if (existing.version !== input.expectedVersion) throw conflictFrom(existing);
    const all = await listElements(trx, input.programId);
    const ids = descendantIds(all, input.id);
    const byId = new Map(all.map((r) => [r.id, r]));
    const now = new Date().toISOString();
    for (const id of [...ids].reverse()) {
      const row = byId.get(id)!;
      await insertRevision(trx, {
        programId: input.programId,
        elementId: id,
        kind: row.kind,
        change: "delete",
        before: row.data,
        after: null,
        userId: input.userId,
        now,
      });
    }
    await deleteElementRow(trx, input.id); // children go by ON DELETE CASCADE
    return ids;
  });
}

/** Moves an element one place up or down among its siblings of the same kind. */
export async function moveElement(input: { programId: number; id: string; direction: "up" | "down"; userId: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const el = await findElement(trx, input.programId, input.id);
    if (!el) throw new VersionConflict(null);
    const siblings = await listSiblings(trx, el);
    const index = siblings.findIndex((s) => s.id === el.id);
    const swapWith = input.direction === "up" ? index - 1 : index + 1;
    if (swapWith < 0 || swapWith >= siblings.length) return;
    [siblings[index], siblings[swapWith]] = [siblings[swapWith], siblings[index]];
    const now = new Date().toISOString();
    for (let i = 0; i < siblings.length; i++) {
      if (siblings[i].position !== i) await updateElementPlacement(trx, siblings[i].id, siblings[i].parent_id, i);
    }
    await insertRevision(trx, {
      programId: input.programId,
      elementId: el.id,
      kind: el.kind,
      change: "update",
      before: JSON.stringify({ position: el.position }),
      after: JSON.stringify({ position: swapWith }),
      userId: input.userId,
      now,
    });
  });
}

/** A page of the program's revisions, newest first (the history page). */
export const revisionsOf = (programId: number, limit: number, beforeId?: number) => listRevisions(db, programId, limit, beforeId);
