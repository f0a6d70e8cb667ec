/**
 * Stage 3, the socio-economic passport (tables T1–T6): what the tables share (kinds, field helpers).
 * Each table has its own module (passport-general.ts … passport-budget.ts, passport-completeness.ts),
 * so a page ships only its table's code. Pure: template rows are passed in (from the validated
 * methodology, see program-context.ts), so pages, exports and other stages (financing reads
 * ownRevenueForecast) share one set of rules.
 */
import { KINDS } from "./element-kinds";
import { actualAndProgramYears } from "./program-data";
import { count, optionalText, year, z } from "./validation";

export const PASSPORT_KINDS = {
  general: KINDS.passportGeneral,
  population: KINDS.population,
  vulnerable: KINDS.vulnerable,
  economy: KINDS.economy,
  services: KINDS.services,
  budget: KINDS.budget,
} as const;
export type PassportTableId = keyof typeof PASSPORT_KINDS;
export const PASSPORT_TABLES = Object.keys(PASSPORT_KINDS) as PassportTableId[];

/** Field helpers shared by the table modules (passport-*.ts). */
export const version = z.number().int().min(0);
export const source = () => optionalText(300);
export const optYear = () => year().optional();
/** A count left empty stays empty (unknown), it is not a zero. */
export const optCount = () => count().optional();

export const objectOf = <S extends z.ZodTypeAny>(ids: readonly string[], schema: () => S) =>
  z.object(Object.fromEntries(ids.map((id) => [id, schema()])) as Record<string, S>);

// The tables' types, for callers that read stored data (type-only: no code is shipped with them).
export type { GeneralData } from "./passport-general";
export type { PopulationData, PopulationTotals, SexTotals, VillageData, VillageTotals, PopulationFlag } from "./passport-population";
export type { VulnerableData, VulnerableRow, VulnerableFlag } from "./passport-vulnerable";
export type { EconomyData, EconomyEntry } from "./passport-economy";
export type { ServiceEntry, ServicesData } from "./passport-services";

// ---- T6 budget ----------------------------------------------------------------------------------------
/** Three years of actuals before the program, then the program years as the forecast. */
export const budgetYears = actualAndProgramYears;
