import type { Cookie } from "lucia";
import { getDbHandle } from "~/db.server";
import { findLoginUser, findPasswordHash, findSessionUser, membershipsOfUser, setOwnPassword } from "~/models/session.server";
import { createLucia, sessionCookieUntil, type KadamLucia } from "./lucia.server";
import { getDummyHash, hashPassword, verifyPassword } from "./password.server";
import {
  accountBucket,
  clientBucket,
  deviceBucket,
  hashDeviceToken,
  isKnownDevice,
  readDeviceToken,
  releaseAttempt,
  rememberDevice,
  reserveAttempt,
} from "./throttle.server";
import type { Language, Role } from "../../db/schema";

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  mustChangePassword: boolean;
  memberships: { municipalityId: number | null; role: Role }[];
  sessionId: string;
}

// One lucia per database handle (tests swap handles) and cookie mode.
const lucias = new WeakMap<object, Map<boolean, KadamLucia>>();
export function getLucia(secure: boolean): KadamLucia {
  const { sqlite } = getDbHandle();
  let bySecure = lucias.get(sqlite);
  if (!bySecure) lucias.set(sqlite, (bySecure = new Map()));
  let lucia = bySecure.get(secure);
  if (!lucia) bySecure.set(secure, (lucia = createLucia(sqlite, secure)));
  return lucia;
}

/** Secure cookies when the request came over https, or when KADAM_SECURE_COOKIES=1 says so. */
export function wantsSecureCookies(request: Request): boolean {
  if (process.env.KADAM_SECURE_COOKIES === "1") return true;
  if (process.env.KADAM_SECURE_COOKIES === "0") return false;
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return proto === "https";
}

export function serializeCookie(cookie: Cookie): string {
  return cookie.serialize();
}

/**
 * The signed-in user, if any. `setCookie` renews the session cookie so that it expires with the
 * server session (which lucia extends on use): the root loader sends it with every page.
 */
export async function readSession(request: Request): Promise<{ user: CurrentUser | null; setCookie?: string }> {
  const lucia = getLucia(wantsSecureCookies(request));
  const sessionId = lucia.readSessionCookie(request.headers.get("cookie") ?? "");
  if (!sessionId) return { user: null };
  const { session } = await lucia.validateSession(sessionId);
  if (!session) return { user: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  const { db } = getDbHandle();
  const row = await findSessionUser(db, session.userId);
  if (!row || !row.active) {
    await lucia.invalidateSession(session.id);
    return { user: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  const memberships = await membershipsOfUser(db, row.id);
  return {
    user: {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      language: row.preferred_language,
      mustChangePassword: row.must_change_password === 1,
      memberships,
      sessionId: session.id,
    },
    setCookie: sessionCookieUntil(lucia, session.id, session.expiresAt).serialize(),
  };
}

export type LoginResult =
  | { ok: true; setCookie: string; deviceCookie: string; language: Language; userId: string }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks the password under the login throttle (app/auth/throttle.server.ts): the try is counted
 * and reserved before the password is verified. From a browser that signed in to this account
 * before, only that browser's own failures count; otherwise the email's (whether or not the
 * account exists, so the answer reveals nothing) and the client address's.
 */
export async function login(request: Request, emailInput: string, password: string, clientAddress?: string): Promise<LoginResult> {
  const { db } = getDbHandle();
  const email = emailInput.trim().toLowerCase();
  const now = Date.now();
  const user = await findLoginUser(db, email);
  const token = readDeviceToken(request);
  const tokenHash = token ? hashDeviceToken(token) : null;
  const device = tokenHash ? deviceBucket(tokenHash) : null;
  const known = user && tokenHash ? await isKnownDevice(db, tokenHash, user.id, now) : false;
  const buckets = known && device ? [device] : [accountBucket(email), clientBucket(clientAddress)];
  const reservation = await reserveAttempt(db, buckets, now);
  if (!reservation.ok) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil((reservation.retryAt - now) / 1000) };

  let valid = false;
  if (user?.hash) valid = await verifyPassword(user.hash, password);
  else await verifyPassword(await getDummyHash(), password); // same work as a real check
  if (!user || !valid) return { ok: false, reason: "invalid" }; // the reserved rows stay: a failure
  if (!user.active) {
    await releaseAttempt(db, reservation.attempt);
    return { ok: false, reason: "inactive" };
  }
  await releaseAttempt(db, reservation.attempt, device ? [accountBucket(email), device] : [accountBucket(email)]);
  const secure = wantsSecureCookies(request);
  const deviceCookie = await rememberDevice(db, token, user.id, now, secure);
  const lucia = getLucia(secure);
  const session = await lucia.createSession(user.id, {});
  return {
    ok: true,
    setCookie: sessionCookieUntil(lucia, session.id, session.expiresAt).serialize(),
    deviceCookie,
    language: user.preferred_language,
    userId: user.id,
  };
}

export async function logout(request: Request, sessionId: string): Promise<string> {
  const lucia = getLucia(wantsSecureCookies(request));
  await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/**
 * Sets a new password. Every session of the user ends (the trigger of migration 0005, which also
 * forgets their known devices) and this browser gets a new session id, so a session id seen
 * before the change is worth nothing after it.
 */
export async function changePassword(
  request: Request,
  user: CurrentUser,
  current: string,
  next: string,
): Promise<{ ok: true; setCookie: string } | { ok: false; retryAfterSeconds?: number }> {
  const { db } = getDbHandle();
  // The current password is guessed like a login: a borrowed session must not try it freely.
  const now = Date.now();
  const reservation = await reserveAttempt(db, [accountBucket(user.email)], now);
  if (!reservation.ok) return { ok: false, retryAfterSeconds: Math.ceil((reservation.retryAt - now) / 1000) };
  const row = await findPasswordHash(db, user.id);
  if (!row || !(await verifyPassword(row.hash, current))) return { ok: false };
  await releaseAttempt(db, reservation.attempt, [accountBucket(user.email)]);
  const hash = await hashPassword(next);
  await db.transaction().execute((trx) => setOwnPassword(trx, user.id, hash, new Date().toISOString()));
  const lucia = getLucia(wantsSecureCookies(request));
  const session = await lucia.createSession(user.id, {});
  return { ok: true, setCookie: sessionCookieUntil(lucia, session.id, session.expiresAt).serialize() };
}

export async function endAllSessions(userId: string) {
  await getLucia(false).invalidateUserSessions(userId);
}
