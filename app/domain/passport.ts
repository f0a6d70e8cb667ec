/**
 * Stage 3, the socio-economic passport (tables T1–T6): data and form schemas, computed totals,
 * consistency flags and completeness. Pure: template rows are passed in (or default to
 * templates/passport.json, which the server validates at start), so pages, exports and other
 * stages (financing reads ownRevenueForecast) share one set of rules.
 */
import { passportDefaults } from "./template-defaults.server";
import { countDone } from "./completeness";
import { KINDS } from "./links";
import { actualAndProgramYears, num, one, type ProgramData, type ProgramMeta } from "./program-data";

export { ACTUAL_YEARS, num } from "./program-data";
import { amount, count, optionalText, requiredText, year, z } from "./validation";

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

// Template rows default to the server's copy of templates/ (empty in the browser build, where
// every caller passes the rows from its loader).
const defaults = passportDefaults;

/** Shared with passport-budget.ts. */
export const version = z.number().int().min(0);
const source = () => optionalText(300);
const optYear = () => year().optional();
/** A count left empty stays empty (unknown), it is not a zero. */
const optCount = () => count().optional();

export const has = (v: unknown) => v !== undefined && v !== null && v !== "" && Number.isFinite(typeof v === "number" ? v : Number(v));
export const objectOf = <S extends z.ZodTypeAny>(ids: readonly string[], schema: () => S) => z.object(Object.fromEntries(ids.map((id) => [id, schema()])) as Record<string, S>);

// ---- T1 general ------------------------------------------------------------------------------------
export function generalFormSchema(fields: readonly { id: string; kind: string }[] = defaults.general) {
  const entry = (kind: string) =>
    z.object({ value: kind === "number" ? z.number().min(0).max(1e9).optional() : optionalText(500), source: source(), year: optYear() });
  return z.object({ version, fields: z.object(Object.fromEntries(fields.map((f) => [f.id, entry(f.kind)]))) });
}
export interface GeneralData { fields: Record<string, { value?: string | number; source?: string; year?: number }> }

// ---- T2 population ---------------------------------------------------------------------------------
export function populationFormSchema(bandIds: readonly string[] = defaults.ageBands.map((b) => b.id)) {
  const village = z.object({
    id: z.string().max(40).optional(),
    name: requiredText(100),
    households: optCount(),
    femaleHeaded: optCount(),
    byAge: objectOf(bandIds, () => z.object({ m: optCount(), f: optCount() })),
    totalEntered: optCount(),
  });
  return z.object({ version, villages: z.array(village).max(60).default([]), officialTotal: optCount() });
}
export interface VillageData {
  id: string;
  name: string;
  households?: number;
  femaleHeaded?: number;
  byAge: Record<string, { m?: number; f?: number }>;
  totalEntered?: number;
}
export interface PopulationData { villages: VillageData[]; officialTotal?: number }

export interface SexTotals { m: number; f: number; total: number }
export interface VillageTotals extends SexTotals { id: string; name: string; byBand: Record<string, SexTotals>; households: number; femaleHeaded: number }
export interface PopulationTotals extends SexTotals { villages: VillageTotals[]; byBand: Record<string, SexTotals>; households: number; femaleHeaded: number }

export function populationTotals(data: Partial<PopulationData> | undefined, bandIds: readonly string[] = defaults.ageBands.map((b) => b.id)): PopulationTotals {
  const sum = (xs: SexTotals[]): SexTotals => xs.reduce((a, x) => ({ m: a.m + x.m, f: a.f + x.f, total: a.total + x.total }), { m: 0, f: 0, total: 0 });
  const villages = (data?.villages ?? []).filter(Boolean).map((v) => {
    const byBand = Object.fromEntries(
      bandIds.map((b) => {
        const m = num(v.byAge?.[b]?.m);
        const f = num(v.byAge?.[b]?.f);
        return [b, { m, f, total: m + f }];
      }),
    );
    return { id: v.id, name: v.name, byBand, households: num(v.households), femaleHeaded: num(v.femaleHeaded), ...sum(Object.values(byBand)) };
  });
  const byBand = Object.fromEntries(bandIds.map((b) => [b, sum(villages.map((v) => v.byBand[b]))]));
  return {
    villages,
    byBand,
    households: villages.reduce((a, v) => a + v.households, 0),
    femaleHeaded: villages.reduce((a, v) => a + v.femaleHeaded, 0),
    ...sum(villages),
  };
}

export type PopulationFlag =
  | { type: "villageTotal"; villageId: string; name: string; entered: number; computed: number }
  | { type: "overOfficial"; sum: number; official: number }
  | { type: "femaleHeadedOverHouseholds"; villageId: string; name: string };

export function populationFlags(data: Partial<PopulationData> | undefined, bandIds?: readonly string[]): PopulationFlag[] {
  const totals = populationTotals(data, bandIds);
  const flags: PopulationFlag[] = [];
  (data?.villages ?? []).filter(Boolean).forEach((v, i) => {
    const t = totals.villages[i];
    if (has(v.totalEntered) && num(v.totalEntered) !== t.total) flags.push({ type: "villageTotal", villageId: v.id, name: v.name, entered: num(v.totalEntered), computed: t.total });
    if (has(v.femaleHeaded) && has(v.households) && num(v.femaleHeaded) > num(v.households)) flags.push({ type: "femaleHeadedOverHouseholds", villageId: v.id, name: v.name });
  });
  if (has(data?.officialTotal) && totals.total > num(data?.officialTotal)) flags.push({ type: "overOfficial", sum: totals.total, official: num(data?.officialTotal) });
  return flags;
}

