import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "./components/nonce";
import { createServerI18n } from "./i18n/i18n.server";
import { getLanguage } from "./i18n/language.server";

/**
 * renderToString, not renderToPipeableStream: React 18's streaming renderer can write a NUL byte
 * where a multi-byte (Cyrillic) character falls on a chunk boundary (react#24985). Kadam pages use
 * no Suspense or defer, so a whole-document render loses nothing and is smaller to reason about.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
): Promise<Response> {
  const i18n = await createServerI18n(getLanguage(request));
  const nonce = (loadContext as { nonce?: string }).nonce ?? "";
  const markup = renderToString(
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </I18nextProvider>
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response("<!DOCTYPE html>" + markup, { headers: responseHeaders, status: responseStatusCode });
}

/** Longest path written into a one-line notice, so a hostile URL cannot flood the log. */
const LOGGED_PATH_MAX = 200;

export function handleError(error: unknown, { request }: { request: Request }) {
  // Responses thrown on purpose (404, 403, redirects) are not errors worth logging.
  if (request.signal.aborted || error instanceof Response) return;
  // An unknown URL or a refused method reaches here as a 4xx ErrorResponse wrapping an internal
  // Error: one line says what was asked; a stack trace would only bury real faults.
  if (isRouteErrorResponse(error) && error.status < 500) {
    console.warn(`${error.status} ${request.method} ${new URL(request.url).pathname.slice(0, LOGGED_PATH_MAX)}`);
    return;
  }
  console.error(error);
}
