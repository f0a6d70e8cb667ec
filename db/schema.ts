/**
 * Hand-written table types. `tests/integration/schema.test.ts` compares `schemaColumns`
 * with the migrated database, so a migration and these types cannot drift apart.
 */
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export type Language = "ru" | "ky" | "en";
export type DocumentLanguage = "ru" | "ky";
export type Role = "planner" | "coordinator" | "deputy" | "ministry" | "admin";
export type MunicipalityKind = "aiyl_aimak" | "city" | "district";

export interface MunicipalityTable {
  id: Generated<number>;
  name_ru: string;
  name_ky: string;
  kind: MunicipalityKind;
  raion: string;
  oblast: string;
  created_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  display_name: string;
  preferred_language: Language;
  active: number;
  must_change_password: number;
  created_at: string;
}

export interface PasswordTable {
  user_id: string;
  hash: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  expires_at: number;
}

export interface MembershipTable {
  id: Generated<number>;
  user_id: string;
  /** Null for roles that are not tied to one municipality (ministry, admin). */
  municipality_id: number | null;
  role: Role;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  attempted_at: number;
}

export interface ProgramTable {
  id: Generated<number>;
  municipality_id: number;
  title: string;
  start_year: number;
  end_year: number;
  language: DocumentLanguage;
  status: string;
  methodology_version: string;
  archived_at: string | null;
  created_at: string;
  created_by: string;
}

/**
 * Every editable piece of a program (a stage block, a goal, an action, an indicator…) is one
 * element: a row with a stable id, a kind, JSON data validated by the kind's Zod schema and a
 * version that guards against stale forms.
 */
export interface ProgramElementTable {
  id: string;
  program_id: number;
  kind: string;
  parent_id: string | null;
  position: number;
  data: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface ProgramRevisionTable {
  id: Generated<number>;
  program_id: number;
  element_id: string;
  kind: string;
  change: "create" | "update" | "delete";
  before: string | null;
  after: string | null;
  user_id: string;
  created_at: string;
}

export interface DB {
  municipality: MunicipalityTable;
  user: UserTable;
  password: PasswordTable;
  session: SessionTable;
  membership: MembershipTable;
  login_attempt: LoginAttemptTable;
  program: ProgramTable;
  program_element: ProgramElementTable;
  program_revision: ProgramRevisionTable;
}

type ColumnList<T> = readonly (keyof T & string)[];
/** Every column of every table, listed once; checked against the migrated database. */
export const schemaColumns: { [K in keyof DB]: ColumnList<DB[K]> } = {
  municipality: ["id", "name_ru", "name_ky", "kind", "raion", "oblast", "created_at"],
  user: ["id", "email", "display_name", "preferred_language", "active", "must_change_password", "created_at"],
  password: ["user_id", "hash", "updated_at"],
  session: ["id", "user_id", "expires_at"],
  membership: ["id", "user_id", "municipality_id", "role"],
  login_attempt: ["id", "email", "attempted_at"],
  program: ["id", "municipality_id", "title", "start_year", "end_year", "language", "status", "methodology_version", "archived_at", "created_at", "created_by"],
  program_element: ["id", "program_id", "kind", "parent_id", "position", "data", "version", "updated_at", "updated_by"],
  program_revision: ["id", "program_id", "element_id", "kind", "change", "before", "after", "user_id", "created_at"],
};

export type Municipality = Selectable<MunicipalityTable>;
export type User = Selectable<UserTable>;
export type Program = Selectable<ProgramTable>;
export type NewProgram = Insertable<ProgramTable>;
export type ProgramElementRow = Selectable<ProgramElementTable>;
export type ProgramUpdate = Updateable<ProgramTable>;
