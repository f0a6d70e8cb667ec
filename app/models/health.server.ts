/** The cheapest query there is: it fails only when the database cannot be reached. */
import { sql } from "kysely";
import type { Executor } from "./program-element.server";

export async function pingDatabase(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}
