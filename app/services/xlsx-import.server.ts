/**
 * Spreadsheet upload: plan the changes of an uploaded workbook against the saved program (for the
 * preview), and apply a confirmed plan in ONE transaction with a revision per element. Nothing is
 * written while any cell is invalid. The preview carries the element versions it was computed
 * on; confirming after someone else changed one of them is refused.
 */
import type { Transaction } from "kysely";
import type { DB } from "../../db/schema";
import { db } from "~/db.server";
import { newId } from "~/domain/ids";
import { programYears, type ProgramData } from "~/domain/program-data";
import type { ProgramContext } from "~/domain/program-context";
import { actionPlanGroups } from "~/domain/tables/action-plan";
import {
  ACTION_PLAN_TABLE,
  importActionPlan,
  type ActionPlanImport,
  type RowChange,
  type SheetPayload,
  type XlsxIssue,
} from "~/domain/xlsx-import";
import { importPassportSheet, PASSPORT_TABLE_IDS, type PassportImport } from "~/domain/xlsx-passport";
import { docTranslator, type DocLang } from "~/export/i18n";
import {
  deleteElementRow,
  findElement,
  findSingleton,
  insertElement,
  insertRevision,
  listElements,
  maxPosition,
  updateElementData,
  updateElementPlacement,
} from "~/models/program-element.server";
import { descendantIds, VersionConflict } from "./elements.server";
import { loadProgramData } from "./program-data.server";
import { programContext } from "./program-reader.server";

export interface UploadPlan {
  issues: XlsxIssue[];
  changes: RowChange[];
  actions: ActionPlanImport | null;
  passport: PassportImport[];
  /** Element id (or "kind:<kind>" for a table not saved yet) → version the plan was computed on. */
  versions: Record<string, number>;
}

/** What the T12 sheet is read against, from the program's context: its objectives, actions, sources and labels. */
export function actionPlanContext({ data, lang, levels, sourceIds, genderTags }: ProgramContext) {
  const t = docTranslator(lang);
  const groups = actionPlanGroups(data, levels);
  return {
    objectives: groups.map((g) => g.objective),
    existing: groups.flatMap((g) =>
      g.rows.map((r) => ({ id: r.id, objectiveId: r.objectiveId, version: r.version, number: r.number, action: r.action })),
    ),
    sourceIds,
    years: programYears(data.program),
    typeLabels: { project: t("plan:action.types.project"), measure: t("plan:action.types.measure") },
    tagLabels: Object.fromEntries((["inclusive", "gender", "climate"] as const).map((k) => [k, t(`plan:action.tagNames.${k}`)])),
    genderTagLabels: Object.fromEntries(genderTags.map((g) => [g.id, g.label])),
    lang,
  };
}

/** Checks every cell of every uploadable sheet and lists what would change. Pure reads. */
export function planUploadFor(data: ProgramData, sheets: SheetPayload[], lang: DocLang): UploadPlan {
  const context = programContext(data, lang);
  const plan: UploadPlan = { issues: [], changes: [], actions: null, passport: [], versions: {} };
  const known = sheets.filter((s) => s.table === ACTION_PLAN_TABLE || s.table in PASSPORT_TABLE_IDS);
  if (!known.length) plan.issues.push({ sheet: "", row: null, column: null, key: "files:xlsx.errors.noSheets" });
  const t = docTranslator(lang);
  const pc = context.passport;
  for (const sheet of known) {
    if (sheet.table === ACTION_PLAN_TABLE) {
      const res = importActionPlan(sheet, actionPlanContext(context));
      plan.actions = res;
      plan.issues.push(...res.issues);
      plan.changes.push(...res.changes);
      for (const a of res.upsert) if (a.id) plan.versions[a.id] = a.expectedVersion;
      for (const a of res.remove) plan.versions[a.id] = a.version;
    } else {
      const res = importPassportSheet(sheet, data, pc, { yes: t("common:forms.yes"), no: t("common:forms.no") });
      plan.passport.push(res);
      plan.issues.push(...res.issues);
      plan.changes.push(...res.changes);
      if (res.write) plan.versions[`kind:${res.write.kind}`] = res.write.expectedVersion;
    }
  }
  if (plan.issues.length) plan.changes = [];
  return plan;
}

