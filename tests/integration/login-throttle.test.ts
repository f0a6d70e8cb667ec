import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { login } from "~/auth/session.server";
import { accountBucket, clientBucket, THROTTLE } from "~/auth/throttle.server";
import { action } from "~/routes/login";
import { DEMO_PASSWORD } from "../../db/seed";
import { useTestDatabase } from "../support/test-db";

// Every password check is counted, so the tests can tell how many guesses the throttle let through.
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock("~/auth/password.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/auth/password.server")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      verifications.count++;
      return real.verifyPassword(hash, password);
    },
  };
});

const OWNER = "deputy@kok-jaiyk.demo";
const ATTACKER_IP = "203.0.113.9";
const OWNER_IP = "198.51.100.7";
const FREE = THROTTLE.free.account;

const browser = (deviceCookie?: string) =>
  new Request("http://localhost/login", { headers: deviceCookie ? { cookie: deviceCookie.split(";")[0]! } : {} });

describe("login throttle (issue #16, defect 6)", () => {
  let t: ReturnType<typeof useTestDatabase>;
  beforeEach(() => {
    t = useTestDatabase();
    verifications.count = 0;
  });
  afterEach(async () => {
    await t.close();
  });

  /** Moves every counted failure `ms` into the past: the state a wait would leave, without waiting. */
  const age = (ms: number) => t.sqlite.prepare("update login_attempt set attempted_at = attempted_at - ?").run(ms);
  /** Failures counted earlier, written as the throttle writes them. */
  const failed = (bucket: string, times: number, at: number) => {
    const insert = t.sqlite.prepare("insert into login_attempt (attempt, bucket, attempted_at) values (?, ?, ?)");
    for (let i = 0; i < times; i++) insert.run(`earlier-${i}`, bucket, at);
  };

  it("lets 30 wrong passwords sent at once verify at most the limit, for real and unknown accounts", async () => {
    for (const email of [OWNER, "nobody@nowhere.demo"]) {
      verifications.count = 0;
      const results = await Promise.all(Array.from({ length: 30 }, () => login(browser(), email, "wrong-password", ATTACKER_IP)));
      expect(verifications.count).toBe(FREE);
      expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(FREE);
      expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(30 - FREE);
    }
  });

  it("delays the next try instead of locking the account, the delay growing with each failure", async () => {
    for (let i = 0; i < FREE; i++) expect(await login(browser(), OWNER, "wrong", ATTACKER_IP)).toEqual({ ok: false, reason: "invalid" });
    const first = await login(browser(), OWNER, DEMO_PASSWORD, OWNER_IP);
    expect(first).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: THROTTLE.firstDelayMs / 1000 });
    age(THROTTLE.firstDelayMs);
    expect(await login(browser(), OWNER, "wrong", ATTACKER_IP)).toEqual({ ok: false, reason: "invalid" });
    expect(await login(browser(), OWNER, DEMO_PASSWORD, OWNER_IP)).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: (2 * THROTTLE.firstDelayMs) / 1000,
    });
    age(2 * THROTTLE.firstDelayMs);
    // The owner gets in after the delay, and their success clears the account's count.
    expect((await login(browser(), OWNER, DEMO_PASSWORD, OWNER_IP)).ok).toBe(true);
    expect(await login(browser(), OWNER, "wrong", ATTACKER_IP)).toEqual({ ok: false, reason: "invalid" });
  });

  it("caps the delay", async () => {
    failed(accountBucket(OWNER).key, 20, Date.now() - THROTTLE.maxDelayMs);
    // 20 failures would mean a delay of hours; waiting the cap is always enough.
    expect(await login(browser(), OWNER, "wrong", ATTACKER_IP)).toEqual({ ok: false, reason: "invalid" });
    expect(await login(browser(), OWNER, "wrong", ATTACKER_IP)).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: THROTTLE.maxDelayMs / 1000,
    });
  });

  it("does not hold the owner on a browser that signed in before, whatever a stranger tries", async () => {
    const before = await login(browser(), OWNER, DEMO_PASSWORD, OWNER_IP);
    if (!before.ok) throw new Error("login failed");
    expect(before.deviceCookie).toMatch(/^kadam_device=[A-Za-z0-9_-]{43}; Path=\/login; Max-Age=\d+; SameSite=Lax; HttpOnly/);
    await Promise.all(Array.from({ length: 20 }, () => login(browser(), OWNER, "wrong", ATTACKER_IP)));
    // A new browser is held (from any address) …
    expect(await login(browser(), OWNER, DEMO_PASSWORD, OWNER_IP)).toMatchObject({ ok: false, reason: "throttled" });
    // … the known one is not, and its success does not hand the stranger fresh tries.
    expect((await login(browser(before.deviceCookie), OWNER, DEMO_PASSWORD, OWNER_IP)).ok).toBe(true);
    // A device cookie known for another account is no key to this one.
    const other = "planner@kok-jaiyk.demo";
    for (let i = 0; i < FREE; i++) await login(browser(), other, "wrong", ATTACKER_IP);
    expect(await login(browser(before.deviceCookie), other, DEMO_PASSWORD, OWNER_IP)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("holds a known browser by its own count", async () => {
    const before = await login(browser(), OWNER, DEMO_PASSWORD, OWNER_IP);
    if (!before.ok) throw new Error("login failed");
    const tries = await Promise.all(Array.from({ length: 10 }, () => login(browser(before.deviceCookie), OWNER, "wrong", OWNER_IP)));
    expect(tries.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(THROTTLE.free.device);
    expect(await login(browser(before.deviceCookie), OWNER, DEMO_PASSWORD, OWNER_IP)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("limits one client address across accounts, and only that address", async () => {
    const limit = THROTTLE.free.client;
    const tries = await Promise.all(
      Array.from({ length: limit + 5 }, (_, i) => login(browser(), `guess${i}@nowhere.demo`, "wrong", ATTACKER_IP)),
    );
    expect(tries.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(limit);
    expect(verifications.count).toBe(limit);
    // Anyone new at that address is held (a known browser is not, see above); other addresses are not.
    expect(await login(browser(), OWNER, DEMO_PASSWORD, ATTACKER_IP)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await login(browser(), OWNER, DEMO_PASSWORD, OWNER_IP)).ok).toBe(true);
    // An IPv6 client is counted by its /64: a new address in the same block does not help.
    const block = clientBucket("2001:db8:1:2::1").key;
    failed(block, limit, Date.now());
    expect(await login(browser(), OWNER, DEMO_PASSWORD, "2001:db8:1:2:ffff::7")).toMatchObject({ ok: false, reason: "throttled" });
    expect((await login(browser(), OWNER, DEMO_PASSWORD, "2001:db8:1:3::1")).ok).toBe(true);
  });

  it("answers a held try with 429, Retry-After and a message saying when to try again", async () => {
    const post = () =>
      action({
        request: new Request("http://localhost/login", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: OWNER, password: "wrong" }).toString(),
        }),
        params: {},
        context: { clientAddress: ATTACKER_IP },
      });
    for (let i = 0; i < FREE; i++) expect((await post()).status).toBe(401);
    const held = await post();
    expect(held.status).toBe(429);
    expect(held.headers.get("Retry-After")).toBe(String(THROTTLE.firstDelayMs / 1000));
    expect(JSON.stringify(await held.json())).toContain(`login.throttledSeconds|{\\"seconds\\":${THROTTLE.firstDelayMs / 1000}}`);
  });
});
