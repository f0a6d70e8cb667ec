import type { Cookie } from "lucia";
import { getDbHandle } from "~/db.server";
import { createLucia, type KadamLucia } from "./lucia.server";
import { getDummyHash, hashPassword, verifyPassword } from "./password.server";
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

export async function readSession(request: Request): Promise<{ user: CurrentUser | null; setCookie?: string }> {
  const lucia = getLucia(wantsSecureCookies(request));
  const sessionId = lucia.readSessionCookie(request.headers.get("cookie") ?? "");
  if (!sessionId) return { user: null };
  const { session } = await lucia.validateSession(sessionId);
  if (!session) return { user: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  const { db } = getDbHandle();
  const row = await db
    .selectFrom("user")
    .select(["id", "email", "display_name", "preferred_language", "active", "must_change_password"])
    .where("id", "=", session.userId)
    .executeTakeFirst();
  if (!row || !row.active) {
    await lucia.invalidateSession(session.id);
    return { user: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  const memberships = await db
    .selectFrom("membership")
    .select(["municipality_id as municipalityId", "role"])
    .where("user_id", "=", row.id)
    .execute();
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
    setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : undefined,
  };
}

const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const THROTTLE_MAX_FAILURES = 5;

export type LoginResult =
  | { ok: true; setCookie: string; language: Language; userId: string }
  | { ok: false; reason: "invalid" | "throttled" | "inactive" };

/**
 * Checks the password; failures are counted per email (whether or not the account exists,
 * so the throttle does not reveal which emails are registered).
 */
export async function login(request: Request, emailInput: string, password: string): Promise<LoginResult> {
  const { db } = getDbHandle();
  const email = emailInput.trim().toLowerCase();
  const now = Date.now();
  const failures = await db
    .selectFrom("login_attempt")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("email", "=", email)
    .where("attempted_at", ">", now - THROTTLE_WINDOW_MS)
    .executeTakeFirstOrThrow();
  if (Number(failures.n) >= THROTTLE_MAX_FAILURES) return { ok: false, reason: "throttled" };

  const user = await db
    .selectFrom("user")
    .leftJoin("password", "password.user_id", "user.id")
    .select(["user.id", "user.active", "user.preferred_language", "password.hash"])
    .where("user.email", "=", email)
    .executeTakeFirst();
  let valid = false;
  if (user?.hash) valid = await verifyPassword(user.hash, password);
  else await verifyPassword(await getDummyHash(), password); // same work as a real check
  if (!user || !valid) {
    await db.insertInto("login_attempt").values({ email, attempted_at: now }).execute();
    return { ok: false, reason: "invalid" };
  }
  if (!user.active) return { ok: false, reason: "inactive" };
  await db.deleteFrom("login_attempt").where("email", "=", email).execute();
  const lucia = getLucia(wantsSecureCookies(request));
  const session = await lucia.createSession(user.id, {});
  return { ok: true, setCookie: lucia.createSessionCookie(session.id).serialize(), language: user.preferred_language, userId: user.id };
}

export async function logout(request: Request, sessionId: string): Promise<string> {
  const lucia = getLucia(wantsSecureCookies(request));
  await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** Sets a new password and ends every other session of the user. */
export async function changePassword(request: Request, user: CurrentUser, current: string, next: string) {
  const { db } = getDbHandle();
  const row = await db.selectFrom("password").select("hash").where("user_id", "=", user.id).executeTakeFirst();
  if (!row || !(await verifyPassword(row.hash, current))) return { ok: false as const };
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("password").set({ hash, updated_at: new Date().toISOString() }).where("user_id", "=", user.id).execute();
    await trx.updateTable("user").set({ must_change_password: 0 }).where("id", "=", user.id).execute();
    await trx.deleteFrom("session").where("user_id", "=", user.id).where("id", "!=", user.sessionId).execute();
  });
  return { ok: true as const };
}

export async function endAllSessions(userId: string) {
  await getLucia(false).invalidateUserSessions(userId);
}
