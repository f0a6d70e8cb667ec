/** The health check behind /healthz: does the database answer? */
import { db } from "~/db.server";
import { pingDatabase } from "~/models/health.server";

export async function databaseAnswers(): Promise<boolean> {
  try {
    await pingDatabase(db);
    return true;
  } catch {
    return false;
  }
}
