/**
 * Passport T2, population by village, sex and age: form schema, totals and consistency flags.
 */
import { hasNumber, num } from "./program-data";
import { objectOf, optCount, version } from "./passport";
import { requiredText, z } from "./validation";

export function populationFormSchema(bandIds: readonly string[]) {
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
export interface PopulationData {
  villages: VillageData[];
  officialTotal?: number;
}

export interface SexTotals {
  m: number;
  f: number;
  total: number;
}
export interface VillageTotals extends SexTotals {
  id: string;
  name: string;
  byBand: Record<string, SexTotals>;
  households: number;
  femaleHeaded: number;
}
export interface PopulationTotals extends SexTotals {
  villages: VillageTotals[];
  byBand: Record<string, SexTotals>;
  households: number;
  femaleHeaded: number;
}

export function populationTotals(data: Partial<PopulationData> | undefined, bandIds: readonly string[]): PopulationTotals {
  const sum = (xs: SexTotals[]): SexTotals =>
    xs.reduce((a, x) => ({ m: a.m + x.m, f: a.f + x.f, total: a.total + x.total }), { m: 0, f: 0, total: 0 });
  const villages = (data?.villages ?? []).filter(Boolean).map((v) => {
    const byBand = Object.fromEntries(
      bandIds.map((b) => {
        const m = num(v.byAge?.[b]?.m);
        const f = num(v.byAge?.[b]?.f);
        return [b, { m, f, total: m + f }];
      }),
    );
    return {
      id: v.id,
      name: v.name,
      byBand,
      households: num(v.households),
      femaleHeaded: num(v.femaleHeaded),
      ...sum(Object.values(byBand)),
    };
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

export function populationFlags(data: Partial<PopulationData> | undefined, bandIds: readonly string[]): PopulationFlag[] {
  const totals = populationTotals(data, bandIds);
  const flags: PopulationFlag[] = [];
  (data?.villages ?? []).filter(Boolean).forEach((v, i) => {
    const t = totals.villages[i];
    if (hasNumber(v.totalEntered) && num(v.totalEntered) !== t.total)
      flags.push({ type: "villageTotal", villageId: v.id, name: v.name, entered: num(v.totalEntered), computed: t.total });
    if (hasNumber(v.femaleHeaded) && hasNumber(v.households) && num(v.femaleHeaded) > num(v.households))
      flags.push({ type: "femaleHeadedOverHouseholds", villageId: v.id, name: v.name });
  });
  if (hasNumber(data?.officialTotal) && totals.total > num(data?.officialTotal))
    flags.push({ type: "overOfficial", sum: totals.total, official: num(data?.officialTotal) });
  return flags;
}
