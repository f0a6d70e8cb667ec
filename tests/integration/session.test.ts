import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changePassword, getLucia, login, logout, readSession } from "~/auth/session.server";
import { DEMO_PASSWORD } from "../../db/seed";
import { useTestDatabase } from "../support/test-db";

const EMAIL = "planner@kok-jaiyk.demo";

function requestWith(cookie?: string) {
  return new Request("http://localhost/programs", { headers: cookie ? { cookie } : {} });
}
const cookiePair = (setCookie: string) => setCookie.split(";")[0];

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
    await t.db.updateTable("session").set({ expires_at: Math.floor(Date.now() / 1000) - 10 }).execute();
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

  it("ends every other session when the password changes", async () => {
    const a = await login(requestWith(), EMAIL, DEMO_PASSWORD);
    const b = await login(requestWith(), EMAIL, DEMO_PASSWORD);
    if (!a.ok || !b.ok) throw new Error("login failed");
    const userA = (await readSession(requestWith(cookiePair(a.setCookie)))).user!;
    const changed = await changePassword(requestWith(), userA, DEMO_PASSWORD, "a-new-password-2026");
    expect(changed.ok).toBe(true);
    expect((await readSession(requestWith(cookiePair(a.setCookie)))).user?.email).toBe(EMAIL);
    expect((await readSession(requestWith(cookiePair(b.setCookie)))).user).toBeNull();
    expect((await login(requestWith(), EMAIL, "a-new-password-2026")).ok).toBe(true);
  });

  it("throttles after five failures, for unknown accounts too", async () => {
    for (const email of [EMAIL, "nobody@nowhere.demo"]) {
      for (let i = 0; i < 5; i++) expect(await login(requestWith(), email, "wrong")).toEqual({ ok: false, reason: "invalid" });
      expect(await login(requestWith(), email, DEMO_PASSWORD)).toEqual({ ok: false, reason: "throttled" });
    }
  });

  it("marks cookies Secure only when asked or over https", () => {
    const insecure = getLucia(false).createBlankSessionCookie().serialize();
    const secure = getLucia(true).createBlankSessionCookie().serialize();
    expect(insecure).not.toMatch(/Secure/);
    expect(secure).toMatch(/Secure/);
  });
});
