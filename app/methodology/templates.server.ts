/**
 * The methodology as data: loads every JSON file in /templates, validates it once at module load
 * and exposes one typed, frozen `methodology` object.
 *
 * JSON is imported statically (not read with fs) so the bundled server carries the data with it.
 * A broken template stops the server at start, with a message naming the file and the path of the
 * bad value, instead of failing later on some page.
 */
import type { z } from "zod";
import methodologyJson from "../../templates/methodology.json";
import stagesJson from "../../templates/stages.json";
import referenceJson from "../../templates/reference.json";
import geographyJson from "../../templates/geography.json";
import thresholdsJson from "../../templates/thresholds.json";
import passportJson from "../../templates/passport.json";
import lensJson from "../../templates/lens.json";
import genderJson from "../../templates/gender.json";
import strategyJson from "../../templates/strategy.json";
import complianceJson from "../../templates/compliance.json";
import docxJson from "../../templates/docx.json";
import {
  complianceSchema,
  docxSchema,
  genderSchema,
  geographySchema,
  lensSchema,
  methodologyMetaSchema,
  passportSchema,
  referenceSchema,
  stagesSchema,
  strategySchema,
  thresholdsSchema,
  type Methodology,
} from "./schema";

export { localize } from "./schema";
export type { L, Lang, Methodology } from "./schema";

/** Which schema checks which file. */
export const templateSchemas = {
  "methodology.json": methodologyMetaSchema,
  "stages.json": stagesSchema,
  "reference.json": referenceSchema,
  "geography.json": geographySchema,
  "thresholds.json": thresholdsSchema,
  "passport.json": passportSchema,
  "lens.json": lensSchema,
  "gender.json": genderSchema,
  "strategy.json": strategySchema,
  "compliance.json": complianceSchema,
  "docx.json": docxSchema,
} as const;
export type TemplateFile = keyof typeof templateSchemas;
export type RawTemplates = Record<TemplateFile, unknown>;

/** The JSON as imported, before validation. Tests clone it to build broken copies. */
export const rawTemplates: RawTemplates = {
  "methodology.json": methodologyJson,
  "stages.json": stagesJson,
  "reference.json": referenceJson,
  "geography.json": geographyJson,
  "thresholds.json": thresholdsJson,
  "passport.json": passportJson,
  "lens.json": lensJson,
  "gender.json": genderJson,
  "strategy.json": strategyJson,
  "compliance.json": complianceJson,
  "docx.json": docxJson,
};

/** Zod path → "sectors[1].label.ky", so an editor can find the value in the file. */
export function formatIssuePath(path: ReadonlyArray<string | number>): string {
  const out = path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
  return out || "(root)";
}

function parseFile<S extends z.ZodTypeAny>(file: TemplateFile, schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const shown = issues.slice(0, 5).map((i) => `${formatIssuePath(i.path)}: ${i.message}`);
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : "";
  throw new Error(`Invalid methodology template templates/${file}: ${shown.join("; ")}${more}`);
}

/**
 * Some numbers appear both as a threshold and as a rule parameter (the rule text is shown to
 * reviewers, the threshold to the wizard). They must not drift apart when someone edits one file.
 */
const linkedParams: { rule: string; param: string; threshold: string; get: (m: Methodology) => number }[] = [
  {
    rule: "r14",
    param: "maxLocalShare",
    threshold: "affordability.maxLocalShareOfOwnRevenue",
    get: (m) => m.thresholds.affordability.maxLocalShareOfOwnRevenue,
  },
  {
    rule: "r16",
    param: "maxUnidentifiedShare",
    threshold: "unidentifiedSourceMaxShare",
    get: (m) => m.thresholds.unidentifiedSourceMaxShare,
  },
  { rule: "r25", param: "minActions", threshold: "minGenderResponsiveActions", get: (m) => m.thresholds.minGenderResponsiveActions },
];

function crossCheck(m: Methodology): void {
  const problems: string[] = [];
  for (const link of linkedParams) {
    const index = m.compliance.rules.findIndex((r) => r.id === link.rule);
    if (index < 0) continue; // the rule was removed on purpose: nothing to keep in sync
    const value = m.compliance.rules[index].params[link.param];
    if (value !== link.get(m))
      problems.push(
        `templates/compliance.json rules[${index}].params.${link.param} is ${String(value)} but ` +
          `templates/thresholds.json ${link.threshold} is ${link.get(m)}; they must be equal`,
      );
  }
  if (problems.length) throw new Error(`Inconsistent methodology templates: ${problems.join("; ")}`);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validate raw template JSON (keyed by file name) and return the typed methodology.
 * Pure: throws an Error naming the file and the path of the first issues; never touches disk.
 */
export function validateMethodology(raw: RawTemplates): Methodology {
  const m: Methodology = {
    meta: parseFile("methodology.json", methodologyMetaSchema, raw["methodology.json"]),
    stages: parseFile("stages.json", stagesSchema, raw["stages.json"]),
    reference: parseFile("reference.json", referenceSchema, raw["reference.json"]),
    geography: parseFile("geography.json", geographySchema, raw["geography.json"]),
    thresholds: parseFile("thresholds.json", thresholdsSchema, raw["thresholds.json"]),
    passport: parseFile("passport.json", passportSchema, raw["passport.json"]),
    lens: parseFile("lens.json", lensSchema, raw["lens.json"]),
    gender: parseFile("gender.json", genderSchema, raw["gender.json"]),
    strategy: parseFile("strategy.json", strategySchema, raw["strategy.json"]),
    compliance: parseFile("compliance.json", complianceSchema, raw["compliance.json"]),
    docx: parseFile("docx.json", docxSchema, raw["docx.json"]),
  };
  crossCheck(m);
  // Shared by every request: freezing turns an accidental in-place edit (e.g. sort()) into an error.
  return deepFreeze(m);
}

/** The validated methodology. Importing this module throws if any template is invalid. */
export const methodology: Methodology = validateMethodology(rawTemplates);
