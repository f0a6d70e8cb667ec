/**
 * Queries behind the login throttle (app/auth/throttle.server.ts): tries counted per bucket, and
 * the browsers known to an account. Every function takes `db | trx` first.
 */
import type { Executor } from "./program-element.server";

export async function forgetAttemptsUntil(db: Executor, until: number): Promise<void> {
  await db.deleteFrom("login_attempt").where("attempted_at", "<=", until).execute();
}

/** How many tries a bucket holds, and when the latest was. */
export function bucketCount(db: Executor, bucket: string) {
  return db
    .selectFrom("login_attempt")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("attempted_at").as("last")])
    .where("bucket", "=", bucket)
    .executeTakeFirstOrThrow();
}

/** One try, counted in every bucket it falls in. */
export async function insertAttempt(db: Executor, attempt: string, buckets: string[], now: number): Promise<void> {
  await db
    .insertInto("login_attempt")
    .values(buckets.map((bucket) => ({ attempt, bucket, attempted_at: now })))
    .execute();
}

export async function deleteAttempt(db: Executor, attempt: string): Promise<void> {
  await db.deleteFrom("login_attempt").where("attempt", "=", attempt).execute();
}

export async function deleteBuckets(db: Executor, buckets: string[]): Promise<void> {
  await db.deleteFrom("login_attempt").where("bucket", "in", buckets).execute();
}

/** Has this browser signed in to the account since `since`? */
export async function deviceUsedSince(db: Executor, tokenHash: string, userId: string, since: number): Promise<boolean> {
  const row = await db
    .selectFrom("login_device")
    .select("user_id")
    .where("token_hash", "=", tokenHash)
    .where("user_id", "=", userId)
    .where("last_used_at", ">", since)
    .executeTakeFirst();
  return row !== undefined;
}

export async function forgetDevicesUntil(db: Executor, userId: string, until: number): Promise<void> {
  await db.deleteFrom("login_device").where("user_id", "=", userId).where("last_used_at", "<=", until).execute();
}

export async function touchDevice(db: Executor, tokenHash: string, userId: string, now: number): Promise<void> {
  await db
    .insertInto("login_device")
    .values({ token_hash: tokenHash, user_id: userId, last_used_at: now })
    .onConflict((oc) => oc.columns(["token_hash", "user_id"]).doUpdateSet({ last_used_at: now }))
    .execute();
}
