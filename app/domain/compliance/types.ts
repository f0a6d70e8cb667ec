/**
 * Shared shapes of the compliance checks (templates/compliance.json, rules r01–r35).
 * A rule is data (text, severity, params); its evaluator is a pure function over ProgramData
 * that answers pass / fail / na and names the exact elements behind the answer.
 */
import type { ProgramData } from "../program-data";
import { stageHref } from "../stage-paths";
import type { L, Methodology } from "~/methodology/schema";
import { levelsOf, methodologyFacts } from "../program-context";

export type RuleStatus = "pass" | "fail" | "na";

/** A value inside an evidence text: plain, a number (formatted by the reader's locale) or template text. */
export type EvidenceValue = string | number | L;

export interface Evidence {
  /** i18n key, namespace "compliance" (e.g. "evidence.fundingSum"). */
  key: string;
  values?: Record<string, EvidenceValue>;
  /** The element (or "elementId#rowId") the evidence is about. */
  elementId?: string;
  /** The page where it is fixed. */
  href?: string;
}

export interface RuleResult {
  status: RuleStatus;
  evidence: Evidence[];
}

/** Facts that live outside the program's elements (workflow records). `undefined`: not collected. */
export interface CheckContext {
  methodology: Pick<Methodology, "stages" | "reference" | "thresholds" | "passport" | "lens" | "gender" | "strategy">;
  /** The council's approval record (program_approval), null when none yet. */
  approval?: { resolutionNumber: string; resolutionDate: string } | null;
  /** The publication URL recorded when the program was published, null when none. */
  publicationUrl?: string | null;
}

/** The methodology facts a check reads (financing rules, strategy forms), projected once per methodology. */
export const factsOf = (ctx: CheckContext) => methodologyFacts(ctx.methodology);
/** Levels of the program's chosen strategy form. */
export const levelsIn = (data: ProgramData, ctx: CheckContext) => levelsOf(data, factsOf(ctx).strategy);

export type RuleParams = Record<string, string | number | boolean>;
export type Evaluator = (data: ProgramData, params: RuleParams, ctx: CheckContext) => RuleResult;

export const pass = (...evidence: Evidence[]): RuleResult => ({ status: "pass", evidence });
export const na = (key: string, values?: Record<string, EvidenceValue>): RuleResult => ({ status: "na", evidence: [{ key, values }] });
/** Fails when there is evidence, passes otherwise (the usual shape of "every X has Y"). */
/** A share 0..1 as a percentage with one decimal, for evidence texts. */
export const pct = (share: number) => Math.round(share * 1000) / 10;

export const failIfAny = (evidence: Evidence[], passEvidence: Evidence[] = []): RuleResult =>
  evidence.length > 0 ? { status: "fail", evidence } : { status: "pass", evidence: passEvidence };

export const ev = (key: string, values?: Record<string, EvidenceValue>, at?: { elementId?: string; href?: string }): Evidence => ({
  key: `evidence.${key}`,
  ...(values ? { values } : {}),
  ...(at?.elementId ? { elementId: at.elementId } : {}),
  ...(at?.href ? { href: at.href } : {}),
});

/** Where each kind of element is fixed. */
export const hrefs = {
  stage: (data: ProgramData, stageId: string) => stageHref(data.program.id, stageId),
  action: (data: ProgramData, id: string) => `${stageHref(data.program.id, "action_plan")}/${id}`,
  indicator: (data: ProgramData, id: string) => `${stageHref(data.program.id, "indicators")}/${id}`,
  newIndicator: (data: ProgramData, parentId: string) =>
    `${stageHref(data.program.id, "indicators")}/new?parentId=${encodeURIComponent(parentId)}`,
  node: (data: ProgramData, id: string) => `${stageHref(data.program.id, "strategy")}/${id}`,
  meeting: (data: ProgramData, id: string) => `${stageHref(data.program.id, "consultations")}/${id}`,
  lensBlock: (data: ProgramData, blockId: string) => `${stageHref(data.program.id, "inclusive_lens")}/${blockId}`,
  passport: (data: ProgramData, table: string) => `${stageHref(data.program.id, "passport")}#${table}`,
  forecast: (data: ProgramData) => `${stageHref(data.program.id, "situation")}/forecast`,
  settings: (data: ProgramData) => `/programs/${data.program.id}/settings`,
  review: (data: ProgramData) => `/programs/${data.program.id}/review`,
};

export const numParam = (params: RuleParams, name: string, fallback: number): number =>
  typeof params[name] === "number" ? (params[name] as number) : fallback;
export const listParam = (params: RuleParams, name: string): string[] =>
  typeof params[name] === "string"
    ? (params[name] as string)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
