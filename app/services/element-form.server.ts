/**
 * The one way a stage form is saved: authorize (edit), validate with the form's Zod schema,
 * save in one transaction with a revision, answer a stale version with 409 and both values,
 * then redirect back (post/redirect/get, so it works the same without JavaScript).
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseStageForm } from "~/domain/form-values";
import { json, redirect } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import type { z } from "zod";
import { requireProgram, type ProgramAccess } from "./program-access.server";
import { saveElement, VersionConflict } from "./elements.server";
import { readForm } from "~/http/read-form.server";
import { conflictLabels } from "~/domain/field-labels.server";
import { getT } from "~/i18n/i18n.server";

export interface ConflictInfo {
  theirs: unknown;
  version: number;
  removed: boolean;
  /** Field path → its label in the user's language (~/domain/field-labels), for the conflict panel. */
  labels?: Record<string, string>;
}

export type FormReply = SubmissionResult<string[]>;
export interface ElementFormResult {
  result: FormReply;
  conflict: ConflictInfo | null;
}

interface Options<S extends z.ZodTypeAny> {
  request: Request;
  params: Params;
  kind: string;
  /** The form's schema: the element data plus a numeric `version` field. */
  schema: S | ((access: ProgramAccess) => S);
  singleton?: boolean;
  /** Turns the parsed form into the stored data (e.g. assigns ids to new rows). Defaults to dropping `version`. */
  toData?: (value: z.output<S>, access: ProgramAccess) => unknown;
  /** Element id for non-singletons; new element when absent. */
  elementId?: (value: z.output<S>) => string | undefined;
  parentId?: (value: z.output<S>) => string | null | undefined;
  /** The route's own authorization, when it had to read the program before the form (a dispatching action). */
  access?: ProgramAccess;
  /** Runs after a successful save, in its own transaction (e.g. the program period on the start-up page). */
  afterSave?: (value: z.output<S>, access: ProgramAccess) => Promise<void>;
  redirectTo?: (savedId: string, access: ProgramAccess) => string;
}

export async function handleElementForm<S extends z.ZodTypeAny>(options: Options<S>, formData?: FormData) {
  const access = options.access ?? (await requireProgram(options.request, options.params.programId, "edit"));
  const schema = typeof options.schema === "function" ? options.schema(access) : options.schema;
  const submission = parseStageForm(formData ?? (await readForm(options.request, { schema })), schema);
  if (submission.status !== "success") {
    // A list intent (add/remove row) is not an error: re-render with the new rows, status 200.
    return json<ElementFormResult>({ result: submission.reply(), conflict: null }, { status: submission.status === "error" ? 400 : 200 });
  }
  const value = submission.value as z.output<S> & { version: number };
  const data = options.toData ? options.toData(value, access) : dropVersion(value);
  try {
    const saved = await saveElement({
      programId: access.program.id,
      kind: options.kind,
      id: options.elementId?.(value),
      parentId: options.parentId?.(value),
      data,
      expectedVersion: value.version,
      userId: access.user.id,
      singleton: options.singleton,
    });
    if (options.afterSave) await options.afterSave(value, access);
    const url = new URL(options.request.url);
    const target = options.redirectTo ? options.redirectTo(saved.id, access) : url.pathname;
    return redirect(`${target}${target.includes("?") ? "&" : "?"}saved=1`);
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    const { t } = await getT(options.request);
    const labels = conflictLabels(options.kind, [error.current?.data, submission.payload], t);
    return json<ElementFormResult>(
      {
        result: submission.reply({ formErrors: [error.current ? "errors.conflict" : "errors.conflictRemoved"] }),
        conflict: { theirs: error.current?.data ?? null, version: error.current?.version ?? 0, removed: !error.current, labels },
      },
      { status: 409 },
    );
  }
}

function dropVersion(value: Record<string, unknown>) {
  const { version: _v, intent: _i, ...rest } = value;
  return rest;
}

/** Assigns a stable id to every row that does not have one yet. */
export function withRowIds<T extends { id?: string | undefined }>(rows: T[] | undefined, newId: () => string): (T & { id: string })[] {
  return (rows ?? []).map((r) => ({ ...r, id: r.id && r.id.length > 0 ? r.id : newId() }));
}
