/**
 * `npm run kadam -- <command>`: batch work on the database at DATABASE_PATH.
 *   list                                         municipalities and programs
 *   import <file.json> --municipality <id|name>  creates a program, prints its id
 *   export-json <programId> [--out file]
 *   export-docx <programId> [--lang ru|ky] [--out file]
 *   check <programId | file.json> [--lang ru|ky|en]  compliance rules; exit 1 when a blocker fails
 *   (import and check print their messages in --lang, Russian by default)
 *   backup --out <file>                          a consistent copy, safe while the server runs
 *   restore <file> [--force]                     puts a backup in place (keeps the replaced DB beside it)
 * Exits non-zero with a clear message on any failure.
 */
import fs from "node:fs";
import { defaultDatabasePath, openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";

class CliError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The language of messages for import and check (`--lang ru|ky|en`, Russian by default, as the app). */
function messageLanguage(args: string[]): "ru" | "ky" | "en" {
  const lang = option(args, "lang") ?? "ru";
  if (lang !== "ru" && lang !== "ky" && lang !== "en") throw new CliError("--lang must be ru, ky or en");
  return lang;
}

function programIdArg(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new CliError(`Expected a program id, got "${value ?? ""}"`);
  return id;
}

async function main(argv: string[]) {
  const [command, ...args] = argv;
  // Before the database is opened and migrated: a backup copies it as it is, and a restore must
  // not find its own connection holding the file it replaces.
  if (command === "backup" || command === "restore") return backupCommand(command, args);
  const handle = openDatabase(defaultDatabasePath());
  globalThis.__kadamDb = handle;
  const { db } = handle;
  await migrateToLatest(db);
  try {
    switch (command) {
      case "list": {
        const { listAllPrograms, listMunicipalities } = await import("~/models/program.server");
        const municipalities = (await listMunicipalities(db)).sort((a, b) => a.id - b.id);
        const programs = await listAllPrograms(db);
        const { placeLine } = await import("~/methodology/places.server");
        for (const m of municipalities) {
          // Russian, like the name beside it; stored codes become names (e.g. "Кочкорский район, Нарынская область").
          console.log(`municipality ${m.id}: ${m.name_ru} (${placeLine(m, "ru")})`);
          for (const p of programs.filter((p) => p.municipality_id === m.id))
            console.log(`  program ${p.id}: ${p.title} [${p.start_year}–${p.end_year}, ${p.language}, ${p.status}]`);
        }
        return 0;
      }
      case "import": {
        const path = args[0];
        const municipalityArg = option(args, "municipality");
        if (!path || !municipalityArg) throw new CliError("Usage: import <file.json> --municipality <id or name>");
        const { findMunicipalityByIdOrName } = await import("~/models/program.server");
        const municipality = await findMunicipalityByIdOrName(db, municipalityArg);
        if (!municipality) throw new CliError(`No municipality "${municipalityArg}" (see: list)`);
        const { readProgramFile } = await import("~/cli/program-file.server");
        const { importProgramFile } = await import("~/services/program-file.server");
        if (!fs.existsSync(path)) throw new CliError(`No file ${path}`);
        const lang = messageLanguage(args);
        const parsed = readProgramFile(path, lang);
        if (!parsed.ok) {
          for (const line of parsed.lines) console.error(line);
          const { docTranslator } = await import("~/export/i18n");
          throw new CliError(docTranslator(lang)("common:cli.notImported"));
        }
        const { findAccountWithRole } = await import("~/models/admin.server");
        const importer = await findAccountWithRole(db, ["admin", "coordinator"]);
        if (!importer) throw new CliError("No admin or coordinator account to record as the importer");
        const id = await importProgramFile(db, { file: parsed.file, municipalityId: municipality.id, userId: importer });
        console.log(id);
        return 0;
      }
      case "export-json": {
        const id = programIdArg(args[0]);
        const { exportProgramFile } = await import("~/services/program-file.server");
        const { findProgram } = await import("~/models/program.server");
        if (!(await findProgram(db, id))) throw new CliError(`No program ${id}`);
        const text = JSON.stringify(await exportProgramFile(db, id), null, 2);
        const out = option(args, "out");
        if (out) fs.writeFileSync(out, text);
        else process.stdout.write(text + "\n");
        return 0;
      }
      case "export-docx": {
        const id = programIdArg(args[0]);
        const out = option(args, "out") ?? `program-${id}.docx`;
        const lang = option(args, "lang");
        if (lang && lang !== "ru" && lang !== "ky") throw new CliError("--lang must be ru or ky");
        const { exportProgramDocx } = await import("~/cli/export-docx.server");
        const buffer = await exportProgramDocx(db, id, lang as "ru" | "ky" | undefined);
        fs.writeFileSync(out, buffer);
        console.log(out);
        return 0;
      }
      case "check": {
        const target = args[0];
        if (!target) throw new CliError("Usage: check <programId | file.json>");
        const { checkTarget } = await import("~/cli/check.server");
        return await checkTarget(db, target, messageLanguage(args));
      }
      default:
        console.error(
          "Commands: list | import <file.json> --municipality <id|name> | export-json <id> [--out f] | export-docx <id> [--lang ru|ky] [--out f] | check <id|file.json> | backup --out f | restore <file> [--force]",
        );
        return 2;
    }
  } finally {
    await db.destroy();
  }
}

async function backupCommand(command: "backup" | "restore", args: string[]): Promise<number> {
  const { backupDatabase, restoreDatabase } = await import("./backup");
  const database = defaultDatabasePath();
  if (command === "backup") {
    const out = option(args, "out");
    if (!out) throw new CliError("Usage: backup --out <file>");
    await backupDatabase(database, out);
    console.log(out);
    return 0;
  }
  const from = args[0];
  if (!from || from.startsWith("--")) throw new CliError("Usage: restore <file> [--force]");
  const { kept } = await restoreDatabase(database, from, { force: args.includes("--force") });
  console.log(`restored ${database} from ${from}${kept ? `; the replaced database is kept as ${kept}` : ""}`);
  return 0;
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error) => {
    // Expected failures are one clear line; a stack trace only with KADAM_DEBUG=1.
    console.error(`kadam: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.KADAM_DEBUG === "1" && !(error instanceof CliError)) console.error(error);
    process.exit(1);
  });
