/**
 * Login throttle by account, by client address and by known device (issue #16, ASVS V2.2), and
 * sessions that end when what they were granted on changes (ASVS V3.3).
 *
 * - `login_attempt`: one row per login try and per bucket it is counted in ("account:<email>",
 *   "client:<address>", "device:<hash>"). A row is written BEFORE the password is checked (a
 *   reserved slot, see app/auth/throttle.server.ts) and removed again only when the try succeeds,
 *   so a row is a failure or a check still running. Replaces the per-email table of 0001.
 * - `login_device`: browsers that signed in to an account before (a random token in a cookie,
 *   stored hashed). They are not held by the account's throttle, only by their own.
 * - Triggers end every session of a user whose memberships or password change, whichever code
 *   path (admin page, CLI, a future team page) makes the change; a password change also forgets
 *   the user's known devices (someone who knew the old password keeps no privilege).
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("login_attempt").execute();
  await db.schema
    .createTable("login_attempt")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("attempt", "text", (c) => c.notNull())
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("attempted_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_attempt_bucket_idx").on("login_attempt").columns(["bucket", "attempted_at"]).execute();
  await db.schema.createIndex("login_attempt_at_idx").on("login_attempt").column("attempted_at").execute();
  await db.schema.createIndex("login_attempt_attempt_idx").on("login_attempt").column("attempt").execute();

  await db.schema
    .createTable("login_device")
    .addColumn("token_hash", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("last_used_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("login_device_pk", ["token_hash", "user_id"])
    .execute();
  await db.schema.createIndex("login_device_user_idx").on("login_device").column("user_id").execute();

  await sql`create trigger membership_insert_ends_sessions after insert on membership begin
    delete from session where user_id = new.user_id; end`.execute(db);
  await sql`create trigger membership_update_ends_sessions after update on membership begin
    delete from session where user_id in (old.user_id, new.user_id); end`.execute(db);
  await sql`create trigger membership_delete_ends_sessions after delete on membership begin
    delete from session where user_id = old.user_id; end`.execute(db);
  await sql`create trigger password_change_ends_sessions after update of hash on password begin
    delete from session where user_id = new.user_id;
    delete from login_device where user_id = new.user_id; end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "password_change_ends_sessions",
    "membership_delete_ends_sessions",
    "membership_update_ends_sessions",
    "membership_insert_ends_sessions",
  ]) {
    await sql`drop trigger if exists ${sql.id(t)}`.execute(db);
  }
  await db.schema.dropTable("login_device").execute();
  await db.schema.dropTable("login_attempt").execute();
  await db.schema
    .createTable("login_attempt")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("attempted_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_attempt_email_idx").on("login_attempt").columns(["email", "attempted_at"]).execute();
}
