/**
 * Issue #17, items 4–6.
 *
 * - An approval record belongs to the version the council approved. It is never deleted: reopening
 *   the program ends it ("reopened", with the version that ended it), a coordinator's correction
 *   ends it ("corrected", replaced by a new record) and a withdrawal ends it ("withdrawn"). The
 *   status page lists every record with why it ended; documents use only the records true of the
 *   version they print (services/workflow.server.ts, getApproval).
 * - `program.sent_to_ministry_at`: the first time the program reached the ministry. The ministry
 *   keeps read access from then on (auth/authorize.server.ts), whatever the municipality does with
 *   the program afterwards. Filled from the transition log for programs sent before this migration.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("program_approval").addColumn("ended_at", "text").execute();
  await db.schema
    .alterTable("program_approval")
    .addColumn("ended_by", "text", (c) => c.references("user.id"))
    .execute();
  await db.schema.alterTable("program_approval").addColumn("end_reason", "text").execute();
  await db.schema.alterTable("program_approval").addColumn("end_comment", "text").execute();
  await db.schema
    .alterTable("program_approval")
    .addColumn("ended_version_id", "integer", (c) => c.references("program_version.id"))
    .execute();
  await db.schema.alterTable("program").addColumn("sent_to_ministry_at", "text").execute();
  await sql`UPDATE program SET sent_to_ministry_at = (
    SELECT MIN(created_at) FROM program_transition t WHERE t.program_id = program.id AND t.to_status = 'submitted')`.execute(db);
  // Approvals of programs reopened before this migration: ended by the first reopening after them.
  await sql`UPDATE program_approval SET (ended_at, ended_by, end_reason, ended_version_id) = (
      SELECT t.created_at, t.user_id, 'reopened', t.version_id FROM program_transition t
      WHERE t.program_id = program_approval.program_id AND t.to_status IN ('draft', 'changes_requested') AND t.version_id > program_approval.version_id
      ORDER BY t.id LIMIT 1)
    WHERE EXISTS (SELECT 1 FROM program_transition t
      WHERE t.program_id = program_approval.program_id AND t.to_status IN ('draft', 'changes_requested') AND t.version_id > program_approval.version_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("program").dropColumn("sent_to_ministry_at").execute();
  for (const c of ["ended_version_id", "end_comment", "end_reason", "ended_by", "ended_at"])
    await db.schema.alterTable("program_approval").dropColumn(c).execute();
}
