/**
 * Stage 2, working group: members, work calendar, and the composition check (share of women,
 * youth, members with disability, vulnerable groups represented) against templates/thresholds.json.
 * Pure: the thresholds and the groups present in the passport (T3) are passed in.
 */
import { countDone } from "./completeness";
import { KINDS, vulnerableGroupsPresent } from "./element-kinds";
import { one, type ProgramData } from "./program-data";
import { isoDate, optionalText, requiredText, wholeNumber, z } from "./validation";

export const WORKING_GROUP_KIND = KINDS.workingGroup;

export const memberSchema = z.object({
  id: z.string().max(40).optional(),
  fullName: requiredText(200),
  position: optionalText(200),
  organisation: optionalText(200),
  sex: z.enum(["f", "m"]),
  roleId: z.string().max(40).optional(),
  /** Vulnerable group ids (templates/reference.json vulnerableGroups) the member speaks for. */
  groups: z.array(z.string().max(40)).max(30).default([]),
  age: wholeNumber().min(14).max(100).optional(),
  /** For members who do not give their age: counted as youth. */
  youth: z.boolean().default(false),
  pwd: z.boolean().default(false),
});
export type Member = z.infer<typeof memberSchema>;

export const calendarRowSchema = z
  .object({
    id: z.string().max(40).optional(),
    activity: requiredText(300),
    start: isoDate(),
    end: isoDate(),
    responsible: optionalText(200),
  })
  .superRefine((r, ctx) => {
    // ISO dates compare correctly as strings.
    if (r.end < r.start) ctx.addIssue({ code: "custom", path: ["end"], message: "errors.endBeforeStart" });
  });
export type CalendarRow = z.infer<typeof calendarRowSchema>;

export const workingGroupDataSchema = z.object({
  members: z.array(memberSchema).max(60).default([]),
  calendar: z.array(calendarRowSchema).max(60).default([]),
});
export type WorkingGroupData = z.infer<typeof workingGroupDataSchema>;

export const workingGroupFormSchema = workingGroupDataSchema.extend({ version: z.number().int().min(0) });

export interface WorkingGroupThresholds {
  minWomenShare: number;
  minYouthShare: number;
  minPwdMembers: number;
  youthMaxAge: number;
}

export type CompositionCheckId = "women" | "youth" | "pwd" | "groups";
export interface CompositionCheck {
  id: CompositionCheckId;
  /** Share (0–1) for women/youth, a count for pwd, the number of groups represented for groups. */
  value: number;
  count: number;
  /** Required share or count; for groups the number of groups present in the passport. */
  threshold: number;
  ok: boolean;
}
export interface Composition {
  total: number;
  women: number;
  youth: number;
  pwd: number;
  groupsRepresented: string[];
  /** Groups counted in passport T3 that no member represents. */
  groupsMissing: string[];
  checks: CompositionCheck[];
  /** The numeric thresholds (women, youth, PWD) are met. Missing groups only warn. */
  ok: boolean;
}

export function isYouth(m: { age?: number | null; youth?: boolean }, youthMaxAge: number): boolean {
  return Boolean(m.youth) || (typeof m.age === "number" && m.age <= youthMaxAge);
}

type MemberLike = Pick<Member, "sex" | "age"> & { youth?: boolean; pwd?: boolean; groups?: string[] };

export function compositionCheck(members: MemberLike[], t: WorkingGroupThresholds, groupsPresent: string[] = []): Composition {
  const total = members.length;
  const women = members.filter((m) => m.sex === "f").length;
  const youth = members.filter((m) => isYouth(m, t.youthMaxAge)).length;
  const pwd = members.filter((m) => m.pwd).length;
  const share = (n: number) => (total > 0 ? n / total : 0);
  const represented = [...new Set(members.flatMap((m) => m.groups ?? []))];
  const missing = groupsPresent.filter((g) => !represented.includes(g));
  const checks: CompositionCheck[] = [
    { id: "women", value: share(women), count: women, threshold: t.minWomenShare, ok: total > 0 && share(women) >= t.minWomenShare },
    { id: "youth", value: share(youth), count: youth, threshold: t.minYouthShare, ok: total > 0 && share(youth) >= t.minYouthShare },
    { id: "pwd", value: pwd, count: pwd, threshold: t.minPwdMembers, ok: pwd >= t.minPwdMembers },
    { id: "groups", value: represented.length, count: represented.length, threshold: groupsPresent.length, ok: missing.length === 0 },
  ];
  return {
    total,
    women,
    youth,
    pwd,
    groupsRepresented: represented,
    groupsMissing: missing,
    checks,
    ok: checks.filter((c) => c.id !== "groups").every((c) => c.ok),
  };
}

export const MIN_MEMBERS = 3;

/** Completeness needs the thresholds, so the stage map gets it through this factory. */
export function workingGroupCompletenessWith(t: WorkingGroupThresholds) {
  return (data: ProgramData) => {
    const wg = one<WorkingGroupData>(data, WORKING_GROUP_KIND)?.data;
    const members = wg?.members ?? [];
    return countDone(
      [
        members.length >= MIN_MEMBERS,
        members.length > 0 && compositionCheck(members, t, vulnerableGroupsPresent(data)).ok,
        (wg?.calendar ?? []).length >= 1,
      ],
      "completeness.workingGroup",
    );
  };
}
