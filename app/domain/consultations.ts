/**
 * Stage 7, consultations with the population: meeting protocols (who came, what they asked for)
 * and the participation summary that the gender stage and the DOCX reuse. Pure.
 */
import { countDone } from "./completeness";
import { KINDS, problemsOf, villagesOf } from "./element-kinds";
import { one, type ProgramData } from "./program-data";
import { count, errorKey, isoDate, oneOf, optionalText, requiredText, z } from "./validation";

export const CONSULTATIONS_KIND = KINDS.consultations;
/** The consultationFormats id (templates/reference.json) of a public hearing. */
export const PUBLIC_HEARING_FORMAT = "public_hearing";

export interface Priority {
  id: string;
  text: string;
  votes?: number | null;
  problemId?: string | null;
}
export interface Meeting {
  id: string;
  date: string;
  /** Absent: a meeting for all villages of the aimak. */
  villageId?: string | null;
  format: string;
  title?: string;
  men: number;
  women: number;
  /** "Of whom": counted among men + women. */
  pwd: number;
  youth: number;
  priorities: Priority[];
}
export interface ConsultationsData {
  meetings: Meeting[];
}

export function consultationsOf(data: ProgramData): Meeting[] {
  return one<ConsultationsData>(data, CONSULTATIONS_KIND)?.data.meetings ?? [];
}

/** A real calendar date (2025-02-30 is not). */
function isCalendarDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export interface MeetingLimits {
  /** Last year of the program: a meeting cannot be after its end. */
  endYear: number;
  formatIds: readonly string[];
  villageIds: readonly string[];
  problemIds: readonly string[];
}

/** The form of one meeting (its page), with the checks between fields. */
export function meetingFormSchema(limits: MeetingLimits) {
  const lastDay = `${limits.endYear}-12-31`;
  return z
    .object({
      version: z.number().int().min(0),
      id: z.string().max(40).optional(),
      date: isoDate()
        .refine(isCalendarDate, { message: "errors.date" })
        .refine((d) => d <= lastDay, { message: errorKey("analysis:errors.dateAfterEnd", { end: limits.endYear }) }),
      villageId: oneOf(limits.villageIds).optional(),
      format: oneOf(limits.formatIds),
      title: optionalText(200),
      men: count(),
      women: count(),
      pwd: count(),
      youth: count(),
      priorities: z
        .array(
          z.object({
            id: z.string().max(40).optional(),
            text: requiredText(300),
            votes: count().optional(),
            problemId: oneOf(limits.problemIds).optional(),
          }),
        )
        .max(30)
        .default([]),
    })
    .superRefine((m, ctx) => {
      for (const key of ofWhomErrors(m)) {
        ctx.addIssue({ code: "custom", path: [key], message: errorKey("analysis:errors.ofWhomTooMany", { max: m.men + m.women }) });
      }
    });
}

/** PWD and youth are "of whom": each must fit within the men and women counted. */
export function ofWhomErrors(m: { men: number; women: number; pwd: number; youth: number }): ("pwd" | "youth")[] {
  const total = m.men + m.women;
  return (["pwd", "youth"] as const).filter((k) => m[k] > total);
}

export interface ParticipationSummary {
  meetings: number;
  participants: number;
  men: number;
  women: number;
  /** women / participants, null when nobody is counted. */
  womenShare: number | null;
  pwd: number;
  youth: number;
  publicHearings: number;
  villagesTotal: number;
  villagesCovered: number;
  /** Passport villages without a meeting of their own. */
  uncoveredVillageIds: string[];
  priorities: number;
  prioritiesLinked: number;
  prioritiesUnlinked: number;
}

/**
 * Totals over all meetings. A meeting "for all villages" does not cover each village: the
 * methodology asks for meetings held in the villages themselves.
 * A priority counts as linked only if its problem still exists in the problem table.
 */
export function participationSummary(data: ProgramData): ParticipationSummary {
  const meetings = consultationsOf(data);
  const villages = villagesOf(data);
  const problemIds = new Set(problemsOf(data).map((p) => p.id));
  const sum = (f: (m: Meeting) => number) => meetings.reduce((acc, m) => acc + (Number(f(m)) || 0), 0);
  const men = sum((m) => m.men);
  const women = sum((m) => m.women);
  const covered = new Set(meetings.map((m) => m.villageId).filter((v): v is string => Boolean(v)));
  const priorities = meetings.flatMap((m) => m.priorities ?? []);
  const linked = priorities.filter((p) => p.problemId && problemIds.has(p.problemId)).length;
  return {
    meetings: meetings.length,
    participants: men + women,
    men,
    women,
    womenShare: men + women > 0 ? women / (men + women) : null,
    pwd: sum((m) => m.pwd),
    youth: sum((m) => m.youth),
    publicHearings: meetings.filter((m) => m.format === PUBLIC_HEARING_FORMAT).length,
    villagesTotal: villages.length,
    villagesCovered: villages.filter((v) => covered.has(v.id)).length,
    uncoveredVillageIds: villages.filter((v) => !covered.has(v.id)).map((v) => v.id),
    priorities: priorities.length,
    prioritiesLinked: linked,
    prioritiesUnlinked: priorities.length - linked,
  };
}

export function consultationsParts(data: ProgramData) {
  const s = participationSummary(data);
  return {
    summary: s,
    hasMeeting: s.meetings > 0,
    // Without any meeting nothing is covered, even before the passport lists villages.
    villagesCovered: s.meetings > 0 && s.uncoveredVillageIds.length === 0,
    hasPublicHearing: s.publicHearings > 0,
    prioritiesLinked: s.priorities > 0 && s.prioritiesUnlinked === 0,
  };
}

export function consultationsCompleteness(data: ProgramData) {
  const p = consultationsParts(data);
  return countDone([p.hasMeeting, p.villagesCovered, p.hasPublicHearing, p.prioritiesLinked], "completeness.consultations");
}

/** Meetings in date order (the table order of the annex), ties by entry order. */
export function meetingsByDate(meetings: readonly Meeting[]): Meeting[] {
  return meetings
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.date.localeCompare(b.m.date) || a.i - b.i)
    .map(({ m }) => m);
}
