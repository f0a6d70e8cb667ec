/**
 * What an error page says, in the user's language: one reading of a thrown error for the site's
 * boundary (root.tsx) and the program pages' boundary (routes/programs.$programId.tsx).
 * Expected failures arrive as responses with their status (404 not found, 403 forbidden, 413/415
 * refused bodies with the reason and limit); anything else is unexpected and says so, without
 * details (those go to the server log).
 */
import { isRouteErrorResponse } from "@remix-run/react";
import { useTranslation } from "react-i18next";

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
  const message = refused?.reason ? t(`errors.${refused.reason}`, { max: refused.max, maxKb: refused.maxKb }) : t(key);
  return (
    <div className="error-page" data-status={status}>
      <h1>{t(title)}</h1>
      <p>{message}</p>
      {children}
    </div>
  );
}
