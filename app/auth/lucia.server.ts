/**
 * The only file that knows about lucia (its upstream is frozen): swapping it for an own
 * session module touches nothing else.
 */
import { BetterSqlite3Adapter } from "@lucia-auth/adapter-sqlite";
import { Lucia, TimeSpan } from "lucia";
import type Database from "better-sqlite3";

export function createLucia(sqlite: Database.Database, secureCookies: boolean) {
  const adapter = new BetterSqlite3Adapter(sqlite, { user: "user", session: "session" });
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: "kadam_session",
      expires: false,
      attributes: { secure: secureCookies, sameSite: "lax" },
    },
  });
}

export type KadamLucia = ReturnType<typeof createLucia>;
