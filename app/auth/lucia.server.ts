/**
 * The only file that knows about lucia (its upstream is frozen): swapping it for an own
 * session module touches nothing else.
 */
import { BetterSqlite3Adapter } from "@lucia-auth/adapter-sqlite";
import { Cookie, Lucia, TimeSpan } from "lucia";
import type Database from "better-sqlite3";

/** How long a session lives without use; each use in its second half extends it by as much. */
export const SESSION_LIFETIME_SECONDS = 30 * 24 * 60 * 60;

export function createLucia(sqlite: Database.Database, secureCookies: boolean) {
  const adapter = new BetterSqlite3Adapter(sqlite, { user: "user", session: "session" });
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(SESSION_LIFETIME_SECONDS, "s"),
    // The cookie lives exactly as long as the server session (lucia's `expires: false` gave it
    // 400 days); sessionCookieUntil re-sends it when the session is extended.
    sessionCookie: {
      name: "kadam_session",
      attributes: { secure: secureCookies, sameSite: "lax" },
    },
  });
}

export type KadamLucia = ReturnType<typeof createLucia>;

/** The session cookie, expiring when the server session does. */
export function sessionCookieUntil(lucia: KadamLucia, sessionId: string, expiresAt: Date, now = Date.now()): Cookie {
  const cookie = lucia.createSessionCookie(sessionId);
  // Rounded: a session created a millisecond ago still gets the whole lifetime, not one second less.
  const maxAge = Math.max(0, Math.round((expiresAt.getTime() - now) / 1000));
  return new Cookie(cookie.name, cookie.value, { ...cookie.attributes, maxAge });
}
