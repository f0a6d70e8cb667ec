import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteElement, saveElement, VersionConflict } from "~/services/elements.server";
import { createProgram } from "~/services/programs.server";
import { listRevisions } from "~/models/program-element.server";
import { loadProgramData } from "~/services/program-data.server";
import { actionPlanGroups } from "~/domain/tables/action-plan";
import { useTestDatabase, userIdByEmail } from "../support/test-db";

const action = (title: string) => ({
  title,
  type: "project",
  responsible: "Deputy head",
  startYear: 2026,
  endYear: 2026,
  totalCost: 100,
  funding: { local: 100 },
  byYear: { "2026": 100 },
  beneficiaries: {},
  tags: { inclusive: false, gender: false, climate: false },
  addsUnpaidCare: false,
  targetGroups: [],
  problemIds: [],
  lensQuestionIds: [],
  priorityIds: [],
});

describe("strategy and actions in the database", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  let userId: string;
  beforeEach(async () => {
    t = useTestDatabase();
    userId = await userIdByEmail(t, "planner@kok-jaiyk.demo");
    const m = await t.db.selectFrom("municipality").select("id").orderBy("id").executeTakeFirstOrThrow();
    programId = await createProgram({ municipalityId: m.id, title: "Test", startYear: 2026, endYear: 2030, language: "ru", userId });
  });
  afterEach(async () => {
    await t.close();
  });

  async function tree() {
    const node = (title: string, parentId: string | null) =>
      saveElement({
        programId,
        kind: "strategy_node",
        parentId,
        data: { title, nationalPrograms: [], priorityIds: [], problemIds: [] },
        expectedVersion: 0,
        userId,
      });
    const dir = await node("Direction", null);
    const goal = await node("Goal", dir.id);
    const obj = await node("Objective", goal.id);
    const keep = await node("Other objective", goal.id);
    const a1 = await saveElement({ programId, kind: "action", parentId: obj.id, data: action("A1"), expectedVersion: 0, userId });
    const a2 = await saveElement({ programId, kind: "action", parentId: obj.id, data: action("A2"), expectedVersion: 0, userId });
    const a3 = await saveElement({ programId, kind: "action", parentId: keep.id, data: action("A3"), expectedVersion: 0, userId });
    const ind = await saveElement({ programId, kind: "indicator", parentId: a1.id, data: { title: "Output" }, expectedVersion: 0, userId });
    return { dir, goal, obj, keep, a1, a2, a3, ind };
  }

  it("deleting an objective removes its actions and their indicators, each with a revision", async () => {
    const { obj, a1, a2, a3, ind } = await tree();
    const removed = await deleteElement({ programId, id: obj.id, expectedVersion: 1, userId });
    expect(new Set(removed)).toEqual(new Set([obj.id, a1.id, a2.id, ind.id]));
    const left = await t.db
      .selectFrom("program_element")
      .select("id")
      .where("program_id", "=", programId)
      .where("kind", "=", "action")
      .execute();
    expect(left.map((r) => r.id)).toEqual([a3.id]);
    const deletions = (await listRevisions(t.db, programId)).filter((r) => r.change === "delete");
    expect(new Set(deletions.map((r) => r.element_id))).toEqual(new Set(removed));
    expect(JSON.parse(deletions.find((r) => r.element_id === a1.id)!.before!).title).toBe("A1");
    const data = await loadProgramData(t.db, programId);
    expect(actionPlanGroups(data, 3).map((g) => [g.objective.number, g.rows.map((r) => r.number)])).toEqual([["1.1.1", ["1.1.1.1"]]]);
  });

  it("refuses a stale action form with VersionConflict and keeps the newer data", async () => {
    const { obj, a1 } = await tree();
    await saveElement({
      programId,
      kind: "action",
      id: a1.id,
      parentId: obj.id,
      data: { ...action("A1"), totalCost: 200, funding: { local: 200 }, byYear: { "2026": 200 } },
      expectedVersion: 1,
      userId,
    });
    const stale = saveElement({
      programId,
      kind: "action",
      id: a1.id,
      parentId: obj.id,
      data: action("A1 stale"),
      expectedVersion: 1,
      userId,
    });
    await expect(stale).rejects.toBeInstanceOf(VersionConflict);
    const err = (await stale.catch((e: unknown) => e)) as VersionConflict;
    expect((err.current?.data as { totalCost: number }).totalCost).toBe(200);
    expect(err.current?.version).toBe(2);
  });

  it("a form for an action deleted meanwhile gets a conflict, not a new row", async () => {
    const { obj, a2 } = await tree();
    await deleteElement({ programId, id: a2.id, expectedVersion: 1, userId });
    await expect(
      saveElement({ programId, kind: "action", id: a2.id, parentId: obj.id, data: action("A2"), expectedVersion: 1, userId }),
    ).rejects.toBeInstanceOf(VersionConflict);
  });
});
