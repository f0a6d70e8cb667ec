import { describe, expect, it } from "vitest";
import { buildProgramData, type ProgramMeta } from "~/domain/program-data";
import { compositionCheck, isYouth, workingGroupCompletenessWith, workingGroupFormSchema, type Member } from "~/domain/working-group";

const t = { minWomenShare: 0.3, minYouthShare: 0.1, minPwdMembers: 1, youthMaxAge: 29 };
const m = (over: Partial<Member> = {}): Member => ({ fullName: "X", sex: "m", groups: [], youth: false, pwd: false, ...over });

const program: ProgramMeta = {
  id: 1,
  title: "P",
  startYear: 2025,
  endYear: 2029,
  language: "ky",
  status: "draft",
  methodologyVersion: "x",
  municipality: { id: 1, nameRu: "A", nameKy: "A", kind: "aa", raion: "R", oblast: "O" },
};
const withElements = (els: { kind: string; data: unknown }[]) =>
  buildProgramData(
    program,
    els.map((e, i) => ({ id: `e${i}`, kind: e.kind, parent_id: null, position: i, version: 1, data: JSON.stringify(e.data) })),
  );

describe("compositionCheck", () => {
  it("counts women, youth (by age or flag), PWD and represented groups", () => {
    const members = [
      m({ sex: "f", age: 25, groups: ["women", "youth"] }),
      m({ sex: "f", pwd: true, groups: ["pwd"] }),
      m({ youth: true }),
      m({ age: 30 }),
      m({ age: 55, groups: ["women"] }),
    ];
    const c = compositionCheck(members, t, ["pwd", "elderly"]);
    expect(c.total).toBe(5);
    expect(c.women).toBe(2);
    expect(c.youth).toBe(2);
    expect(c.pwd).toBe(1);
    expect(c.groupsRepresented.sort()).toEqual(["pwd", "women", "youth"]);
    expect(c.groupsMissing).toEqual(["elderly"]);
    const byId = Object.fromEntries(c.checks.map((x) => [x.id, x]));
    expect(byId.women.value).toBeCloseTo(0.4);
    expect(byId.women.ok).toBe(true);
    expect(byId.youth.ok).toBe(true);
    expect(byId.pwd.ok).toBe(true);
    expect(byId.groups.ok).toBe(false);
    // Missing groups warn but do not fail the composition.
    expect(c.ok).toBe(true);
  });

  it("fails below the thresholds and for an empty group", () => {
    const c = compositionCheck([m(), m(), m(), m({ sex: "f" })], t);
    expect(c.checks.find((x) => x.id === "women")!.ok).toBe(false); // 25% < 30%
    expect(c.checks.find((x) => x.id === "youth")!.ok).toBe(false);
    expect(c.checks.find((x) => x.id === "pwd")!.ok).toBe(false);
    expect(c.ok).toBe(false);
    expect(compositionCheck([], t).ok).toBe(false);
  });

  it("the thresholds are inclusive", () => {
    const ten = Array.from({ length: 10 }, (_, i) => m({ sex: i < 3 ? "f" : "m", age: i === 0 ? 29 : 40, pwd: i === 9 }));
    expect(compositionCheck(ten, t).ok).toBe(true);
    expect(isYouth({ age: 29 }, 29)).toBe(true);
    expect(isYouth({ age: 30 }, 29)).toBe(false);
  });
});

describe("working group completeness and form", () => {
  it("needs 3 members, a balanced composition and a calendar row", () => {
    const complete = workingGroupCompletenessWith(t);
    expect(complete(withElements([])).done).toBe(0);
    const members = [m({ sex: "f", age: 22 }), m({ sex: "f", pwd: true }), m()];
    const data = withElements([
      { kind: "working_group", data: { members, calendar: [{ id: "c", activity: "A", start: "2025-01-01", end: "2025-02-01" }] } },
    ]);
    expect(complete(data)).toEqual({ done: 3, total: 3, summaryKey: "completeness.workingGroup" });
  });

  it("rejects a calendar row that ends before it starts", () => {
    const r = workingGroupFormSchema.safeParse({
      version: 0,
      members: [],
      calendar: [{ activity: "A", start: "2025-03-01", end: "2025-02-01" }],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(["calendar", 0, "end"]);
    expect(r.error!.issues[0].message).toBe("errors.endBeforeStart");
  });
});
