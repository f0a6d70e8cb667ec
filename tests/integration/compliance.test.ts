import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { action as checkAction, loader as checkLoader } from "~/routes/programs.$programId.check";
import {
  complianceReport,
  latestFindings,
  listJustifications,
  saveJustification,
  unjustifiedBlockersFor,
} from "~/services/compliance.server";
import { ministryDashboard } from "~/services/ministry-dashboard.server";
import { createProgram } from "~/services/programs.server";
import { cookieFor, post as postTo, statusOf } from "../support/requests";
import { useTestDatabase, userIdByEmail } from "../support/test-db";

const post = (programId: number, cookie: string, fields: Record<string, string>) => postTo(`/programs/${programId}/check`, cookie, fields);

describe("compliance storage and access", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  let userId: string;
  beforeEach(async () => {
    t = useTestDatabase();
    userId = await userIdByEmail(t, "planner@kok-jaiyk.demo");
    const m = await t.db.selectFrom("municipality").select("id").where("name_ru", "=", "Кок-Жайык айылный аймак").executeTakeFirstOrThrow();
    programId = await createProgram({ municipalityId: m.id, title: "Проверка", startYear: 2026, endYear: 2030, language: "ru", userId });
  });
  afterEach(async () => {
    await t.close();
  });

  it("refuses submission while a blocker fails unjustified, and allows it once each is justified", async () => {
    const blockers = await unjustifiedBlockersFor(t.db, programId);
    expect(blockers.map((b) => b.rule.id)).toEqual(expect.arrayContaining(["r01", "r10", "r11", "r13", "r19"]));
    for (const b of blockers) await saveJustification({ programId, ruleId: b.rule.id, text: `Причина ${b.rule.number}`, userId });
    expect(await unjustifiedBlockersFor(t.db, programId)).toEqual([]);
    const stored = await listJustifications(t.db, programId);
    expect(stored.r10.text).toBe("Причина 10");
    expect(stored.r10.userName).toBeTruthy();
    // Saving again edits in place; an empty text removes it and the gate closes again.
    await saveJustification({ programId, ruleId: "r10", text: "Новая причина", userId });
    expect((await listJustifications(t.db, programId)).r10.text).toBe("Новая причина");
    await saveJustification({ programId, ruleId: "r10", text: "  ", userId });
    expect((await unjustifiedBlockersFor(t.db, programId)).map((b) => b.rule.id)).toEqual(["r10"]);
  });

  it("reads the council approval for rule 33 once the program is approved", async () => {
    await t.db.updateTable("program").set({ status: "approved" }).where("id", "=", programId).execute();
    let { report } = await complianceReport(t.db, programId);
    expect(report.rules.find((r) => r.rule.id === "r33")!.status).toBe("fail");
    const version = await t.db
      .insertInto("program_version")
      .values({
        program_id: programId,
        number: 1,
        status: "approved",
        snapshot: "{}",
        comment: null,
        created_by: userId,
        created_at: new Date().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("program_approval")
      .values({
        program_id: programId,
        version_id: version.id,
        resolution_number: "7",
        resolution_date: "2026-02-01",
        chair_name: "Төрага",
        recorded_by: userId,
        created_at: new Date().toISOString(),
      })
      .execute();
    ({ report } = await complianceReport(t.db, programId));
    expect(report.rules.find((r) => r.rule.id === "r33")!.status).toBe("pass");
  });

  it("lets only the working group justify, and only ministry staff record findings on a submitted program", async () => {
    const planner = await cookieFor("planner@kok-jaiyk.demo");
    const ministry = await cookieFor("ministry@mec.demo");
    const params = { programId: String(programId) };
    const justify = { intent: "justify", ruleId: "r10", text: "Мероприятий пока нет" };
    expect(await statusOf(checkAction({ request: post(programId, planner, justify), params, context: {} }))).toBe(302);
    expect((await listJustifications(t.db, programId)).r10.text).toBe("Мероприятий пока нет");

    await t.db.updateTable("program").set({ status: "submitted" }).where("id", "=", programId).execute();
    const finding = { intent: "finding", ruleId: "r10", verdict: "disagree", comment: "Нужны мероприятия" };
    expect(await statusOf(checkAction({ request: post(programId, planner, finding), params, context: {} }))).toBe(403);
    expect(await statusOf(checkAction({ request: post(programId, ministry, justify), params, context: {} }))).toBe(403);
    expect(
      await statusOf(checkAction({ request: post(programId, ministry, { intent: "finding", ruleId: "r10" }), params, context: {} })),
    ).toBe(400);
    expect(await statusOf(checkAction({ request: post(programId, ministry, finding), params, context: {} }))).toBe(302);
    const findings = await latestFindings(t.db, programId);
    expect(findings.r10).toMatchObject({ agree: false, comment: "Нужны мероприятия" });

    // The ministry reads the same report; the loader says who may do what.
    const page = await (
      await checkLoader({
        request: new Request(`http://localhost/programs/${programId}/check`, { headers: { cookie: ministry } }),
        params,
        context: {},
      })
    ).json();
    expect(page.canRecordFinding).toBe(true);
    expect(page.canJustify).toBe(false);
    expect(page.rules.find((r: { id: string }) => r.id === "r10")!.finding!.agree).toBe(false);
  });

  it("builds the dashboard over submitted programs with filters", async () => {
    await t.db.updateTable("program").set({ status: "submitted" }).where("id", "=", programId).execute();
    const all = await ministryDashboard({});
    expect(all.rows.map((r) => r.id)).toContain(programId);
    expect(all.options.oblasts).toContainEqual({ value: "naryn", label: "Нарынская область" });
    // Filters carry codes; their labels and the order follow the page's language.
    expect((await ministryDashboard({}, "ky")).options.oblasts).toContainEqual({ value: "naryn", label: "Нарын облусу" });
    expect((await ministryDashboard({ oblast: "naryn" }, "en")).options.raions).toEqual([
      { value: "naryn.kochkor", label: "Kochkor District" },
    ]);
    expect(all.passRates).toHaveLength(35);
    const cached = await t.db
      .selectFrom("compliance_summary")
      .select(["program_id", "fingerprint"])
      .where("program_id", "=", programId)
      .executeTakeFirstOrThrow();
    // A change to the program (here its status) changes the fingerprint: the row is recomputed, not served stale.
    await t.db.updateTable("program").set({ status: "returned" }).where("id", "=", programId).execute();
    const again = await ministryDashboard({ status: "returned" });
    expect(again.rows.map((r) => [r.id, r.status])).toEqual([[programId, "returned"]]);
    const recomputed = await t.db
      .selectFrom("compliance_summary")
      .select("fingerprint")
      .where("program_id", "=", programId)
      .executeTakeFirstOrThrow();
    expect(recomputed.fingerprint).not.toBe(cached.fingerprint);
    const other = await ministryDashboard({ oblast: "issyk-kul" });
    expect(other.rows.map((r) => r.id)).not.toContain(programId);
  });
});
