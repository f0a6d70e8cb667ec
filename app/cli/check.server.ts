/**
 * `kadam check <programId | file.json>`: every compliance rule's result, one line per rule plus
 * its evidence, in the language asked for (`--lang`, Russian by default). Returns the exit code: 1 when a blocker fails.
 * A file is first held to the import rules (readProgramFile, as `kadam import`); a file that
 * would be refused on import reports those problems and exits 1 without running the rules.
 */
import fs from "node:fs";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { evidenceText } from "~/domain/compliance/evidence-text";
import { placeFromText } from "~/methodology/places.server";
import { runChecks, type ComplianceReport } from "~/domain/compliance/run";
import { buildProgramData, type ProgramData } from "~/domain/program-data";
import { localize, methodology } from "~/methodology/templates.server";
import { complianceReport } from "~/services/compliance.server";
import { readProgramFile } from "./program-file.server";
import { docTranslator, type DocLang } from "~/export/i18n";
import { findProgram } from "~/models/program.server";

function fromFile(path: string, lang: DocLang): ProgramData | string[] {
  const parsed = readProgramFile(path, lang);
  if (!parsed.ok) return parsed.lines;
  const f = parsed.file;
  // Files from before the place codes name oblast and raion in free text: matched to codes where they can be.
  const place = placeFromText(f.municipality);
  return buildProgramData(
    {
      id: 0,
      title: f.program.title,
      startYear: f.program.startYear,
      endYear: f.program.endYear,
      language: f.program.language as "ru" | "ky",
      status: f.program.status,
      methodologyVersion: f.methodologyVersion,
      municipality: {
        id: 0,
        nameRu: f.municipality.nameRu,
        nameKy: f.municipality.nameKy,
        kind: f.municipality.kind,
        raion: place.raion,
        oblast: place.oblast,
      },
    },
    f.elements.map((e) => ({
      id: e.id,
      kind: e.kind,
      parent_id: e.parentId ?? null,
      position: e.position,
      version: 1,
      data: JSON.stringify(e.data),
    })),
  );
}

export function printReport(report: ComplianceReport, lang: DocLang = "ru", log: (line: string) => void = console.log): number {
  const t = docTranslator(lang);
  // Rule id first and tab-separated, so scripts can still cut columns; the words are the reader's.
  for (const r of report.rules) {
    log(
      `${r.rule.id}\t${t(`compliance:status.${r.status}`)}\t${t(`compliance:severity.${r.rule.severity}`)}\t${localize(r.rule.text, lang)}`,
    );
    for (const e of r.evidence) log(`    - ${evidenceText(t, e, lang)}`);
    if (r.justification) log(`    ${t("common:cli.justification")}: ${r.justification.text}`);
  }
  log(t("common:cli.summary", { blockers: report.blockersFailing, warnings: report.warningsFailing }));
  return report.blockersFailing > 0 ? 1 : 0;
}

/** A clear one-line message on stderr and exit code 2 (distinct from "a blocker fails"). */
function refuse(message: string): number {
  console.error(`kadam: ${message}`);
  return 2;
}

export async function checkTarget(db: Kysely<DB>, target: string, lang: DocLang = "ru"): Promise<number> {
  if (/^\d+$/.test(target)) {
    const id = Number(target);
    const exists = await findProgram(db, id);
    if (!exists) return refuse(`No program ${id} (see: list)`);
    return printReport((await complianceReport(db, id)).report, lang);
  }
  if (!fs.existsSync(target)) return refuse(`No program id or file "${target}"`);
  const data = fromFile(target, lang);
  if (Array.isArray(data)) {
    for (const line of data) console.log(line);
    console.log(docTranslator(lang)("common:cli.notProgramFile"));
    return 1;
  }
  // A file has no workflow records: approval and publication rules see "none yet".
  return printReport(runChecks(data, methodology, {}, { approval: null, publicationUrl: null }), lang);
}
