/**
 * Shown on every program page while a frozen version is open: which version, that it cannot be
 * changed, and the ways out (the same page of the current program, the versions list, the DOCX).
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusTag, useDateFormat } from "./status-tag";

export function VersionBanner({
  version,
  programId,
  pathname,
  docxHref,
}: {
  version: { id: number; number: number; status: string; createdAt: string };
  programId: number;
  pathname: string;
  docxHref: string;
}) {
  const { t } = useTranslation("review");
  const date = useDateFormat();
  return (
    <div className="notice notice--warning version-banner" role="note">
      <p>
        <strong>{t("versions.viewing", { n: version.number, date: date(version.createdAt) })}</strong> <StatusTag status={version.status} />
      </p>
      <p>{t("versions.viewingHint")}</p>
      <ul className="inline-list">
        <li>
          <Link to={pathname}>{t("versions.openCurrent")}</Link>
        </li>
        <li>
          <Link to={`/programs/${programId}/versions`}>{t("versions.back")}</Link>
        </li>
        <li>
          {/* A plain link, its address from the version reader (~/domain/export-urls), so that module stays out of every page's JavaScript: this banner is on every page. */}
          <a href={docxHref} download>
            {t("versions.downloadDocx")}
          </a>
        </li>
      </ul>
    </div>
  );
}
