/**
 * Queries behind sign-in and sessions (app/auth/session.server.ts): the user a session belongs
 * to, their memberships, their password. Every function takes `db | trx` first.
 */
import type { Executor } from "./program-element.server";

export function findSessionUser(db: Executor, userId: string) {
  return db
    .selectFrom("user")
    .select(["id", "email", "display_name", "preferred_language", "active", "must_change_password"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

export function membershipsOfUser(db: Executor, userId: string) {
  return db.selectFrom("membership").select(["municipality_id as municipalityId", "role"]).where("user_id", "=", userId).execute();
}

/** The account signing in by email, with its password hash (none when it has no password). */
export function findLoginUser(db: Executor, email: string) {
  return db
    .selectFrom("user")
    .leftJoin("password", "password.user_id", "user.id")
    .select(["user.id", "user.active", "user.preferred_language", "password.hash"])
    .where("user.email", "=", email)
    .executeTakeFirst();
}

export function findPasswordHash(db: Executor, userId: string) {
  return db.selectFrom("password").select("hash").where("user_id", "=", userId).executeTakeFirst();
}

/** The user's own new password: no longer a temporary one. */
export async function setOwnPassword(db: Executor, userId: string, hash: string, now: string): Promise<void> {
  await db.updateTable("password").set({ hash, updated_at: now }).where("user_id", "=", userId).execute();
  await db.updateTable("user").set({ must_change_password: 0 }).where("id", "=", userId).execute();
}
