import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SESSION_LIFETIME_SECONDS } from "~/auth/lucia.server";
import { changePassword, getLucia, login, logout, readSession } from "~/auth/session.server";
import { THROTTLE } from "~/auth/throttle.server";
import { DEMO_PASSWORD } from "../../db/seed";
import { useTestDatabase } from "../support/test-db";

const EMAIL = "planner@kok-jaiyk.demo";

function requestWith(cookie?: string) {
  return new Request("http://localhost/programs", { headers: cookie ? { cookie } : {} });
}
const cookiePair = (setCookie: string) => setCookie.split(";")[0];
const maxAgeOf = (setCookie: string) => Number(/Max-Age=(\d+)/i.exec(setCookie)?.[1]);

describe("sessions", () => {
  let t: ReturnType<typeof useTestDatabase>;
  beforeEach(() => {
    t = useTestDatabase();
  });
  afterEach(async () => {
    await t.close();
  });

  it("creates a session on login and validates it on the next request", async () => {
    const result = await login(requestWith(), EMAIL, DEMO_PASSWORD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.setCookie).toMatch(/HttpOnly/i);
    expect(result.setCookie).toMatch(/SameSite=Lax/i);
    const { user } = await readSession(requestWith(cookiePair(result.setCookie)));
    expect(user?.email).toBe(EMAIL);
    expect(user?.memberships.map((m) => m.role)).toEqual(["planner"]);
  });

  it("refuses an expired session", async () => {
    const result = await login(requestWith(), EMAIL, DEMO_PASSWORD);
    if (!result.ok) throw new Error("login failed");
    await t.db
      .updateTable("session")
      .set({ expires_at: Math.floor(Date.now() / 1000) - 10 })
      .execute();
    const { user } = await readSession(requestWith(cookiePair(result.setCookie)));
    expect(user).toBeNull();
  });

  it("revokes the session on logout", async () => {
    const result = await login(requestWith(), EMAIL, DEMO_PASSWORD);
    if (!result.ok) throw new Error("login failed");
    const cookie = cookiePair(result.setCookie);
    const { user } = await readSession(requestWith(cookie));
    await logout(requestWith(cookie), user!.sessionId);
    expect((await readSession(requestWith(cookie))).user).toBeNull();
  });

  it("gives the session cookie the lifetime of the server session, and renews both together", async () => {
    const result = await login(requestWith(), EMAIL, DEMO_PASSWORD);
    if (!result.ok) throw new Error("login failed");
    expect(maxAgeOf(result.setCookie)).toBe(SESSION_LIFETIME_SECONDS);
    expect(result.setCookie).not.toMatch(/Expires=/i);
    const cookie = cookiePair(result.setCookie);
    const expiresAt = () =>
      t.db
        .selectFrom("session")
        .select("expires_at")
        .executeTakeFirstOrThrow()
        .then((r) => r.expires_at);
    expect(Math.abs((await expiresAt()) - Date.now() / 1000 - SESSION_LIFETIME_SECONDS)).toBeLessThan(5);
    // Ten days left: the session is used, the server extends it, the cookie follows.
    await t.db
      .updateTable("session")
      .set({ expires_at: Math.floor(Date.now() / 1000) + 10 * 86400 })
      .execute();
    const renewed = await readSession(requestWith(cookie));
    expect(renewed.user?.email).toBe(EMAIL);
    const left = (await expiresAt()) - Date.now() / 1000;
    expect(Math.abs(maxAgeOf(renewed.setCookie!) - left)).toBeLessThan(5);
    expect(left).toBeGreaterThan(SESSION_LIFETIME_SECONDS - 5);
  });

  it("rotates the session id when the password changes: the old cookie is dead, this browser stays signed in", async () => {
    const a = await login(requestWith(), EMAIL, DEMO_PASSWORD);
    const b = await login(requestWith(), EMAIL, DEMO_PASSWORD);
    if (!a.ok || !b.ok) throw new Error("login failed");
    const userA = (await readSession(requestWith(cookiePair(a.setCookie)))).user!;
    const changed = await changePassword(requestWith(), userA, DEMO_PASSWORD, "a-new-password-2026");
    if (!changed.ok) throw new Error("change failed");
    expect((await readSession(requestWith(cookiePair(a.setCookie)))).user).toBeNull();
    expect((await readSession(requestWith(cookiePair(b.setCookie)))).user).toBeNull();
    expect(cookiePair(changed.setCookie)).not.toBe(cookiePair(a.setCookie));
    expect(maxAgeOf(changed.setCookie)).toBe(SESSION_LIFETIME_SECONDS);
    expect((await readSession(requestWith(cookiePair(changed.setCookie)))).user?.email).toBe(EMAIL);
    expect((await login(requestWith(), EMAIL, "a-new-password-2026")).ok).toBe(true);
  });

  it("counts wrong current passwords on the password page like wrong logins", async () => {
    const result = await login(requestWith(), EMAIL, DEMO_PASSWORD);
    if (!result.ok) throw new Error("login failed");
    const user = (await readSession(requestWith(cookiePair(result.setCookie)))).user!;
    for (let i = 0; i < 5; i++) expect(await changePassword(requestWith(), user, "a-guess", "a-new-password-2026")).toEqual({ ok: false });
    expect(await changePassword(requestWith(), user, DEMO_PASSWORD, "a-new-password-2026")).toEqual({
      ok: false,
      retryAfterSeconds: THROTTLE.firstDelayMs / 1000,
    });
  });

  it("ends the sessions of a user whose roles change, whatever makes the change", async () => {
    const result = await login(requestWith(), EMAIL, DEMO_PASSWORD);
    const other = await login(requestWith(), "deputy@kok-jaiyk.demo", DEMO_PASSWORD);
    if (!result.ok || !other.ok) throw new Error("login failed");
    const user = (await readSession(requestWith(cookiePair(result.setCookie)))).user!;
    await t.db.updateTable("membership").set({ role: "coordinator" }).where("user_id", "=", user.id).execute();
    expect((await readSession(requestWith(cookiePair(result.setCookie)))).user).toBeNull();
    expect((await readSession(requestWith(cookiePair(other.setCookie)))).user?.email).toBe("deputy@kok-jaiyk.demo");

    const again = await login(requestWith(), EMAIL, DEMO_PASSWORD);
    if (!again.ok) throw new Error("login failed");
    const municipality = await t.db.selectFrom("municipality").select("id").executeTakeFirstOrThrow();
    await t.db.insertInto("membership").values({ user_id: user.id, municipality_id: municipality.id, role: "deputy" }).execute();
    expect((await readSession(requestWith(cookiePair(again.setCookie)))).user).toBeNull();
  });

  it("throttles after five failures, for unknown accounts too", async () => {
    for (const email of [EMAIL, "nobody@nowhere.demo"]) {
      for (let i = 0; i < 5; i++) expect(await login(requestWith(), email, "wrong")).toEqual({ ok: false, reason: "invalid" });
      expect(await login(requestWith(), email, DEMO_PASSWORD)).toMatchObject({ ok: false, reason: "throttled" });
    }
  });

  it("marks cookies Secure only when asked or over https", () => {
    const insecure = getLucia(false).createBlankSessionCookie().serialize();
    const secure = getLucia(true).createBlankSessionCookie().serialize();
    expect(insecure).not.toMatch(/Secure/);
    expect(secure).toMatch(/Secure/);
  });
});
