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
  const d = one<{ rows?: { groupId: string; total?: number | null; male?: number | null; female?: number | null }[] }>(data, KINDS.vulnerable)?.data;
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
