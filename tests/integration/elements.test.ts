import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteElement, saveElement, VersionConflict } from "~/services/elements.server";
import { createProgram } from "~/services/programs.server";
import { listRevisions } from "~/models/program-element.server";
import { useTestDatabase, userIdByEmail } from "../support/test-db";

describe("saving program elements", () => {
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

  it("records a revision with before and after for every save", async () => {
    const first = await saveElement({
      programId,
      kind: "startup",
      singleton: true,
      data: { orderNumber: "1" },
      expectedVersion: 0,
      userId,
    });
    expect(first.version).toBe(1);
    const second = await saveElement({
      programId,
      kind: "startup",
      singleton: true,
      data: { orderNumber: "2" },
      expectedVersion: 1,
      userId,
    });
    expect(second).toEqual({ id: first.id, version: 2 });
    const revisions = (await listRevisions(t.db, programId)).filter((r) => r.kind === "startup");
    expect(revisions.map((r) => r.change)).toEqual(["update", "create"]);
    expect(JSON.parse(revisions[0].before!)).toEqual({ orderNumber: "1" });
    expect(JSON.parse(revisions[0].after!)).toEqual({ orderNumber: "2" });
    expect(revisions[0].userName).toBeTruthy();
  });

  it("refuses a save from a stale form and keeps the stored data", async () => {
    await saveElement({ programId, kind: "startup", singleton: true, data: { orderNumber: "A" }, expectedVersion: 0, userId });
    await saveElement({ programId, kind: "startup", singleton: true, data: { orderNumber: "B" }, expectedVersion: 1, userId });
    const stale = saveElement({ programId, kind: "startup", singleton: true, data: { orderNumber: "C" }, expectedVersion: 1, userId });
    await expect(stale).rejects.toBeInstanceOf(VersionConflict);
    const err = (await stale.catch((e: unknown) => e)) as VersionConflict;
    expect(err.current?.data).toEqual({ orderNumber: "B" });
    expect(err.current?.version).toBe(2);
    const row = await t.db
      .selectFrom("program_element")
      .select(["data", "version"])
      .where("program_id", "=", programId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.data)).toEqual({ orderNumber: "B" });
    expect(row.version).toBe(2);
  });

  it("treats a second 'create' of a singleton as a conflict, not a duplicate", async () => {
    await saveElement({ programId, kind: "startup", singleton: true, data: { a: 1 }, expectedVersion: 0, userId });
    await expect(
      saveElement({ programId, kind: "startup", singleton: true, data: { a: 2 }, expectedVersion: 0, userId }),
    ).rejects.toBeInstanceOf(VersionConflict);
  });

  it("deletes an element with its children and records each deletion", async () => {
    const parent = await saveElement({ programId, kind: "node", data: { n: 1 }, expectedVersion: 0, userId });
    const child = await saveElement({ programId, kind: "node", parentId: parent.id, data: { n: 2 }, expectedVersion: 0, userId });
    const removed = await deleteElement({ programId, id: parent.id, expectedVersion: 1, userId });
    expect(removed).toEqual([parent.id, child.id]);
    const left = await t.db.selectFrom("program_element").select("id").where("program_id", "=", programId).execute();
    expect(left).toEqual([]);
    const deletions = (await listRevisions(t.db, programId)).filter((r) => r.change === "delete");
    expect(deletions).toHaveLength(2);
  });
});
