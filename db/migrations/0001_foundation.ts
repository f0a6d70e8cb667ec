import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("municipality")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name_ru", "text", (c) => c.notNull())
    .addColumn("name_ky", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('aiyl_aimak','city','district')`))
    .addColumn("raion", "text", (c) => c.notNull())
    .addColumn("oblast", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .execute();

  await db.schema
    .createTable("user")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("preferred_language", "text", (c) => c.notNull().defaultTo("ru"))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .execute();

  await db.schema
    .createTable("password")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("user.id").onDelete("cascade"))
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .execute();

  // Column names are the ones @lucia-auth/adapter-sqlite expects.
  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("expires_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("session_user_idx").on("session").column("user_id").execute();

  await db.schema
    .createTable("membership")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("municipality_id", "integer", (c) => c.references("municipality.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('planner','coordinator','deputy','ministry','admin')`))
    .execute();
  await db.schema.createIndex("membership_user_idx").on("membership").column("user_id").execute();

  await db.schema
    .createTable("login_attempt")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("attempted_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_attempt_email_idx").on("login_attempt").columns(["email", "attempted_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["login_attempt", "membership", "session", "password", "user", "municipality"]) {
    await db.schema.dropTable(t).execute();
  }
}
