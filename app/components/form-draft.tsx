/**
 * Unsaved typing is not lost (JavaScript on): while a stage form differs from what the page loaded,
 * its fields are kept as a local draft (app/domain/form-draft.ts says when one is restored,
 * offered or dropped), and leaving the page asks first. Rendered by VersionInput, so every
 * element form of every stage has it without the page doing anything.
 */
import { useBlocker, useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { draftDecision, draftKey, isDraftField, parseDraft, type FormDraft } from "~/domain/form-draft";
import { useCanEdit } from "./can-edit";

/** Keys of the forms on screen with unsaved changes; the one LeaveGuard reads it. */
const dirtyForms = new Set<string>();
/** True while a form's own submit event runs: that navigation is a save, not leaving. */
let submitting = false;
const hasUnsaved = () => dirtyForms.size > 0 && !submitting;

// localStorage can be full or refused (private mode): a draft is a convenience, never an error.
const storage = {
  get: (key: string) => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set: (key: string, value: FormDraft) => {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* no room: the leave warning still protects the typing */
    }
  },
  remove: (key: string) => {
    try {
      window.localStorage.removeItem(key);
    } catch {
      /* nothing to do */
    }
  },
};

function serialize(form: HTMLFormElement): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of new FormData(form)) if (typeof value === "string" && isDraftField(name)) out.push([name, value]);
  return out;
}

/** Puts a draft's values into the form's controls and tells Conform (it listens to input events). */
function applyDraft(form: HTMLFormElement, fields: [string, string][]) {
  const byName = new Map<string, string[]>();
  for (const [name, value] of fields) byName.set(name, [...(byName.get(name) ?? []), value]);
  const used = new Map<string, number>();
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) continue;
    if (!el.name || !isDraftField(el.name) || el.disabled || ["hidden", "file", "submit", "button"].includes(el.type)) continue;
    const values = byName.get(el.name) ?? [];
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) el.checked = values.includes(el.value);
    else if (el instanceof HTMLSelectElement && el.multiple) for (const o of Array.from(el.options)) o.selected = values.includes(o.value);
    else {
      const i = used.get(el.name) ?? 0;
      used.set(el.name, i + 1);
      if (i < values.length) el.value = values[i];
    }
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

/** Keeps the draft of the form holding `versionInput`, and shows the notice when one is found. */
export function FormDraftKeeper({ versionInput, version }: { versionInput: RefObject<HTMLInputElement>; version: number }) {
  const { t, i18n } = useTranslation();
  const canEdit = useCanEdit();
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const [notice, setNotice] = useState<{ kind: "restored" | "older"; draft: FormDraft } | null>(null);
  const keyRef = useRef<string | null>(null);

  useEffect(() => {
    const form = versionInput.current?.form;
    if (!canEdit || !form?.id) return;
    const key = draftKey(pathname, form.id);
    keyRef.current = key;
    const initial = JSON.stringify(serialize(form));
    const onChange = () => {
      const fields = serialize(form);
      const dirty = JSON.stringify(fields) !== initial;
      if (dirty) dirtyForms.add(key);
      else dirtyForms.delete(key);
      // Typed on the version the form now carries (after a conflict: the latest one).
      if (dirty) storage.set(key, { version: Number(versionInput.current?.value ?? version), savedAt: Date.now(), fields });
      else storage.remove(key);
    };
    const onSubmit = () => {
      const draft = parseDraft(storage.get(key));
      if (draft) storage.set(key, { ...draft, submitted: true });
      submitting = true;
      setTimeout(() => (submitting = false), 0);
    };
    form.addEventListener("input", onChange);
    form.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit, true);
    const stored = parseDraft(storage.get(key));
    const decision = draftDecision(stored, version);
    if (decision === "restore") applyDraft(form, stored!.fields);
    if (decision === "drop") storage.remove(key);
    // The draft lives in localStorage, which the page can only read once it runs in the browser.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNotice(
      decision === "restore" || decision === "offer" ? { kind: decision === "restore" ? "restored" : "older", draft: stored! } : null,
    );
    return () => {
      form.removeEventListener("input", onChange);
      form.removeEventListener("change", onChange);
      form.removeEventListener("submit", onSubmit, true);
      dirtyForms.delete(key);
    };
  }, [canEdit, pathname, version, versionInput]);

  // A save that redirects (to ?saved=1, maybe another page) went through: its draft is done.
  useEffect(() => {
    const key = keyRef.current;
    if (!key || navigation.state !== "loading" || !navigation.formData || !/[?&]saved=1/.test(navigation.location.search)) return;
    if (parseDraft(storage.get(key))?.submitted) {
      storage.remove(key);
      dirtyForms.delete(key);
    }
  }, [navigation]);

  if (!notice) return null;
  const form = () => versionInput.current?.form;
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(notice.draft.savedAt));
  const discard = () => {
    if (keyRef.current) {
      storage.remove(keyRef.current);
      dirtyForms.delete(keyRef.current);
    }
    // Back to what the server sent (React gave every control its default value).
    if (notice.kind === "restored") form()?.reset();
    setNotice(null);
  };
  const restore = () => {
    const f = form();
    if (f) applyDraft(f, notice.draft.fields);
    setNotice({ ...notice, kind: "restored" });
  };
  return (
    <div className="notice notice--warning draft-notice" role="status">
      <p>{notice.kind === "restored" ? t("forms.draftRestored", { time }) : t("forms.draftOlder", { time })}</p>
      <div className="button-group">
        {notice.kind === "older" ? (
          <button type="button" className="button button--secondary" onClick={restore}>
            {t("forms.draftRestore")}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={discard}>
          {t("forms.draftDiscard")}
        </button>
      </div>
    </div>
  );
}

/** One per page (a router allows one blocker): asks before leaving while a form has unsaved changes. */
export function LeaveGuard() {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      hasUnsaved() && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(t("forms.leaveConfirm"))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsaved()) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);
  return null;
}
