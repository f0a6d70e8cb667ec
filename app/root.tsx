import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { readSession } from "./auth/session.server";
import { rolesOf } from "./auth/user-summary";
import { useNonce } from "./components/nonce";
import { ErrorMessage } from "./components/error-message";
import { SiteHeader } from "./components/site-header";
import { resourcesVersion } from "./i18n/i18n.server";
import { countWaiting } from "./services/inbox.server";
import { getLanguage } from "./i18n/language.server";
import stylesHref from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "data:," },
];

// An error page is rendered by the boundary below, whose route (root) would otherwise give it no
// <title> at all (axe "document-title", serious); its heading names the error.
export const meta: MetaFunction = ({ error }) => (error ? [{ title: "Kadam" }] : []);

export async function loader({ request }: LoaderFunctionArgs) {
  // setCookie renews the session cookie so it expires with the (extended) server session. Only
  // for a live session: after a password change without JavaScript this loader runs after the
  // action, and must not answer the action's new cookie with a blank one for the old session.
  const { user, setCookie } = await readSession(request);
  return json(
    {
      lang: getLanguage(request),
      i18nVersion: resourcesVersion,
      // The header's "waiting for me" badge: one count query (services/inbox.server.ts).
      user: user
        ? { displayName: user.displayName, email: user.email, roles: rolesOf(user), waiting: await countWaiting(user.memberships) }
        : null,
    },
    user && setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export type RootLoader = typeof loader;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang = data?.lang ?? "ru";
  const nonce = useNonce();
  return (
    <html lang={lang} data-i18n-version={data?.i18nVersion ?? ""}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user } = useLoaderData<typeof loader>();
  // Marks the page as interactive (browser tests wait for it; CSS could use it too).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "1";
  }, []);
  return (
    <>
      <SiteHeader user={user} />
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  // The root loader may have answered even though a page failed: then the header stays.
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <>
      {data ? <SiteHeader user={data.user} /> : null}
      <main id="main" className="page">
        <ErrorMessage error={error}>
          <p>
            <a href="/">{t("nav.home")}</a>
          </p>
        </ErrorMessage>
      </main>
    </>
  );
}
