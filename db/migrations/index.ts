import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_foundation";
import * as m0002 from "./0002_programs";
import * as m0003 from "./0003_review";
import * as m0004 from "./0004_compliance";
import * as m0005 from "./0005_login_throttle";
import * as m0006 from "./0006_edit_versions";
import * as m0007 from "./0007_approval_history";
import * as m0008 from "./0008_place_codes";

/**
 * Static registry: the bundled server, the CLI and the tests all read migrations from here,
 * because a folder scanned at run time is not inside the Remix build.
 * `tests/integration/migrations.test.ts` fails when a file in this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_programs": m0002,
  "0003_review": m0003,
  "0004_compliance": m0004,
  "0005_login_throttle": m0005,
  "0006_edit_versions": m0006,
  "0007_approval_history": m0007,
  "0008_place_codes": m0008,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
