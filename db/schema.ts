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

/** One login try counted in one throttle bucket (see db/migrations/0005_login_throttle.ts). */
export interface LoginAttemptTable {
  id: Generated<number>;
  attempt: string;
  bucket: string;
  attempted_at: number;
}

/** A browser that signed in to the account before: its cookie token, hashed. */
export interface LoginDeviceTable {
  token_hash: string;
  user_id: string;
  last_used_at: number;
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
  /** Goes up (by a trigger) when title, period or language change; forms carry it to detect stale saves. */
  version: Generated<number>;
  /** When the program first reached the ministry: the ministry reads it from then on, whatever its status. */
  sent_to_ministry_at: string | null;
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

/** A frozen copy of the whole program taken at a workflow transition. Never updated (a trigger refuses). */
export interface ProgramVersionTable {
  id: Generated<number>;
  program_id: number;
  number: number;
  status: string;
  /** JSON: { program: ProgramRow, elements: ProgramElementRow[] }. */
  snapshot: string;
  comment: string | null;
  created_by: string;
  created_at: string;
}

export interface ProgramTransitionTable {
  id: Generated<number>;
  program_id: number;
  action: string;
  from_status: string;
  to_status: string;
  user_id: string;
  comment: string | null;
  details: string | null;
  version_id: number | null;
  created_at: string;
}

export interface ProgramApprovalTable {
  id: Generated<number>;
  program_id: number;
  version_id: number;
  resolution_number: string;
  resolution_date: string;
  chair_name: string;
  recorded_by: string;
  created_at: string;
  /** Set when the record stops being true: the program was reopened, or a coordinator corrected or withdrew it. */
  ended_at: string | null;
  ended_by: string | null;
  end_reason: "reopened" | "corrected" | "withdrawn" | null;
  end_comment: string | null;
  /** The version whose freezing ended it (reopening, withdrawal); null for a correction. */
  ended_version_id: number | null;
}

/** A comment anchored to an element id ("<id>", "stage:<stageId>" or "<id>#<rowId>"), never to text. */
export interface CommentTable {
  id: Generated<number>;
  program_id: number;
  element_id: string;
  parent_id: number | null;
  author_id: string;
  body: string;
  status: "open" | "accepted" | "rejected" | "resolved";
  status_reason: string | null;
  status_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The working group's reason for leaving a failed compliance rule as it is (one per program and rule). */
export interface ComplianceJustificationTable {
  id: Generated<number>;
  program_id: number;
  rule_id: string;
  /** Empty when the justification was removed (the row stays so its version keeps counting). */
  text: string;
  user_id: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** A ministry reviewer's finding on one rule: agrees with the automatic result or not (0/1), and why. */
export interface ComplianceFindingTable {
  id: Generated<number>;
  program_id: number;
  rule_id: string;
  version_id: number | null;
  agree: number;
  comment: string | null;
  user_id: string;
  created_at: string;
}

/** Cache of the ministry dashboard's figures for one program; `fingerprint` says what they were computed from. */
export interface ComplianceSummaryTable {
  program_id: number;
  fingerprint: string;
  /** JSON: { row: DashboardRow, statuses: { [ruleId]: "pass" | "fail" | "na" } }. */
  summary: string;
  computed_at: string;
}

export interface DB {
  municipality: MunicipalityTable;
  user: UserTable;
  password: PasswordTable;
  session: SessionTable;
  membership: MembershipTable;
  login_attempt: LoginAttemptTable;
  login_device: LoginDeviceTable;
  program: ProgramTable;
  program_element: ProgramElementTable;
  program_revision: ProgramRevisionTable;
  program_version: ProgramVersionTable;
  program_transition: ProgramTransitionTable;
  program_approval: ProgramApprovalTable;
  comment: CommentTable;
  compliance_justification: ComplianceJustificationTable;
  compliance_finding: ComplianceFindingTable;
  compliance_summary: ComplianceSummaryTable;
}

type ColumnList<T> = readonly (keyof T & string)[];
/** Every column of every table, listed once; checked against the migrated database. */
export const schemaColumns: { [K in keyof DB]: ColumnList<DB[K]> } = {
  municipality: ["id", "name_ru", "name_ky", "kind", "raion", "oblast", "created_at"],
  user: ["id", "email", "display_name", "preferred_language", "active", "must_change_password", "created_at"],
  password: ["user_id", "hash", "updated_at"],
  session: ["id", "user_id", "expires_at"],
  membership: ["id", "user_id", "municipality_id", "role"],
  login_attempt: ["id", "attempt", "bucket", "attempted_at"],
  login_device: ["token_hash", "user_id", "last_used_at"],
  program: [
    "id",
    "municipality_id",
    "title",
    "start_year",
    "end_year",
    "language",
    "status",
    "methodology_version",
    "archived_at",
    "created_at",
    "created_by",
    "version",
    "sent_to_ministry_at",
  ],
  program_element: ["id", "program_id", "kind", "parent_id", "position", "data", "version", "updated_at", "updated_by"],
  program_revision: ["id", "program_id", "element_id", "kind", "change", "before", "after", "user_id", "created_at"],
  program_version: ["id", "program_id", "number", "status", "snapshot", "comment", "created_by", "created_at"],
  program_transition: [
    "id",
    "program_id",
    "action",
    "from_status",
    "to_status",
    "user_id",
    "comment",
    "details",
    "version_id",
    "created_at",
  ],
  program_approval: [
    "id",
    "program_id",
    "version_id",
    "resolution_number",
    "resolution_date",
    "chair_name",
    "recorded_by",
    "created_at",
    "ended_at",
    "ended_by",
    "end_reason",
    "end_comment",
    "ended_version_id",
  ],
  comment: [
    "id",
    "program_id",
    "element_id",
    "parent_id",
    "author_id",
    "body",
    "status",
    "status_reason",
    "status_by",
    "created_at",
    "updated_at",
  ],
  compliance_justification: ["id", "program_id", "rule_id", "text", "user_id", "created_at", "updated_at", "version"],
  compliance_finding: ["id", "program_id", "rule_id", "version_id", "agree", "comment", "user_id", "created_at"],
  compliance_summary: ["program_id", "fingerprint", "summary", "computed_at"],
};

export type Municipality = Selectable<MunicipalityTable>;
export type User = Selectable<UserTable>;
export type Program = Selectable<ProgramTable>;
export type NewProgram = Insertable<ProgramTable>;
export type ProgramElementRow = Selectable<ProgramElementTable>;
export type ProgramUpdate = Updateable<ProgramTable>;
