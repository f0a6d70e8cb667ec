/**
 * Stage 6, gender analysis: the sex-disaggregated profile computed from the passport, the Harvard
 * activity and access/control profiles, decision-making figures, the gap table T10 (the gap is
 * computed, never typed) and the gender check of the action plan.
 * Pure: the methodology (templates/gender.json, reference.json) is passed in.
 */
import type { Completeness } from "./completeness";
import { actionsOf, KINDS } from "./element-kinds";
import { one, type ProgramData } from "./program-data";
import { oneOf, optionalText, requiredText, wholeNumber, z } from "./validation";
import type { Gender, Reference } from "~/methodology/schema";

export const GENDER_KIND = KINDS.gender;

// ---- stored data ---------------------------------------------------------------------------------
const hours = () => z.number().min(0).max(24);
const figure = () => z.number().min(0).max(1e9);

export const decisionFigureSchema = z.object({
  women: wholeNumber().min(0).max(100_000).optional(),
  total: wholeNumber().min(0).max(100_000).optional(),
});
export const resourceProfileSchema = z.object({
  accessWomen: z.boolean().optional(),
  accessMen: z.boolean().optional(),
  controlWomen: z.boolean().optional(),
  controlMen: z.boolean().optional(),
});
export const genderGapRowSchema = z.object({
  id: z.string().max(40).optional(),
  domain: z.string().max(40).optional(),
  indicator: requiredText(300),
  women: figure().optional(),
  men: figure().optional(),
  unit: optionalText(40),
  cause: optionalText(1000),
  needType: z.string().max(40).optional(),
  actionIds: z.array(z.string().max(40)).max(50).default([]),
});
export type GenderGapRow = z.infer<typeof genderGapRowSchema>;
export type DecisionFigure = z.infer<typeof decisionFigureSchema>;
export type ResourceProfile = z.infer<typeof resourceProfileSchema>;

export interface GenderData {
  decisionBodies?: Record<string, DecisionFigure>;
  activities?: Record<string, string | undefined>;
  resources?: Record<string, ResourceProfile>;
  unpaidCare?: { women?: number; men?: number };
  factors?: string;
  gaps?: (GenderGapRow & { id: string })[];
}

type GenderTemplate = Pick<
  Gender,
  "activities" | "resources" | "whoDoesIt" | "needTypes" | "gapDomains" | "decisionBodies" | "profileRows" | "genderTags"
>;

/** Harvard page: activities, access/control, unpaid care, decision bodies, influencing factors. */
type Ids = readonly { id: string }[];
export function genderHarvardFormSchema(t: { activities: Ids; resources: Ids; whoDoesIt: Ids; decisionBodies: Ids }) {
  const who = t.whoDoesIt.map((w) => w.id);
  return z.object({
    version: z.number().int().min(0),
    activities: z.object(Object.fromEntries(t.activities.map((a) => [a.id, oneOf(who).optional()]))).default({}),
    resources: z.object(Object.fromEntries(t.resources.map((r) => [r.id, resourceProfileSchema.default({})]))).default({}),
    decisionBodies: z
      .object(
        Object.fromEntries(
          t.decisionBodies.map((b) => [
            b.id,
            decisionFigureSchema.default({}).superRefine((f, ctx) => {
              if (f.women !== undefined && f.total !== undefined && f.women > f.total)
                ctx.addIssue({ code: "custom", path: ["women"], message: "inclusion:gender.errors.womenAboveTotal" });
            }),
          ]),
        ),
      )
      .default({}),
    unpaidCare: z.object({ women: hours().optional(), men: hours().optional() }).default({}),
    factors: optionalText(3000),
  });
}

/** Gap table page: rows of T10 with their domain and need type from the template. */
export function genderGapsFormSchema(t: { gapDomains: Ids; needTypes: Ids }) {
  const row = genderGapRowSchema.extend({
    domain: oneOf(t.gapDomains.map((d) => d.id)).optional(),
    needType: oneOf(t.needTypes.map((n) => n.id)).optional(),
  });
  return z.object({ version: z.number().int().min(0), gaps: z.array(row).max(40).default([]) });
}

export function genderDataOf(data: ProgramData): GenderData | undefined {
  return one<GenderData>(data, GENDER_KIND)?.data;
}

// ---- computed figures ----------------------------------------------------------------------------
/** Gap = women − men and the ratio women / men; null when a side is missing. */
export function gapOf(row: Pick<GenderGapRow, "women" | "men">): { gap: number | null; ratio: number | null } {
  const w = row.women ?? null;
  const m = row.men ?? null;
  if (w === null || m === null) return { gap: null, ratio: null };
  return { gap: round(w - m), ratio: m === 0 ? null : round(w / m, 3) };
}

function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function share(part: number | null | undefined, total: number | null | undefined): number | null {
  if (part === null || part === undefined || !total) return null;
  return part / total;
}

export interface ProfileRow {
  /** profileRows id, or "age:<bandId>" / "age:total" for the population rows. */
  id: string;
  profileRowId: string;
  ageBandId?: string;
  women: number | null;
  men: number | null;
  total: number | null;
}

interface PopulationData {
  villages?: {
    byAge?: Record<string, { m?: number | null; f?: number | null }>;
    households?: number | null;
    femaleHeaded?: number | null;
  }[];
}
interface EconomyData {
  rows?: Record<string, { total?: number | null; men?: number | null; women?: number | null } | undefined>;
}
interface VulnerableData {
  rows?: { groupId: string; total?: number | null; male?: number | null; female?: number | null }[];
}

