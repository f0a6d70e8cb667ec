/**
 * Versions on the two things the working group edits outside program elements: the program's own
 * fields (title, period, language) and the compliance justifications (issue #16, defect 9: two
 * editors, the second silently won). A form carries the version it was loaded with, as element
 * forms do, and a stale save gets a conflict.
 *
 * - `program.version` goes up by a trigger whenever the title, period or language changes,
 *   whichever code path changes them (settings, start-up page, restoring a version), so no writer
 *   can forget it. A writer that sets the version itself is left alone.
 * - `compliance_justification.version` is set by the service. Removing a justification keeps the
 *   row with empty text, so its version keeps counting up: a form loaded before the removal cannot
 *   match a justification written again afterwards.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("program")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`CREATE TRIGGER program_edit_version AFTER UPDATE OF title, start_year, end_year, language ON program
    WHEN NEW.version = OLD.version
      AND (NEW.title IS NOT OLD.title OR NEW.start_year IS NOT OLD.start_year OR NEW.end_year IS NOT OLD.end_year OR NEW.language IS NOT OLD.language)
    BEGIN UPDATE program SET version = OLD.version + 1 WHERE id = NEW.id; END`.execute(db);
  await db.schema
    .alterTable("compliance_justification")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER program_edit_version`.execute(db);
  await db.deleteFrom("compliance_justification").where("text", "=", "").execute();
  await db.schema.alterTable("compliance_justification").dropColumn("version").execute();
  await db.schema.alterTable("program").dropColumn("version").execute();
}
