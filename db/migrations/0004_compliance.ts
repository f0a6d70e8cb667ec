/**
 * Compliance checks: the working group's justification of a failed rule (one per program and
 * rule, edited in place) and the ministry's findings per rule (a log: every review round adds
 * rows, tied to the frozen version under review when there is one).
 * Check results are computed from the program on demand; compliance_summary only caches the
 * dashboard's per-program figures, keyed by a fingerprint of everything they depend on, so a
 * stale row is simply recomputed.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("compliance_justification")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("program_id", "integer", (c) => c.notNull().references("program.id").onDelete("cascade"))
    .addColumn("rule_id", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("compliance_justification_rule_uq", ["program_id", "rule_id"])
    .execute();

  await db.schema
    .createTable("compliance_finding")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("program_id", "integer", (c) => c.notNull().references("program.id").onDelete("cascade"))
    .addColumn("rule_id", "text", (c) => c.notNull())
    .addColumn("version_id", "integer", (c) => c.references("program_version.id").onDelete("set null"))
    .addColumn("agree", "integer", (c) => c.notNull().check(sql`agree in (0, 1)`))
    .addColumn("comment", "text")
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("compliance_summary")
    .addColumn("program_id", "integer", (c) => c.primaryKey().references("program.id").onDelete("cascade"))
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("compliance_finding_program_idx").on("compliance_finding").columns(["program_id", "rule_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["compliance_summary", "compliance_finding", "compliance_justification"]) await db.schema.dropTable(t).execute();
}
