/**
 * Local drafts of unsaved form fields (kept in the browser's localStorage while someone types), so
 * a crash, a closed tab or a link followed by mistake does not lose typing. The server stays the
 * source of truth: a draft is keyed by page (program + stage) and form, and remembers the element
 * version it was typed on. Pure rules here; the browser side is app/components/form-draft.tsx.
 */

export interface FormDraft {
  /** Element version the draft was typed on (the form's hidden `version`). */
  version: number;
  /** When it was last written (ms since epoch). */
  savedAt: number;
  /** The form's fields as posted: [name, value] in document order. */
  fields: [string, string][];
  /** Set when the form was submitted with this content; a newer version then means it was saved. */
  submitted?: boolean;
}

export const DRAFT_PREFIX = "kadam:draft:";

export const draftKey = (pathname: string, formId: string) => `${DRAFT_PREFIX}${pathname}#${formId}`;

/** Fields never kept: the version (it belongs to the page), Conform's intents, files. */
export const isDraftField = (name: string) => name !== "version" && name !== "intent" && !name.startsWith("__");

/**
 * What to do with a stored draft when the form opens on `version`:
 * - "restore": typed on this very version: put it back and say so;
 * - "offer": typed on another version (someone saved since): show it, let the user choose;
 * - "drop": it was submitted and the element has moved on, so the save went through;
 * - "none": nothing stored.
 */
export function draftDecision(draft: FormDraft | null, version: number): "restore" | "offer" | "drop" | "none" {
  if (!draft) return "none";
  if (draft.version === version) return "restore";
  if (draft.submitted && draft.version < version) return "drop";
  return "offer";
}

/** Reads a stored draft; anything malformed counts as none. */
export function parseDraft(text: string | null): FormDraft | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text) as FormDraft;
    if (typeof d.version !== "number" || !Array.isArray(d.fields)) return null;
    return d;
  } catch {
    return null;
  }
}
