/**
 * Stage 12 (review), the M&E part: the joint monitoring group and its reporting frequency
 * (kind "monitoring", rules 31–32) and the risk table T15 (kind "risks"). Both are singletons.
 */
import { countDone, type Completeness } from "./completeness";
import { KINDS } from "./element-kinds";
import { one, type ProgramData } from "./program-data";
import { optionalText, requiredText, z } from "./validation";

export const MONITORING_KIND = KINDS.monitoring;
export const RISKS_KIND = KINDS.risks;
export const riskLevels = ["low", "medium", "high"] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** A group needs at least this many members to be a "joint" group at all. */
export const MIN_MONITORING_MEMBERS = 3;

export function monitoringDataSchema(opts: { frequencies: string[]; groups: string[] }) {
  const member = z.object({
    id: z.string().max(40).optional(),
    name: requiredText(200),
    sex: z.enum(["f", "m"]),
    /** A vulnerable group id from templates/reference.json, when the member represents one. */
    group: z
      .string()
      .refine((g) => opts.groups.includes(g), { message: "errors.choose" })
      .optional(),
    organisation: optionalText(200),
  });
  return z.object({
    members: z.array(member).max(60).default([]),
    reportingFrequency: z
      .string()
      .refine((f) => opts.frequencies.includes(f), { message: "errors.choose" })
      .optional(),
    reportTo: optionalText(300),
  });
}
export type MonitoringData = z.infer<ReturnType<typeof monitoringDataSchema>>;

export function monitoringFormSchema(opts: { frequencies: string[]; groups: string[] }) {
  return monitoringDataSchema(opts).extend({ version: z.number().int().min(0) });
}

export const riskRowSchema = z.object({
  id: z.string().max(40).optional(),
  risk: requiredText(500),
  probability: z.enum(riskLevels),
  impact: z.enum(riskLevels),
  mitigation: requiredText(1000),
  owner: requiredText(200),
});
export const risksDataSchema = z.object({ rows: z.array(riskRowSchema).max(40).default([]) });
export type RisksData = z.infer<typeof risksDataSchema>;
export const risksFormSchema = risksDataSchema.extend({ version: z.number().int().min(0) });

export interface GroupComposition {
  total: number;
  women: number;
  womenShare: number;
  pwd: number;
  youth: number;
}

/** Who sits in the group: counted, never typed (the thresholds come from templates/thresholds.json). */
export function groupComposition(data: Pick<MonitoringData, "members"> | undefined): GroupComposition {
  const members = data?.members ?? [];
  const women = members.filter((m) => m.sex === "f").length;
  return {
    total: members.length,
    women,
    womenShare: members.length ? women / members.length : 0,
    pwd: members.filter((m) => m.group === "pwd").length,
    youth: members.filter((m) => m.group === "youth").length,
  };
}

/** Risk score for ordering and colouring: low 1 … high 3, multiplied. */
export function riskScore(r: { probability: RiskLevel; impact: RiskLevel }): number {
  return (riskLevels.indexOf(r.probability) + 1) * (riskLevels.indexOf(r.impact) + 1);
}

/** The M&E part of stage 12: a group of ≥3, a reporting frequency, at least one risk. */
export function reviewCompleteness(data: ProgramData): Completeness {
  const m = one<MonitoringData>(data, MONITORING_KIND)?.data;
  const r = one<RisksData>(data, RISKS_KIND)?.data;
  return countDone(
    [(m?.members.length ?? 0) >= MIN_MONITORING_MEMBERS, Boolean(m?.reportingFrequency), (r?.rows.length ?? 0) > 0],
    "completeness.review",
  );
}
