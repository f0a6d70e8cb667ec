import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("program")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("municipality_id", "integer", (c) => c.notNull().references("municipality.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("start_year", "integer", (c) => c.notNull())
    .addColumn("end_year", "integer", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ('ru','ky')`))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("methodology_version", "text", (c) => c.notNull())
    .addColumn("archived_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .addColumn("created_by", "text", (c) => c.notNull().references("user.id"))
    .execute();
  await db.schema.createIndex("program_municipality_idx").on("program").column("municipality_id").execute();

  await db.schema
    .createTable("program_element")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("program_id", "integer", (c) => c.notNull().references("program.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("parent_id", "text", (c) => c.references("program_element.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull().references("user.id"))
    .execute();
  await db.schema.createIndex("program_element_program_idx").on("program_element").columns(["program_id", "kind", "position"]).execute();

  await db.schema
    .createTable("program_revision")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("program_id", "integer", (c) => c.notNull().references("program.id").onDelete("cascade"))
    .addColumn("element_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("change", "text", (c) => c.notNull().check(sql`change in ('create','update','delete')`))
    .addColumn("before", "text")
    .addColumn("after", "text")
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("program_revision_program_idx").on("program_revision").columns(["program_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["program_revision", "program_element", "program"]) await db.schema.dropTable(t).execute();
}
