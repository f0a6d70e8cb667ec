/**
 * Stage 5, the inclusive lens: answers to the lens questions (templates/lens.json), the rule that
 * every answer other than "yes" is a gap that must lead somewhere, and the summaries built on it.
 * Pure: the lens template is passed in, so client code can validate with the same schema.
 */
import { actionsOf, KINDS, problemsOf, vulnerableGroupsPresent } from "./element-kinds";
import type { Completeness } from "./completeness";
import { one, type ProgramData } from "./program-data";
import { optionalText, z } from "./validation";
import type { Lens } from "~/methodology/schema";
import { lensAnswerIds, type LensAnswerId } from "~/methodology/lens-answers";

export const LENS_KIND = KINDS.lens;
export const OPEN_GAP_MESSAGE = "inclusion:lens.errors.openGap";

export const lensAnswerSchema = z.object({
  answer: z.enum(lensAnswerIds).optional(),
  evidence: optionalText(2000),
  problemIds: z.array(z.string().max(40)).max(50).default([]),
  actionIds: z.array(z.string().max(40)).max(100).default([]),
  justification: optionalText(2000),
});
export type LensAnswer = z.infer<typeof lensAnswerSchema>;
export interface LensData {
  answers: Record<string, LensAnswer>;
}

/** Links that exist outside the answer itself: actions that name the question (lensQuestionIds). */
export interface LensLinkContext {
  /** Ids of problems that still exist; links to deleted problems do not count. */
  problemIds?: readonly string[];
  /** Ids of actions that still exist. */
  actionIds?: readonly string[];
  /** Question ids some action says it answers. */
  questionsLinkedByActions?: readonly string[];
}

export function isGap(a: LensAnswer | undefined): boolean {
  return Boolean(a?.answer && a.answer !== "yes");
}

/** A gap is linked when it points to ≥1 existing problem or action (from either side). */
export function isLinked(questionId: string, a: LensAnswer | undefined, ctx: LensLinkContext = {}): boolean {
  if (!a) return false;
  const problems = ctx.problemIds ? a.problemIds.filter((id) => ctx.problemIds!.includes(id)) : a.problemIds;
  const actions = ctx.actionIds ? a.actionIds.filter((id) => ctx.actionIds!.includes(id)) : a.actionIds;
  return problems.length > 0 || actions.length > 0 || Boolean(ctx.questionsLinkedByActions?.includes(questionId));
}

export function isOpenGap(questionId: string, a: LensAnswer | undefined, ctx: LensLinkContext = {}): boolean {
  return isGap(a) && !isLinked(questionId, a, ctx) && !a?.justification?.trim();
}

/** Question ids whose answer is a gap with no problem, no action and no justification. */
export function openGaps(lens: LensData | undefined, ctx: LensLinkContext = {}): string[] {
  return Object.entries(lens?.answers ?? {})
    .filter(([id, a]) => isOpenGap(id, a, ctx))
    .map(([id]) => id);
}

export interface LensSummaryRow {
  blockId: string;
  questions: number;
  answered: number;
  gaps: number;
  linked: number;
  justified: number;
  open: number;
}

/** Per block and overall: how many questions are answered, how many are gaps, and where they lead. */
export function lensSummary(
  lens: LensData | undefined,
  template: Pick<Lens, "blocks">,
  ctx: LensLinkContext = {},
): { blocks: LensSummaryRow[]; total: LensSummaryRow } {
  const blocks = template.blocks.map((b) => {
    const row: LensSummaryRow = { blockId: b.id, questions: b.questions.length, answered: 0, gaps: 0, linked: 0, justified: 0, open: 0 };
    for (const q of b.questions) {
      const a = lens?.answers[q.id];
      if (!a?.answer) continue;
      row.answered += 1;
      if (!isGap(a)) continue;
      row.gaps += 1;
      if (isLinked(q.id, a, ctx)) row.linked += 1;
      else if (a.justification?.trim()) row.justified += 1;
      else row.open += 1;
    }
    return row;
  });
  const total = blocks.reduce(
    (t, r) => ({
      ...t,
      questions: t.questions + r.questions,
      answered: t.answered + r.answered,
      gaps: t.gaps + r.gaps,
      linked: t.linked + r.linked,
      justified: t.justified + r.justified,
      open: t.open + r.open,
    }),
    { blockId: "total", questions: 0, answered: 0, gaps: 0, linked: 0, justified: 0, open: 0 },
  );
  return { blocks, total };
}

/**
 * The form of one block: its questions' answers plus `version`. A gap that is neither linked nor
 * justified is refused with an error on the question (the lens may be filled over several
 * sessions, so unanswered questions are fine).
 */
export function lensBlockFormSchema(questionIds: readonly string[], ctx: Pick<LensLinkContext, "questionsLinkedByActions"> = {}) {
  const shape = Object.fromEntries(questionIds.map((id) => [id, lensAnswerSchema.optional()]));
  return z.object({ version: z.number().int().min(0), answers: z.object(shape).default({}) }).superRefine((v, ctx2) => {
    for (const id of questionIds) {
      const a = v.answers[id] as LensAnswer | undefined;
      if (isOpenGap(id, a, ctx)) ctx2.addIssue({ code: "custom", path: ["answers", id], message: OPEN_GAP_MESSAGE });
    }
  });
}

/** Merges one block's answers into the stored lens; blank questions are dropped. */
export function mergeBlockAnswers(
  stored: LensData | undefined,
  questionIds: readonly string[],
  submitted: Record<string, LensAnswer | undefined>,
): LensData {
  const answers = { ...(stored?.answers ?? {}) };
  for (const id of questionIds) {
    const a = submitted[id];
    const blank = !a || (!a.answer && !a.evidence && !a.justification && a.problemIds.length === 0 && a.actionIds.length === 0);
    if (blank) delete answers[id];
    else answers[id] = a;
  }
  return { answers };
}

export function lensDataOf(data: ProgramData): LensData | undefined {
  return one<LensData>(data, LENS_KIND)?.data;
}

/** What exists now in other stages, so that links to deleted problems or actions stop counting. */
export function lensLinkContext(data: ProgramData): Required<LensLinkContext> {
  const actions = actionsOf(data);
  return {
    problemIds: problemsOf(data).map((p) => p.id),
    actionIds: actions.map((a) => a.id),
    questionsLinkedByActions: [...new Set(actions.flatMap((a) => a.data.lensQuestionIds ?? []))],
  };
}

/** Vulnerable groups with a count in the passport, and whether at least one action targets each. */
export function vulnerableGroupCoverage(data: ProgramData): { groupId: string; actionCount: number }[] {
  const actions = actionsOf(data);
  return vulnerableGroupsPresent(data).map((groupId) => ({
    groupId,
    actionCount: actions.filter((a) => a.data.targetGroups?.includes(groupId)).length,
  }));
}

/** Complete when every question is answered and no gap is open. */
export function lensCompleteness(data: ProgramData, template: Pick<Lens, "blocks">): Completeness {
  const lens = lensDataOf(data);
  const summary = lensSummary(lens, template, lensLinkContext(data));
  const questions = summary.total.questions;
  // Each unanswered question and each open gap counts as one missing part.
  const missing = questions - summary.total.answered + summary.total.open;
  return { done: Math.max(0, questions - missing), total: questions, summaryKey: "completeness.inclusive_lens" };
}

export const answerTag: Record<LensAnswerId, "ok" | "warn" | "error" | "muted"> = {
  yes: "ok",
  partly: "warn",
  no: "error",
  no_data: "muted",
};
