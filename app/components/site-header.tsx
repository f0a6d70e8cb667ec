import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languageNames, supportedLanguages } from "~/i18n/config";
import type { Role } from "../../db/schema";

interface HeaderUser {
  displayName: string;
  email: string;
  roles: Role[];
  /** Programs waiting for this user's action (the inbox's lists). */
  waiting: number;
}

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const returnTo = location.pathname + location.search;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="site-header__inner">
        <Link to="/" className="site-header__brand">
          {t("app.name")}
          <span className="site-header__tagline">{t("app.tagline")}</span>
        </Link>
        <nav aria-label={t("nav.main")} className="site-header__nav">
          {user ? (
            <>
              <span className="site-header__user">
                {user.displayName} · {user.roles.map((r) => t(`roles.${r}`)).join(", ")}
              </span>
              <Link to="/inbox" aria-label={user.waiting > 0 ? t("nav.inboxWaiting", { count: user.waiting }) : undefined}>
                {t("nav.inbox")}
                {user.waiting > 0 ? (
                  <span className="badge" aria-hidden="true">
                    {user.waiting}
                  </span>
                ) : null}
              </Link>
              <Link to="/account/password">{t("nav.password")}</Link>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="link-button">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : null}
        </nav>
        <Form method="post" action="/language" className="language-switcher" reloadDocument>
          <input type="hidden" name="returnTo" value={returnTo} />
          <span className="visually-hidden">{t("nav.language")}</span>
          {supportedLanguages.map((lng) => (
            <button
              key={lng}
              type="submit"
              name="lang"
              value={lng}
              lang={lng}
              aria-current={i18n.language === lng ? "true" : undefined}
              className="language-switcher__option"
            >
              {languageNames[lng]}
            </button>
          ))}
        </Form>
      </div>
    </header>
  );
}
