/**
 * Council review: frozen program versions, the transition log, the council's approval record
 * and comments anchored to element ids. Versions are immutable: a trigger refuses every UPDATE,
 * so no code path (or slip) can change a snapshot after it was taken.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("program_version")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("program_id", "integer", (c) => c.notNull().references("program.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("program_version_number_uq", ["program_id", "number"])
    .execute();
  await sql`CREATE TRIGGER program_version_immutable BEFORE UPDATE ON program_version BEGIN SELECT RAISE(ABORT, 'program_version is immutable'); END`.execute(
    db,
  );

  await db.schema
    .createTable("program_transition")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("program_id", "integer", (c) => c.notNull().references("program.id").onDelete("cascade"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text", (c) => c.notNull())
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("comment", "text")
    /** JSON: what the action carried besides the comment (e.g. the publication URL, the restored version). */
    .addColumn("details", "text")
    .addColumn("version_id", "integer", (c) => c.references("program_version.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("program_transition_program_idx").on("program_transition").columns(["program_id", "id"]).execute();

  await db.schema
    .createTable("program_approval")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("program_id", "integer", (c) => c.notNull().references("program.id").onDelete("cascade"))
    .addColumn("version_id", "integer", (c) => c.notNull().references("program_version.id").onDelete("cascade"))
    .addColumn("resolution_number", "text", (c) => c.notNull())
    .addColumn("resolution_date", "text", (c) => c.notNull())
    .addColumn("chair_name", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("program_approval_program_idx").on("program_approval").columns(["program_id", "id"]).execute();

  await db.schema
    .createTable("comment")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("program_id", "integer", (c) => c.notNull().references("program.id").onDelete("cascade"))
    .addColumn("element_id", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("comment.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open','accepted','rejected','resolved')`),
    )
    .addColumn("status_reason", "text")
    .addColumn("status_by", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("comment_program_idx").on("comment").columns(["program_id", "element_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS program_version_immutable`.execute(db);
  for (const t of ["comment", "program_approval", "program_transition", "program_version"]) await db.schema.dropTable(t).execute();
}
