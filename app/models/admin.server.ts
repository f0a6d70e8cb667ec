/**
 * Queries behind the admin pages. Every function takes `db | trx` first, so services compose
 * them inside one transaction.
 */
import type { Executor } from "./program-element.server";
import type { Language, MunicipalityKind, Role } from "../../db/schema";

export interface MunicipalityFields {
  name_ru: string;
  name_ky: string;
  kind: MunicipalityKind;
  raion: string;
  oblast: string;
}

/** Every municipality with the number of distinct accounts that belong to it. */
export function listMunicipalitiesWithAccountCounts(db: Executor) {
  return db
    .selectFrom("municipality")
    .leftJoin("membership", "membership.municipality_id", "municipality.id")
    .select((eb) => [
      "municipality.id",
      "municipality.name_ru",
      "municipality.name_ky",
      "municipality.kind",
      "municipality.raion",
      "municipality.oblast",
      eb.fn.count<number>("membership.user_id").distinct().as("accounts"),
    ])
    .groupBy("municipality.id")
    .orderBy("municipality.name_ru")
    .execute();
}

export function findMunicipality(db: Executor, id: number) {
  return db.selectFrom("municipality").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertMunicipality(db: Executor, fields: MunicipalityFields, now: string): Promise<number> {
  const row = await db
    .insertInto("municipality")
    .values({ ...fields, created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMunicipality(db: Executor, id: number, fields: MunicipalityFields): Promise<boolean> {
  const result = await db.updateTable("municipality").set(fields).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  preferred_language: Language;
  active: number;
  must_change_password: number;
  created_at: string;
  memberships: { role: Role; municipality_id: number | null; name_ru: string | null; name_ky: string | null }[];
}

type MembershipJoin = { user_id: string; role: Role; municipality_id: number | null; name_ru: string | null; name_ky: string | null };

function membershipsQuery(db: Executor) {
  return db
    .selectFrom("membership")
    .leftJoin("municipality", "municipality.id", "membership.municipality_id")
    .select(["membership.user_id", "membership.role", "membership.municipality_id", "municipality.name_ru", "municipality.name_ky"])
    .orderBy("membership.id");
}

function attach(users: Omit<AccountRow, "memberships">[], memberships: MembershipJoin[]): AccountRow[] {
  const byUser = new Map<string, AccountRow["memberships"]>();
  for (const { user_id, ...m } of memberships) {
    const list = byUser.get(user_id) ?? [];
    list.push(m);
    byUser.set(user_id, list);
  }
  return users.map((u) => ({ ...u, memberships: byUser.get(u.id) ?? [] }));
}

const accountColumns = ["id", "email", "display_name", "preferred_language", "active", "must_change_password", "created_at"] as const;

/** All accounts (active first, then by name), each with its roles and municipalities. */
export async function listAccounts(db: Executor): Promise<AccountRow[]> {
  const [users, memberships] = await Promise.all([
    db.selectFrom("user").select(accountColumns).orderBy("active", "desc").orderBy("display_name").orderBy("email").execute(),
    membershipsQuery(db).execute(),
  ]);
  return attach(users, memberships);
}

export async function findAccount(db: Executor, id: string): Promise<AccountRow | undefined> {
  const user = await db.selectFrom("user").select(accountColumns).where("id", "=", id).executeTakeFirst();
  if (!user) return undefined;
  const memberships = await membershipsQuery(db).where("membership.user_id", "=", id).execute();
  return attach([user], memberships)[0];
}

export async function emailExists(db: Executor, email: string): Promise<boolean> {
  const row = await db.selectFrom("user").select("id").where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
  return !!row;
}

export async function setUserActive(db: Executor, userId: string, active: boolean): Promise<void> {
  await db
    .updateTable("user")
    .set({ active: active ? 1 : 0 })
    .where("id", "=", userId)
    .execute();
}

/** Replaces the password hash and makes the user choose a new password at the next sign-in. */
export async function setTemporaryPasswordHash(db: Executor, userId: string, hash: string, now: string): Promise<void> {
  await db
    .insertInto("password")
    .values({ user_id: userId, hash, updated_at: now })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ hash, updated_at: now }))
    .execute();
  await db.updateTable("user").set({ must_change_password: 1 }).where("id", "=", userId).execute();
}

/** A new user with their password hash and one membership; run inside the caller's transaction. */
export async function insertAccount(
  db: Executor,
  a: {
    id: string;
    email: string;
    displayName: string;
    language: Language;
    mustChangePassword: boolean;
    hash: string;
    role: Role;
    municipalityId: number | null;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto("user")
    .values({
      id: a.id,
      email: a.email,
      display_name: a.displayName,
      preferred_language: a.language,
      active: 1,
      must_change_password: a.mustChangePassword ? 1 : 0,
      created_at: a.now,
    })
    .execute();
  await db.insertInto("password").values({ user_id: a.id, hash: a.hash, updated_at: a.now }).execute();
  await db.insertInto("membership").values({ user_id: a.id, municipality_id: a.municipalityId, role: a.role }).execute();
}

/** The language a user reads the interface in (chosen on the language page or at sign-in). */
export async function setPreferredLanguage(db: Executor, userId: string, language: Language): Promise<void> {
  await db.updateTable("user").set({ preferred_language: language }).where("id", "=", userId).execute();
}

/** Some account holding one of `roles` (the command line records it as the importer of a file). */
export async function findAccountWithRole(db: Executor, roles: Role[]): Promise<string | undefined> {
  const row = await db
    .selectFrom("user")
    .innerJoin("membership", "membership.user_id", "user.id")
    .select("user.id")
    .where("membership.role", "in", roles)
    .executeTakeFirst();
  return row?.id;
}
