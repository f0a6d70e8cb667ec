/**
 * Admin workflows: municipalities and accounts. Routes validate the form, check `admin:manage`
 * and call these; each one is a single transaction (sessions are ended after it commits).
 */
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { DB, Role } from "../../db/schema";
import { hashPassword } from "~/auth/password.server";
import { endAllSessions } from "~/auth/session.server";
import { db } from "~/db.server";
import type { AccountInput, MunicipalityInput } from "~/domain/admin-schemas";
import {
  emailExists,
  findAccount,
  findMunicipality,
  insertAccount,
  insertMunicipality,
  listAccounts,
  listMunicipalitiesWithAccountCounts,
  setTemporaryPasswordHash,
  setUserActive,
  updateMunicipality,
} from "~/models/admin.server";

/** The admin overview: every municipality with its number of accounts, and every account. */
export async function adminOverview() {
  const [municipalities, accounts] = await Promise.all([listMunicipalitiesWithAccountCounts(db), listAccounts(db)]);
  return { municipalities, accounts };
}

export const municipalitiesWithAccountCounts = () => listMunicipalitiesWithAccountCounts(db);
export const accountById = (id: string) => findAccount(db, id);
export const municipalityById = (id: number) => findMunicipality(db, id);

export async function createMunicipality(input: MunicipalityInput): Promise<number> {
  return db.transaction().execute((trx) => insertMunicipality(trx, input, new Date().toISOString()));
}

/** False when the municipality does not exist. */
export async function editMunicipality(id: number, input: MunicipalityInput): Promise<boolean> {
  return db.transaction().execute((trx) => updateMunicipality(trx, id, input));
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  municipalityId: number | null;
  language?: "ru" | "ky" | "en";
  mustChangePassword?: boolean;
}

/**
 * Creates a user with a password and one membership, in one transaction. Takes the handle: the
 * demo seed (db/seed.ts) calls it on the database it builds.
 */
export async function createUser(handle: Kysely<DB>, input: NewUser): Promise<string> {
  const id = crypto.randomUUID();
  const hash = await hashPassword(input.password);
  const now = new Date().toISOString();
  await handle.transaction().execute((trx) =>
    insertAccount(trx, {
      id,
      email: input.email.toLowerCase(),
      displayName: input.name,
      language: input.language ?? "ru",
      mustChangePassword: input.mustChangePassword ?? false,
      hash,
      role: input.role,
      municipalityId: input.municipalityId,
      now,
    }),
  );
  return id;
}

export type CreateAccountResult = { ok: true; id: string } | { ok: false; field: "email" | "municipalityId"; message: string };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

/**
 * Creates an account with a temporary password: the person must choose their own at first sign-in.
 * The input has passed `accountSchema`, so the municipality is set exactly for municipal roles.
 */
export async function createAccount(input: AccountInput): Promise<CreateAccountResult> {
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
export async function deactivateAccount(userId: string, actorId: string): Promise<AccountActionResult> {
  if (userId === actorId) return { ok: false, message: "errors.cannotDeactivateSelf" };
  await db.transaction().execute((trx) => setUserActive(trx, userId, false));
  await endAllSessions(userId);
  return { ok: true };
}

export async function reactivateAccount(userId: string): Promise<AccountActionResult> {
  await db.transaction().execute((trx) => setUserActive(trx, userId, true));
  return { ok: true };
}

/**
 * Gives the account a temporary password (e.g. the person forgot theirs): they must change it
 * at the next sign-in, and every open session of the account ends now.
 */
export async function setTemporaryPassword(userId: string, password: string): Promise<AccountActionResult> {
  const hash = await hashPassword(password);
  await db.transaction().execute((trx) => setTemporaryPasswordHash(trx, userId, hash, new Date().toISOString()));
  await endAllSessions(userId);
  return { ok: true };
}
