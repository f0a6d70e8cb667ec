import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nConfig } from "./i18n/config";

/**
 * Translations are fetched from /locales/<lng>?v=<hash> (cached forever by the browser), so
 * they are not part of the JavaScript bundle and not repeated in every page's HTML.
 */
async function hydrate() {
  const lng = document.documentElement.lang || i18nConfig.fallbackLng;
  const version = document.documentElement.dataset.i18nVersion ?? "";
  const response = await fetch(`/locales/${lng}?v=${version}`);
  const resources = { [lng]: await response.json() };
  await i18next.use(initReactI18next).init({ ...i18nConfig, lng, resources, ns: Object.keys(resources[lng]) });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate().catch((error) => console.error(error));
