/**
 * Status tag and date format shared by the version banner (on every program page), the review
 * pages and the comment threads. Kept apart from review.tsx so pages that only show a status do
 * not load the workflow forms (Conform, zod) with it.
 */
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "~/domain/format";

export function useDateFormat() {
  const { i18n } = useTranslation();
  return (iso: string) => formatDateTime(iso, i18n.language);
}

/** A calendar day stored as YYYY-MM-DD (a resolution date): no time, no time-zone shift. */
export function useDayFormat() {
  const { i18n } = useTranslation();
  return (day: string) => formatDate(day, i18n.language);
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation("common");
  const tone =
    status === "approved" || status === "accepted" || status === "published"
      ? "ok"
      : status === "changes_requested" || status === "returned"
        ? "warn"
        : "muted";
  return <span className={`tag tag--${tone}`}>{t(`status.${status}`)}</span>;
}
