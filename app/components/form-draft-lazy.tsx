/**
 * The local draft and the leave warning (./form-draft) are loaded once the page is interactive:
 * they do nothing before that, and leaving them out of the first load keeps every form page
 * within the JavaScript budget on a slow connection. `<html data-form-drafts>` says "loading"
 * until they are there (browser tests wait for "ready", as they wait for hydration).
 */
import { lazy, Suspense, useEffect, useSyncExternalStore, type ComponentProps } from "react";

let loading: Promise<typeof import("./form-draft")> | null = null;
const load = () =>
  (loading ??= import("./form-draft").then((module) => {
    document.documentElement.dataset.formDrafts = "ready";
    return module;
  }));
const Keeper = lazy(() => load().then((m) => ({ default: m.FormDraftKeeper })));
const Guard = lazy(() => load().then((m) => ({ default: m.LeaveGuard })));

/** False on the server and in the first render, so hydration matches the server's markup. */
const noSubscription = () => () => {};
function useHydrated(): boolean {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  useEffect(() => {
    if (document.documentElement.dataset.formDrafts !== "ready") document.documentElement.dataset.formDrafts = "loading";
  }, []);
  return hydrated;
}

export function FormDraftKeeper(props: ComponentProps<typeof Keeper>) {
  return useHydrated() ? (
    <Suspense fallback={null}>
      <Keeper {...props} />
    </Suspense>
  ) : null;
}

export function LeaveGuard() {
  return useHydrated() ? (
    <Suspense fallback={null}>
      <Guard />
    </Suspense>
  ) : null;
}