function sum(values: (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
}
function totalOf(women: number | null, men: number | null, total?: number | null): number | null {
  if (typeof total === "number") return total;
  return women === null && men === null ? null : (women ?? 0) + (men ?? 0);
}

/** The sex-disaggregated profile, read from the passport as templates/gender.json profileRows say. */
export function genderProfile(
  data: ProgramData,
  t: { profileRows: GenderTemplate["profileRows"]; ageBands: Reference["ageBands"] },
): { rows: ProfileRow[]; hasData: boolean } {
  const population = one<PopulationData>(data, KINDS.population)?.data;
  const economy = one<EconomyData>(data, KINDS.economy)?.data;
  const vulnerable = one<VulnerableData>(data, KINDS.vulnerable)?.data;
  const villages = population?.villages ?? [];
  const rows: ProfileRow[] = [];
  for (const pr of t.profileRows) {
    if (pr.source === "population_by_age") {
      const bands = t.ageBands.map((b) => {
        const women = sum(villages.map((v) => v.byAge?.[b.id]?.f));
        const men = sum(villages.map((v) => v.byAge?.[b.id]?.m));
        return { id: `age:${b.id}`, profileRowId: pr.id, ageBandId: b.id, women, men, total: totalOf(women, men) };
      });
      const women = sum(bands.map((b) => b.women));
      const men = sum(bands.map((b) => b.men));
      rows.push(...bands, { id: "age:total", profileRowId: pr.id, women, men, total: totalOf(women, men) });
    } else if (pr.source === "female_headed") {
      const households = sum(villages.map((v) => v.households));
      const women = sum(villages.map((v) => v.femaleHeaded));
      // Households not headed by a woman are headed by a man: derived, never typed twice.
      const men = households !== null && women !== null ? households - women : null;
      rows.push({ id: pr.id, profileRowId: pr.id, women, men, total: households });
    } else if (pr.source === "economy") {
      const r = economy?.rows?.[pr.rowId!];
      const women = r?.women ?? null;
      const men = r?.men ?? null;
      rows.push({ id: pr.id, profileRowId: pr.id, women, men, total: totalOf(women, men, r?.total) });
    } else {
      const r = vulnerable?.rows?.find((v) => v.groupId === pr.rowId);
      const women = r?.female ?? null;
      const men = r?.male ?? null;
      rows.push({ id: pr.id, profileRowId: pr.id, women, men, total: totalOf(women, men, r?.total) });
    }
  }
  return { rows, hasData: rows.some((r) => r.total !== null || r.women !== null || r.men !== null) };
}

/** Women among consultation participants (kind "consultations": meetings with men and women). */
export function consultationParticipation(data: ProgramData): {
  women: number | null;
  men: number | null;
  share: number | null;
  meetings: number;
} {
  const meetings = one<{ meetings?: { men?: number | null; women?: number | null }[] }>(data, KINDS.consultations)?.data?.meetings ?? [];
  const women = sum(meetings.map((m) => m.women));
  const men = sum(meetings.map((m) => m.men));
  return { women, men, share: share(women, (women ?? 0) + (men ?? 0)), meetings: meetings.length };
}

/** Share of women in each decision-making body the planner filled. */
export function decisionShares(g: GenderData | undefined, bodies: GenderTemplate["decisionBodies"]) {
  return bodies.map((b) => {
    const f = g?.decisionBodies?.[b.id] ?? {};
    return { bodyId: b.id, women: f.women ?? null, total: f.total ?? null, share: share(f.women, f.total) };
  });
}

/** The gender check of the action plan: tags, unpaid care added, beneficiaries by sex. */
export function genderActionCheck(data: ProgramData, tags: GenderTemplate["genderTags"]) {
  const actions = actionsOf(data);
  const byTag: Record<string, number> = Object.fromEntries([...tags.map((t) => [t.id, 0]), ["none", 0]]);
  for (const a of actions) {
    const tag = a.data.genderTag && a.data.genderTag in byTag ? a.data.genderTag : "none";
    byTag[tag] += 1;
  }
  return {
    total: actions.length,
    byTag,
    addsUnpaidCare: actions.filter((a) => a.data.addsUnpaidCare).map((a) => ({ id: a.id, title: a.data.title })),
    beneficiaries: {
      women: sum(actions.map((a) => a.data.beneficiaries?.women)),
      men: sum(actions.map((a) => a.data.beneficiaries?.men)),
    },
  };
}

export function harvardFilled(g: GenderData | undefined, t: Pick<GenderTemplate, "activities" | "resources">): boolean {
  const activitiesDone = t.activities.every((a) => Boolean(g?.activities?.[a.id]));
  // Someone always has access to a resource, so a resource with no box ticked was not looked at.
  const resourcesDone = t.resources.every((r) => {
    const p = g?.resources?.[r.id];
    return Boolean(p && (p.accessWomen || p.accessMen || p.controlWomen || p.controlMen));
  });
  return activitiesDone && resourcesDone;
}

export const MIN_GAP_ROWS = 3;

/** Complete when the profile has data, the Harvard profiles are filled and ≥3 gaps have a need type. */
export function genderCompleteness(data: ProgramData, m: { gender: GenderTemplate; reference: Pick<Reference, "ageBands"> }): Completeness {
  const g = genderDataOf(data);
  const profile = genderProfile(data, { profileRows: m.gender.profileRows, ageBands: m.reference.ageBands });
  const gaps = g?.gaps ?? [];
  const gapsDone = gaps.length >= MIN_GAP_ROWS && gaps.every((r) => Boolean(r.needType));
  return {
    done: [profile.hasData, harvardFilled(g, m.gender), gapsDone].filter(Boolean).length,
    total: 3,
    summaryKey: "completeness.gender",
  };
}