// ---- T3 vulnerable groups ----------------------------------------------------------------------------
export const vulnerableRowSchema = z.object({
  id: z.string().max(40).optional(),
  groupId: z.string().min(1).max(40),
  total: optCount(),
  male: optCount(),
  female: optCount(),
  children: optCount(),
  /** What is counted when it is not people, e.g. "families" or "households". */
  note: optionalText(200),
  source: source(),
  year: optYear(),
});
export const vulnerableFormSchema = z.object({ version, rows: z.array(vulnerableRowSchema).max(60).default([]) });
export type VulnerableRow = z.infer<typeof vulnerableRowSchema> & { id: string };
export interface VulnerableData { rows: VulnerableRow[] }

export type VulnerableFlag = { type: "sexSum"; rowId: string; index: number; sum: number; total: number } | { type: "childrenOverTotal"; rowId: string; index: number };
export function vulnerableFlags(data: Partial<VulnerableData> | undefined): VulnerableFlag[] {
  return (data?.rows ?? []).filter(Boolean).flatMap((r, index): VulnerableFlag[] => {
    const out: VulnerableFlag[] = [];
    if (has(r.total) && (has(r.male) || has(r.female)) && num(r.male) + num(r.female) !== num(r.total))
      out.push({ type: "sexSum", rowId: r.id, index, sum: num(r.male) + num(r.female), total: num(r.total) });
    if (has(r.total) && has(r.children) && num(r.children) > num(r.total)) out.push({ type: "childrenOverTotal", rowId: r.id, index });
    return out;
  });
}

// ---- T4 economy ---------------------------------------------------------------------------------------
export function economyFormSchema(rowIds: readonly string[] = defaults.economy.map((r) => r.id)) {
  return z.object({
    version,
    rows: objectOf(rowIds, () => z.object({ total: optCount(), men: optCount(), women: optCount(), youth: optCount(), year: optYear(), source: source() })),
  });
}
export interface EconomyEntry { total?: number; men?: number; women?: number; youth?: number; year?: number; source?: string }
export interface EconomyData { rows: Record<string, EconomyEntry> }

export function economyFlags(data: Partial<EconomyData> | undefined, rows: readonly { id: string; bySex: boolean }[] = defaults.economy) {
  return rows.flatMap((row) => {
    const e = data?.rows?.[row.id];
    if (!row.bySex || !e || !has(e.total) || !(has(e.men) || has(e.women))) return [];
    const sum = num(e.men) + num(e.women);
    return sum === num(e.total) ? [] : [{ type: "sexSum" as const, rowId: row.id, sum, total: num(e.total) }];
  });
}

// ---- T5 services --------------------------------------------------------------------------------------
export function servicesFormSchema(rowIds: readonly string[] = defaults.services.map((r) => r.id)) {
  return z.object({
    version,
    rows: objectOf(rowIds, () =>
      z.object({
        villageIds: z.array(z.string().max(40)).max(60).default([]),
        coveragePct: z.number().min(0).max(100).optional(),
        gaps: optionalText(1000),
        groupsAffected: z.array(z.string().max(40)).max(30).default([]),
        pwdAccessible: z.boolean().default(false),
      }),
    ),
  });
}
export interface ServiceEntry { villageIds: string[]; coveragePct?: number; gaps?: string; groupsAffected: string[]; pwdAccessible: boolean }
export interface ServicesData { rows: Record<string, ServiceEntry> }

// ---- T6 budget ----------------------------------------------------------------------------------------
/** Three years of actuals before the program, then the program years as the forecast. */
export const budgetYears = actualAndProgramYears;
// ---- completeness ---------------------------------------------------------------------------------------
export function tableFilled(id: PassportTableId, data: ProgramData): boolean {
  const d = one<any>(data, PASSPORT_KINDS[id])?.data;
  if (!d) return false;
  switch (id) {
    case "general": {
      // At least half of the template's fields: a passport with only the name of the centre is not filled.
      const filled = defaults.general.filter((f) => has(d.fields?.[f.id]?.value) || (typeof d.fields?.[f.id]?.value === "string" && d.fields[f.id].value.trim() !== ""));
      return filled.length * 2 >= defaults.general.length;
    }
    case "population":
      return populationTotals(d).total > 0;
    case "vulnerable":
      return (d.rows ?? []).length > 0;
    case "economy":
      return Object.values((d.rows ?? {}) as Record<string, EconomyEntry>).some((e) => has(e?.total));
    case "services":
      return Object.values((d.rows ?? {}) as Record<string, ServiceEntry>).some((e) => has(e?.coveragePct) || (e?.villageIds ?? []).length > 0);
    case "budget":
      return Object.values((d.rows ?? {}) as Record<string, Record<string, unknown>>).some((r) => Object.values(r ?? {}).some(has));
  }
}

export function passportCompleteness(data: ProgramData) {
  return countDone(PASSPORT_TABLES.map((id) => tableFilled(id, data)), "completeness.passport");
}
