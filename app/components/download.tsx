/**
 * Downloads that may take a few seconds (DOCX and XLSX are built on request). Without JavaScript
 * they are plain links and GET forms: the browser downloads the file. With JavaScript the click is
 * taken over: the file is fetched, a notice says the document is being prepared (only when it takes
 * longer than a moment, so quick files do not flash it), and the file is then saved under the name
 * the server gave. Addresses come from ~/domain/export-urls (the one place that builds them).
 */
import { useRef, useState, type FormEvent, type MouseEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { EXPORT_LANGUAGES } from "~/domain/export-urls";

type State = "idle" | "preparing" | "failed";
/** Below this a file counts as immediate and no notice is shown. */
const MOMENT_MS = 300;

/** The name in `Content-Disposition` (the UTF-8 form first). */
function fileNameOf(response: Response): string {
  const header = response.headers.get("content-disposition") ?? "";
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (utf8) return decodeURIComponent(utf8[1]);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? "download";
}

function useDownload() {
  const [state, setState] = useState<State>("idle");
  const busy = useRef(false);
  async function start(href: string) {
    if (busy.current) return;
    busy.current = true;
    const timer = window.setTimeout(() => setState("preparing"), MOMENT_MS);
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = fileNameOf(response);
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState("idle");
    } catch {
      setState("failed");
    } finally {
      window.clearTimeout(timer);
      busy.current = false;
    }
  }
  return { state, start };
}

function DownloadStatus({ state }: { state: State }) {
  const { t } = useTranslation("export");
  // The live region is always present so screen readers announce the change.
  return (
    <span
      role="status"
      className={state === "idle" ? "download-status" : `download-status notice ${state === "failed" ? "notice--error" : ""}`}
    >
      {state === "preparing" ? t("download.preparing") : state === "failed" ? t("download.failed") : null}
    </span>
  );
}

/** A link to a file that shows progress with JavaScript on. */
export function DownloadLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const { state, start } = useDownload();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void start(href);
  };
  return (
    <>
      <a href={href} className={className} download onClick={onClick} aria-busy={state === "preparing" || undefined}>
        {children}
      </a>
      <DownloadStatus state={state} />
    </>
  );
}

/**
 * A file with a choice of language: a GET form (works without JavaScript), the program's language
 * chosen first. `params` are kept as hidden fields (e.g. the open version).
 */
export function DownloadForm(props: {
  id: string;
  action: string;
  params: Record<string, string>;
  defaultLanguage: string;
  label: string;
  languageNames: Record<string, string>;
  secondary?: boolean;
}) {
  const { t } = useTranslation("export");
  const { state, start } = useDownload();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = new URLSearchParams(new FormData(event.currentTarget) as unknown as Record<string, string>).toString();
    void start(`${props.action}?${query}`);
  };
  return (
    <form method="get" action={props.action} onSubmit={onSubmit} className="download-form">
      {Object.entries(props.params).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={`${props.id}-lang`} className="download-form__label">
        {t("download.language")}
        <span className="visually-hidden">: {props.label}</span>
      </label>
      <select id={`${props.id}-lang`} name="lang" defaultValue={props.defaultLanguage}>
        {EXPORT_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {props.languageNames[l] ?? l}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className={`button${props.secondary ? " button--secondary" : ""}`}
        aria-busy={state === "preparing" || undefined}
      >
        {props.label}
      </button>
      <DownloadStatus state={state} />
    </form>
  );
}
