/** The signed-in person's own settings. */
import type { Language } from "../../db/schema";
import { db } from "~/db.server";
import { setPreferredLanguage } from "~/models/admin.server";

/** Stores the interface language the user chose (language switch, or the login page). */
export async function savePreferredLanguage(userId: string, language: Language): Promise<void> {
  await setPreferredLanguage(db, userId, language);
}
