/**
 * Admin workflows: municipalities and accounts. Routes validate the form, check `admin:manage`
 * and call these; each one is a single transaction (sessions are ended after it commits).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { createUser } from "../../db/seed";
import { hashPassword } from "~/auth/password.server";
import { endAllSessions } from "~/auth/session.server";
import type { AccountInput, MunicipalityInput } from "~/domain/admin-schemas";
import { emailExists, findMunicipality, insertMunicipality, setTemporaryPasswordHash, setUserActive, updateMunicipality } from "~/models/admin.server";

export async function createMunicipality(db: Kysely<DB>, input: MunicipalityInput): Promise<number> {
  return db.transaction().execute((trx) => insertMunicipality(trx, input, new Date().toISOString()));
}

/** False when the municipality does not exist. */
export async function editMunicipality(db: Kysely<DB>, id: number, input: MunicipalityInput): Promise<boolean> {
  return db.transaction().execute((trx) => updateMunicipality(trx, id, input));
}

export type CreateAccountResult =
  | { ok: true; id: string }
  | { ok: false; field: "email" | "municipalityId"; message: string };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

/**
 * Creates an account with a temporary password: the person must choose their own at first sign-in.
 * The input has passed `accountSchema`, so the municipality is set exactly for municipal roles.
 */
export async function createAccount(db: Kysely<DB>, input: AccountInput): Promise<CreateAccountResult> {
  const email = input.email.trim().toLowerCase();
  if (await emailExists(db, email)) return { ok: false, field: "email", message: "errors.emailTaken" };
  if (input.municipalityId !== undefined && !(await findMunicipality(db, input.municipalityId))) {
    return { ok: false, field: "municipalityId", message: "errors.choose" };
  }
  try {
    const id = await createUser(db, {
      email,
      name: input.displayName,
      password: input.password,
      role: input.role,
      municipalityId: input.municipalityId ?? null,
      language: input.language,
      mustChangePassword: true,
    });
    return { ok: true, id };
  } catch (error) {
    // Two admins creating the same email at once: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, field: "email", message: "errors.emailTaken" };
    throw error;
  }
}

export type AccountActionResult = { ok: true } | { ok: false; message: string };

/** Deactivates an account and ends all its sessions. An administrator cannot deactivate themself. */
export async function deactivateAccount(db: Kysely<DB>, userId: string, actorId: string): Promise<AccountActionResult> {
  if (userId === actorId) return { ok: false, message: "errors.cannotDeactivateSelf" };
  await db.transaction().execute((trx) => setUserActive(trx, userId, false));
  await endAllSessions(userId);
  return { ok: true };
}

export async function reactivateAccount(db: Kysely<DB>, userId: string): Promise<AccountActionResult> {
  await db.transaction().execute((trx) => setUserActive(trx, userId, true));
  return { ok: true };
}

/**
 * Gives the account a temporary password (e.g. the person forgot theirs): they must change it
 * at the next sign-in, and every open session of the account ends now.
 */
export async function setTemporaryPassword(db: Kysely<DB>, userId: string, password: string): Promise<AccountActionResult> {
  const hash = await hashPassword(password);
  await db.transaction().execute((trx) => setTemporaryPasswordHash(trx, userId, hash, new Date().toISOString()));
  await endAllSessions(userId);
  return { ok: true };
}
