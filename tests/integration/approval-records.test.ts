/**
 * Issue #17, items 4 and 5: an approval record belongs to the version the council approved.
 * Reopening ends it (the document of the new draft shows no approval, the approved version still
 * does), a coordinator corrects or withdraws it with a reason (the old record stays in the
 * history), and a resolution date may be neither in the future nor before the program existed.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { documentOptions, exportInputs } from "~/services/downloads.server";
import { saveJustification, unjustifiedBlockersFor } from "~/services/compliance.server";
import type { ExpectedFailure } from "~/http/expected-failure";
import { approvalHistory, getApproval, transition } from "~/services/workflow.server";
import { useTestDatabase, userIdByEmail } from "../support/test-db";

const TODAY = new Date().toISOString().slice(0, 10);
const approval = { resolutionNumber: "19", resolutionDate: TODAY, chairName: "Ж. Асанов" };

describe("approval records", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  let coordinator: string;
  let deputy: string;
  let ministry: string;
  const act = (action: string, userId: string, role: "coordinator" | "deputy" | "ministry", extra: object = {}) =>
    transition({ programId, action, userId, roles: [role], ...extra });

  beforeEach(async () => {
    t = useTestDatabase();
    programId = (await t.db.selectFrom("program").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
    coordinator = await userIdByEmail(t, "coordinator@kok-jaiyk.demo");
    deputy = await userIdByEmail(t, "deputy@kok-jaiyk.demo");
    ministry = await userIdByEmail(t, "ministry@mec.demo");
    await act("submit_to_council", coordinator, "coordinator");
  });
  afterEach(async () => {
    await t.close();
  });

  it("refuses a resolution date in the future or before the program was created", async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const tried = (date: string) =>
      act("approve", deputy, "deputy", { approval: { ...approval, resolutionDate: date } }).then(
        () => null,
        (e: ExpectedFailure) => e.fieldErrors,
      );
    expect(await tried(tomorrow)).toEqual({ resolutionDate: ["review:errors.dateFuture"] });
    expect(await tried("2001-01-01")).toEqual({ resolutionDate: ["review:errors.dateBeforeProgram"] });
    expect(await getApproval(t.db, programId)).toBeNull();
    expect(await tried(TODAY)).toBeNull();
  });

  it("ends the approval when the program is reopened: the new draft's document has none, the approved version keeps it", async () => {
    const approved = await act("approve", deputy, "deputy", { approval });
    for (const r of await unjustifiedBlockersFor(t.db, programId))
      await saveJustification({ programId, ruleId: r.rule.id, text: "Будет исправлено.", userId: coordinator });
    await act("submit_to_ministry", coordinator, "coordinator");
    await act("return", ministry, "ministry", { comment: "Нет оценки рисков" });
    const reopened = await act("reopen", coordinator, "coordinator");

    expect(await getApproval(t.db, programId)).toBeNull();
    const live = documentOptions(await exportInputs(programId, null));
    expect(live.draft).toBe(true);
    expect(live.approval).toBeUndefined();
    expect((await exportInputs(programId, String(reopened.versionId))).approval).toBeNull();
    const old = documentOptions(await exportInputs(programId, String(approved.versionId)));
    expect(old.draft).toBe(false);
    expect(old.approval).toMatchObject({ resolutionNumber: "19" });

    const [record] = await approvalHistory(programId);
    expect(record).toMatchObject({ resolutionNumber: "19", endReason: "reopened", endedByName: expect.any(String) });
  });

  it("lets the coordinator correct a record with a reason, keeping the old one in the history", async () => {
    const approved = await act("approve", deputy, "deputy", { approval });
    await expect(
      act("correct_approval", deputy, "deputy", { approval: { ...approval, resolutionNumber: "20" }, comment: "Опечатка" }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      act("correct_approval", coordinator, "coordinator", { approval: { ...approval, resolutionNumber: "20" } }),
    ).rejects.toMatchObject({ status: 400 });
    await act("correct_approval", coordinator, "coordinator", {
      approval: { ...approval, resolutionNumber: "20" },
      comment: "Опечатка в номере",
    });

    expect(await getApproval(t.db, programId)).toMatchObject({ resolutionNumber: "20", versionId: approved.versionId });
    expect(await getApproval(t.db, programId, approved.versionId)).toMatchObject({ resolutionNumber: "20" });
    const history = await approvalHistory(programId);
    expect(history.map((h) => [h.resolutionNumber, h.endReason, h.endComment])).toEqual([
      ["20", null, null],
      ["19", "corrected", "Опечатка в номере"],
    ]);
  });

  it("lets the coordinator withdraw a record: the program goes back to the council and no document prints it", async () => {
    const approved = await act("approve", deputy, "deputy", { approval });
    await act("withdraw_approval", coordinator, "coordinator", { comment: "Решение записано ошибочно" });
    const status = (await t.db.selectFrom("program").select("status").where("id", "=", programId).executeTakeFirstOrThrow()).status;
    expect(status).toBe("council_review");
    expect(await getApproval(t.db, programId)).toBeNull();
    expect(await getApproval(t.db, programId, approved.versionId)).toBeNull();
    expect((await approvalHistory(programId))[0]).toMatchObject({ endReason: "withdrawn", endComment: "Решение записано ошибочно" });
  });
});
