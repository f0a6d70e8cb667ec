/**
 * Status tag and date format shared by the version banner (on every program page), the review
 * pages and the comment threads. Kept apart from review.tsx so pages that only show a status do
 * not load the workflow forms (Conform, zod) with it.
 */
import { useTranslation } from "react-i18next";

export function useDateFormat() {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "ru-RU", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Bishkek" });
  return (iso: string) => fmt.format(new Date(iso));
}

/** A calendar day stored as YYYY-MM-DD (a resolution date): no time, no time-zone shift. */
export function useDayFormat() {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : i18n.language === "ky" ? "ky-KG" : "ru-RU", { dateStyle: "long", timeZone: "UTC" });
  return (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? fmt.format(new Date(`${day}T00:00:00Z`)) : day);
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation("common");
  const tone = status === "approved" || status === "accepted" || status === "published" ? "ok" : status === "changes_requested" || status === "returned" ? "warn" : "muted";
  return <span className={`tag tag--${tone}`}>{t(`status.${status}`)}</span>;
}
