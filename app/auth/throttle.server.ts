/**
 * Login throttle (issue #16, OWASP ASVS V2.2; policy in the README decision log).
 *
 * Every try is counted in buckets: the account (the typed email, whether or not it exists, so the
 * answer never reveals which emails are registered) and the client address, or, from a browser
 * that signed in to this account before (a "known device"), only that device. A bucket lets
 * FREE failures through, then each further try waits a delay that doubles from FIRST_DELAY up to
 * MAX_DELAY after the bucket's latest failure. Nothing is ever locked for good, and a stranger's
 * failures never hold the owner on a known device.
 *
 * Counting is atomic: one transaction counts the buckets and writes the try's rows BEFORE the
 * password is checked (a reserved slot), so N tries at once verify at most FREE passwords.
 * A try that succeeds removes its rows again; a failure's rows stay.
 */
import crypto from "node:crypto";
import net from "node:net";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { errorKey } from "~/domain/validation";
import {
  bucketCount,
  deleteAttempt,
  deleteBuckets,
  deviceUsedSince,
  forgetAttemptsUntil,
  forgetDevicesUntil,
  insertAttempt,
  touchDevice,
} from "~/models/login-throttle.server";

const MINUTE = 60_000;
export const THROTTLE = {
  /** Failures older than this are forgotten. Longer than MAX_DELAY, so the delay keeps growing. */
  windowMs: 24 * 60 * MINUTE,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * MINUTE,
  /** Failures let through per bucket before delays start. */
  free: {
    account: 5,
    device: 5,
    // One office behind one address (an aiyl okmotu's shared connection) signs in as many people.
    client: 30,
  },
  deviceLifetimeMs: 180 * 24 * 60 * MINUTE,
} as const;

export type BucketKind = keyof typeof THROTTLE.free;
export interface Bucket {
  kind: BucketKind;
  key: string;
}

/** When the next try is allowed in a bucket with `failures` counted, the latest at `last`. */
export function nextAllowedAt(failures: number, last: number | null, free: number): number {
  if (failures < free || last === null) return 0;
  const delay = Math.min(THROTTLE.firstDelayMs * 2 ** (failures - free), THROTTLE.maxDelayMs);
  return last + delay;
}

/** The form error for a held try: says when to try again (seconds under a minute, else minutes). */
export function retryMessage(seconds: number): string {
  return seconds < 60
    ? errorKey("login.throttledSeconds", { seconds })
    : errorKey("login.throttledMinutes", { minutes: Math.ceil(seconds / 60) });
}

export type Reservation = { ok: true; attempt: string } | { ok: false; retryAt: number };

/** Counts the buckets and, when every one allows a try now, reserves it (one transaction). */
export async function reserveAttempt(db: Kysely<DB>, buckets: readonly Bucket[], now: number): Promise<Reservation> {
  return db.transaction().execute(async (trx) => {
    await forgetAttemptsUntil(trx, now - THROTTLE.windowMs);
    let retryAt = 0;
    for (const bucket of buckets) {
      const row = await bucketCount(trx, bucket.key);
      retryAt = Math.max(retryAt, nextAllowedAt(Number(row.n), row.last === null ? null : Number(row.last), THROTTLE.free[bucket.kind]));
    }
    if (retryAt > now) return { ok: false as const, retryAt };
    const attempt = crypto.randomUUID();
    await insertAttempt(
      trx,
      attempt,
      buckets.map((b) => b.key),
      now,
    );
    return { ok: true as const, attempt };
  });
}

/** The try was no guess (right password): its rows go, and so do the failures of `reset` buckets. */
export async function releaseAttempt(db: Kysely<DB>, attempt: string, reset: readonly Bucket[] = []): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteAttempt(trx, attempt);
    // The client bucket is never reset: signing in to one's own account must not buy more guesses.
    const keys = reset.filter((b) => b.kind !== "client").map((b) => b.key);
    if (keys.length) await deleteBuckets(trx, keys);
  });
}

export const accountBucket = (email: string): Bucket => ({ kind: "account", key: `account:${email}` });
export const deviceBucket = (tokenHash: string): Bucket => ({ kind: "device", key: `device:${tokenHash}` });
export const clientBucket = (address: string | undefined): Bucket => ({ kind: "client", key: `client:${clientKey(address)}` });

/**
 * The address a client is counted under. IPv4 as is (also when written IPv4-mapped); IPv6 by its
 * /64 prefix, because one subscriber usually holds a whole /64 and could rotate through it.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (net.isIPv4(address)) return address;
  if (!net.isIPv6(address)) return "unknown";
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return (
    groups
      .slice(0, 4)
      .map((g) => g.replace(/^0+(?=.)/, ""))
      .join(":") + "::/64"
  );
}

/** The client address Express worked out (X-Forwarded-For only with KADAM_TRUST_PROXY=1). */
export function clientAddressFrom(context: unknown): string | undefined {
  const value = (context as { clientAddress?: unknown } | null)?.clientAddress;
  return typeof value === "string" ? value : undefined;
}

// Known devices -------------------------------------------------------------------------------

export const DEVICE_COOKIE = "kadam_device";
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function readDeviceToken(request: Request): string | null {
  const cookie = request.headers.get("cookie") ?? "";
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${DEVICE_COOKIE}=([^;]*)`));
  const value = match?.[1];
  return value && TOKEN_PATTERN.test(value) ? value : null;
}

export const hashDeviceToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export async function isKnownDevice(db: Kysely<DB>, tokenHash: string, userId: string, now: number): Promise<boolean> {
  return deviceUsedSince(db, tokenHash, userId, now - THROTTLE.deviceLifetimeMs);
}

/** Remembers this browser for the account; returns its cookie (a new token when it had none). */
export async function rememberDevice(db: Kysely<DB>, token: string | null, userId: string, now: number, secure: boolean): Promise<string> {
  const value = token ?? crypto.randomBytes(32).toString("base64url");
  await db.transaction().execute(async (trx) => {
    await forgetDevicesUntil(trx, userId, now - THROTTLE.deviceLifetimeMs);
    await touchDevice(trx, hashDeviceToken(value), userId, now);
  });
  // Sent only to the login page: it marks the browser, it grants nothing by itself.
  const maxAge = Math.floor(THROTTLE.deviceLifetimeMs / 1000);
  return `${DEVICE_COOKIE}=${value}; Path=/login; Max-Age=${maxAge}; SameSite=Lax; HttpOnly${secure ? "; Secure" : ""}`;
}
