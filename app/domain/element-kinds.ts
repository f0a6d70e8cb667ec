/**
 * The contract between stages: element kinds, and the few facts one stage reads from another
 * (villages, vulnerable groups present, problems, citizens' priorities, actions). Each stage's
 * own module defines the full data; these readers only rely on the fields named here.
 */
import { many, one, type ProgramData } from "./program-data";

export const KINDS = {
  startup: "startup",
  workingGroup: "working_group",
  passportGeneral: "passport_general",
  population: "passport_population",
  vulnerable: "passport_vulnerable",
  economy: "passport_economy",
  services: "passport_services",
  budget: "passport_budget",
  situationNarrative: "situation_narrative",
  problems: "problems",
  swot: "swot",
  consultations: "consultations",
  lens: "lens",
  gender: "gender",
  vision: "vision",
  strategyNode: "strategy_node",
  action: "action",
  indicator: "indicator",
  monitoring: "monitoring",
  risks: "risks",
  forecast: "forecast",
} as const;
export type Kind = (typeof KINDS)[keyof typeof KINDS];

/** A parent an element may hang under; "objective" is a strategy node of the form's last level. */
export type ParentPlace = "strategy_node" | "objective" | "action";
export interface KindPlace {
  /** How many elements of the kind one program may hold. */
  max: number;
  /** What it may hang under besides the top level; a strategy node's depth is bounded by the form's levels (templates/strategy.json). */
  parents: readonly ParentPlace[];
}

const ONCE: KindPlace = { max: 1, parents: [] };
/**
 * The methodology's structure, which a program file is held to at import (the forms keep to it by
 * construction): each stage block once; strategy nodes under strategy nodes; actions under
 * objectives; outcome indicators under objectives, output indicators under actions. The counts of
 * the repeated kinds are well above a real program (a municipality's has tens of actions, the
 * bench's large one 300 actions and 150 indicators) and bound what every page of a program reads:
 * 20 000 imported nodes once made the strategy page take 40 s. Keys are literals, not `KINDS.x`
 * reads (see strategy.ts on bundling).
 */
export const KIND_PLACES: Readonly<Record<Kind, KindPlace>> = {
  startup: ONCE,
  working_group: ONCE,
  passport_general: ONCE,
  passport_population: ONCE,
  passport_vulnerable: ONCE,
  passport_economy: ONCE,
  passport_services: ONCE,
  passport_budget: ONCE,
  situation_narrative: ONCE,
  problems: ONCE,
  swot: ONCE,
  consultations: ONCE,
  lens: ONCE,
  gender: ONCE,
  vision: ONCE,
  strategy_node: { max: 200, parents: ["strategy_node"] },
  action: { max: 500, parents: ["objective"] },
  indicator: { max: 1000, parents: ["objective", "action"] },
  monitoring: ONCE,
  risks: ONCE,
  forecast: ONCE,
};

export function isKind(kind: string): kind is Kind {
  return Object.prototype.hasOwnProperty.call(KIND_PLACES, kind);
}

export interface VillageRef {
  id: string;
  name: string;
}
/** passport_population: { villages: [{ id, name, … }] } */
export function villagesOf(data: ProgramData): VillageRef[] {
  const d = one<{ villages?: VillageRef[] }>(data, KINDS.population)?.data;
  return (d?.villages ?? []).map((v) => ({ id: v.id, name: v.name }));
}

/** passport_vulnerable: { rows: [{ id, groupId, total, … }] } — groups with a count above zero. */
export function vulnerableGroupsPresent(data: ProgramData): string[] {
  const d = one<{ rows?: { groupId: string; total?: number | null; male?: number | null; female?: number | null }[] }>(
    data,
    KINDS.vulnerable,
  )?.data;
  const present = (d?.rows ?? []).filter((r) => (r.total ?? 0) > 0 || (r.male ?? 0) + (r.female ?? 0) > 0).map((r) => r.groupId);
  return [...new Set(present)];
}

export interface ProblemRef {
  id: string;
  title: string;
  sectorId?: string;
  /** Citizens' priority score (votes or points); higher means more important. */
  priorityScore?: number | null;
}
/** problems: { rows: [{ id, title, sectorId, priorityScore, … }] } in the table's order. */
export function problemsOf(data: ProgramData): ProblemRef[] {
  const d = one<{ rows?: ProblemRef[] }>(data, KINDS.problems)?.data;
  return (d?.rows ?? []).map((p) => ({ id: p.id, title: p.title, sectorId: p.sectorId, priorityScore: p.priorityScore ?? null }));
}

export interface PriorityRef {
  id: string;
  text: string;
  consultationId: string;
  problemId?: string | null;
  votes?: number | null;
}
/** consultations: { meetings: [{ id, …, priorities: [{ id, text, problemId, votes }] }] } */
export function prioritiesOf(data: ProgramData): PriorityRef[] {
  const d = one<{ meetings?: { id: string; priorities?: Omit<PriorityRef, "consultationId">[] }[] }>(data, KINDS.consultations)?.data;
  return (d?.meetings ?? []).flatMap((m) => (m.priorities ?? []).map((p) => ({ ...p, consultationId: m.id })));
}

export interface ActionLinks {
  title: string;
  /** Vulnerable group ids (templates/reference.json) the action targets. */
  targetGroups?: string[];
  problemIds?: string[];
  /** Inclusive-lens question ids whose gap the action answers. */
  lensQuestionIds?: string[];
  priorityIds?: string[];
  genderTag?: string | null;
  addsUnpaidCare?: boolean;
  beneficiaries?: { total?: number | null; women?: number | null; men?: number | null; pwd?: number | null };
  totalCost?: number | null;
}
/** Elements of kind "action" (parent: the objective they serve). */
export function actionsOf(data: ProgramData) {
  return many<ActionLinks>(data, KINDS.action);
}