export async function planUpload(programId: number, sheets: SheetPayload[], lang: DocLang): Promise<UploadPlan> {
  return planUploadFor(await loadProgramData(db, programId), sheets, lang);
}

/** Versions the preview saw that are no longer current (someone saved meanwhile). */
export function staleVersions(plan: UploadPlan, previewVersions: Record<string, number>): string[] {
  return Object.entries(plan.versions)
    .filter(([id, v]) => previewVersions[id] !== v)
    .map(([id]) => id);
}

const nextPosition = async (trx: Transaction<DB>, programId: number, kind: string, parentId: string | null) =>
  (await maxPosition(trx, programId, kind, parentId)) + 1;

async function upsert(
  trx: Transaction<DB>,
  programId: number,
  userId: string,
  w: { id?: string; kind: string; parentId?: string | null; singleton?: boolean; data: unknown; expectedVersion: number },
) {
  const now = new Date().toISOString();
  const after = JSON.stringify(w.data);
  const existing = w.singleton ? await findSingleton(trx, programId, w.kind) : w.id ? await findElement(trx, programId, w.id) : undefined;
  if (w.id && !existing) throw new VersionConflict(null);
  if (existing) {
    if (existing.version !== w.expectedVersion || existing.kind !== w.kind) throw new VersionConflict(null);
    await updateElementData(trx, existing.id, after, existing.version + 1, userId, now);
    if (w.parentId !== undefined && w.parentId !== existing.parent_id)
      await updateElementPlacement(trx, existing.id, w.parentId, await nextPosition(trx, programId, w.kind, w.parentId));
    await insertRevision(trx, {
      programId,
      elementId: existing.id,
      kind: w.kind,
      change: "update",
      before: existing.data,
      after,
      userId,
      now,
    });
    return;
  }
  if (w.expectedVersion !== 0) throw new VersionConflict(null);
  const id = newId();
  const parentId = w.parentId ?? null;
  await insertElement(trx, {
    id,
    program_id: programId,
    kind: w.kind,
    parent_id: parentId,
    position: await nextPosition(trx, programId, w.kind, parentId),
    data: after,
    version: 1,
    updated_at: now,
    updated_by: userId,
  });
  await insertRevision(trx, { programId, elementId: id, kind: w.kind, change: "create", before: null, after, userId, now });
}

/**
 * Saves a plan without issues in one transaction: every action and table, or nothing.
 * Throws VersionConflict when an element changed after the plan was computed.
 */
export async function applyUpload(programId: number, userId: string, plan: UploadPlan): Promise<number> {
  if (plan.issues.length) throw new Error("an upload with invalid cells is never saved");
  let written = 0;
  await db.transaction().execute(async (trx) => {
    for (const p of plan.passport) {
      if (!p.write) continue;
      await upsert(trx, programId, userId, {
        kind: p.write.kind,
        singleton: true,
        data: p.write.data,
        expectedVersion: p.write.expectedVersion,
      });
      written++;
    }
    const a = plan.actions;
    if (!a) return;
    for (const w of a.upsert) {
      await upsert(trx, programId, userId, {
        id: w.id,
        kind: "action",
        parentId: w.objectiveId,
        data: w.data,
        expectedVersion: w.expectedVersion,
      });
      written++;
    }
    if (a.remove.length) {
      const all = await listElements(trx, programId);
      const byId = new Map(all.map((r) => [r.id, r]));
      const now = new Date().toISOString();
      for (const r of a.remove) {
        const row = byId.get(r.id);
        if (!row || row.version !== r.version) throw new VersionConflict(null);
        // Indicators of the action go with it, as on the action page; each gets a revision.
        for (const id of descendantIds(all, r.id).reverse()) {
          const d = byId.get(id)!;
          await insertRevision(trx, { programId, elementId: id, kind: d.kind, change: "delete", before: d.data, after: null, userId, now });
        }
        await deleteElementRow(trx, r.id);
        written++;
      }
    }
  });
  return written;
}
