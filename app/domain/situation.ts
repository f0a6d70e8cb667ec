/**
 * Stage 4, situation analysis: a narrative per sector, the problem table (T7) ranked by the
 * citizens' score, the SWOT (T8) and the baseline forecast (forecast.ts). Pure: schemas, ranking
 * and completeness only.
 */
import { countDone } from "./completeness";
import { forecastRowsFilled } from "./forecast";
import { KINDS } from "./element-kinds";
import { one, type ProgramData } from "./program-data";
import { LONG_TEXT_MAX, count, oneOf, optionalText, requiredText, z } from "./validation";

export const NARRATIVE_KIND = KINDS.situationNarrative;
export const PROBLEMS_KIND = KINDS.problems;
export const SWOT_KIND = KINDS.swot;

/**
 * Minimums for "stage complete". Not methodology facts from the MEC text (none were found), so
 * they stay next to the rule that uses them rather than in templates/thresholds.json.
 */
export const SITUATION_MIN = { narrativeSectors: 3, problems: 3, forecastRows: 3 } as const;

// ---- narrative ---------------------------------------------------------------------------------
export interface NarrativeData {
  sectors: Record<string, string>;
}

/** One optional textarea per template sector; empty ones are not stored. */
export function narrativeFormSchema(sectorIds: readonly string[]) {
  const shape: Record<string, z.ZodOptional<z.ZodString>> = {};
  for (const id of sectorIds) shape[id] = optionalText(LONG_TEXT_MAX);
  return z.object({ version: z.number().int().min(0), sectors: z.object(shape).default({}) });
}

export function narrativeToData(value: { sectors: Record<string, string | undefined> }): NarrativeData {
  const sectors: Record<string, string> = {};
  for (const [id, text] of Object.entries(value.sectors ?? {})) if (text && text.trim()) sectors[id] = text.trim();
  return { sectors };
}

export function writtenSectors(data: NarrativeData | undefined): string[] {
  return Object.entries(data?.sectors ?? {})
    .filter(([, text]) => typeof text === "string" && text.trim().length > 0)
    .map(([id]) => id);
}

// ---- problems (T7) -----------------------------------------------------------------------------
export interface ProblemRow {
  id: string;
  title: string;
  sectorId: string;
  villageIds: string[];
  groups: string[];
  evidence?: string;
  priorityScore?: number | null;
}
export interface ProblemsData {
  rows: ProblemRow[];
}

/** The allowed ids come from the templates (sectors, groups) and the passport (villages). */
export function problemsFormSchema(allowed: { sectorIds: readonly string[]; villageIds: readonly string[]; groupIds: readonly string[] }) {
  const row = z.object({
    id: z.string().max(40).optional(),
    title: requiredText(300),
    sectorId: oneOf(allowed.sectorIds),
    villageIds: z.array(oneOf(allowed.villageIds)).max(100).default([]),
    groups: z.array(oneOf(allowed.groupIds)).max(50).default([]),
    evidence: optionalText(2000),
    priorityScore: count().optional(),
  });
  return z.object({ version: z.number().int().min(0), rows: z.array(row).max(100).default([]) });
}

/**
 * Rank by the citizens' score, highest first; equal scores keep their table order (rank is a
 * position, never shared). Rows without a score have no rank yet. Returns the rows in table order.
 */
export function rankProblems<T extends { id: string; priorityScore?: number | null }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const scored = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => typeof row.priorityScore === "number" && Number.isFinite(row.priorityScore))
    .sort((a, b) => b.row.priorityScore! - a.row.priorityScore! || a.index - b.index);
  const rankOf = new Map<number, number>(scored.map(({ index }, i) => [index, i + 1]));
  return rows.map((row, index) => ({ ...row, rank: rankOf.get(index) ?? null }));
}

/** The rows ordered by rank (unranked rows last, in table order), e.g. for the DOCX. */
export function problemsByRank<T extends { id: string; priorityScore?: number | null }>(rows: readonly T[]) {
  return rankProblems(rows)
    .map((r, index) => ({ r, index }))
    .sort((a, b) => (a.r.rank ?? Infinity) - (b.r.rank ?? Infinity) || a.index - b.index)
    .map(({ r }) => r);
}

// ---- SWOT (T8) ---------------------------------------------------------------------------------
export const SWOT_QUADRANTS = ["strengths", "weaknesses", "opportunities", "threats"] as const;
export type SwotQuadrant = (typeof SWOT_QUADRANTS)[number];
export interface SwotItem {
  id: string;
  text: string;
  sectorId?: string;
  groupId?: string;
}
export type SwotData = Record<SwotQuadrant, SwotItem[]>;

export function swotFormSchema(allowed: { sectorIds: readonly string[]; groupIds: readonly string[] }) {
  const item = z.object({
    id: z.string().max(40).optional(),
    text: requiredText(500),
    sectorId: oneOf(allowed.sectorIds).optional(),
    groupId: oneOf(allowed.groupIds).optional(),
  });
  const list = z.array(item).max(40).default([]);
  return z.object({ version: z.number().int().min(0), strengths: list, weaknesses: list, opportunities: list, threats: list });
}

// ---- completeness ------------------------------------------------------------------------------
export function situationParts(data: ProgramData) {
  const narrative = writtenSectors(one<NarrativeData>(data, NARRATIVE_KIND)?.data).length;
  const problems = one<ProblemsData>(data, PROBLEMS_KIND)?.data.rows?.length ?? 0;
  const swot = one<Partial<SwotData>>(data, SWOT_KIND)?.data;
  const swotFilled = SWOT_QUADRANTS.filter((q) => (swot?.[q]?.length ?? 0) > 0).length;
  const forecastRows = forecastRowsFilled(data).length;
  return {
    narrative: { count: narrative, done: narrative >= SITUATION_MIN.narrativeSectors },
    problems: { count: problems, done: problems >= SITUATION_MIN.problems },
    swot: { count: swotFilled, done: swotFilled === SWOT_QUADRANTS.length },
    forecast: { count: forecastRows, done: forecastRows >= SITUATION_MIN.forecastRows },
  };
}

export function situationCompleteness(data: ProgramData) {
  const p = situationParts(data);
  return countDone([p.narrative.done, p.problems.done, p.swot.done, p.forecast.done], "completeness.situation");
}
