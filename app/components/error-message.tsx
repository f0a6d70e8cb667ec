/**
 * What an error page says, in the user's language: one reading of a thrown error for the site's
 * boundary (root.tsx) and the program pages' boundary (routes/programs.$programId.tsx).
 * Expected failures arrive as responses with their status and message key (404 not found, 403
 * forbidden, 409 conflict: app/http/expected-failure.ts) or, for bodies refused before parsing, the
 * reason and limit; anything else is unexpected and says so, without details (those go to the log).
 */
import { isRouteErrorResponse } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isFailureBody } from "~/http/expected-failure";

interface Refusal {
  reason?: string;
  max?: number;
  maxKb?: number;
}

export function errorStatus(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

export function ErrorMessage({ error, children }: { error: unknown; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const status = errorStatus(error);
  // A body refused before parsing (app/http/read-form.server.ts) says why, with its limit.
  const refused = isRouteErrorResponse(error) && (status === 413 || status === 415) ? (error.data as Refusal) : null;
  const key = status === 404 ? "errors.notFound" : status === 403 ? "errors.forbidden" : "errors.unexpected";
  const title = refused?.reason ? (status === 415 ? "errors.unsupportedTypeTitle" : "errors.tooLargeTitle") : `${key}Title`;
  // An expected failure names what happened (e.g. "the program is archived"); its key may carry
  // values after a "|" (services/workflow.server.ts).
  const failure = isRouteErrorResponse(error) && isFailureBody(error.data) ? error.data : null;
  const [failureKey, failureValues] = failure ? failure.messageKey.split("|") : [];
  const message = refused?.reason
    ? t(`errors.${refused.reason}`, { max: refused.max, maxKb: refused.maxKb })
    : failureKey && failureKey !== key
      ? String(t(failureKey, failureValues ? (JSON.parse(failureValues) as Record<string, string>) : {}))
      : t(key);
  return (
    <div className="error-page" data-status={status}>
      <h1>{t(title)}</h1>
      <p>{message}</p>
      {children}
    </div>
  );
}
