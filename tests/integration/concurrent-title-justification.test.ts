/**
 * Issue #16, defect 9: the program title and the compliance justifications are guarded by
 * versions like elements are. Two editors load the same form; the second save gets 409 with both
 * values and changes nothing; saving again after seeing them is a deliberate overwrite; every
 * save is a revision in the history.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { action as checkAction, loader as checkLoader } from "~/routes/programs.$programId.check";
import { action as settingsAction, loader as settingsLoader } from "~/routes/programs.$programId.settings";
import { listJustifications } from "~/services/compliance.server";
import { createProgram, updateProgramMeta } from "~/services/programs.server";
import { cookieFor, get, post } from "../support/requests";
import { useTestDatabase, userIdByEmail } from "../support/test-db";

interface ConflictReply {
  conflict: { theirs: Record<string, unknown>; version: number; removed: boolean };
  result?: { initialValue?: Record<string, unknown>; error?: Record<string, string[]> };
  initialValue?: Record<string, unknown>;
  error?: Record<string, string[]>;
}

describe("concurrent editors of the title and the justifications", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  let planner: string;
  let coordinator: string;
  const params = () => ({ programId: String(programId) });
  const revisions = (kind: string) =>
    t.db
      .selectFrom("program_revision")
      .select(["change", "before", "after"])
      .where("program_id", "=", programId)
      .where("kind", "=", kind)
      .orderBy("id")
      .execute();

  beforeEach(async () => {
    t = useTestDatabase();
    const userId = await userIdByEmail(t, "planner@kok-jaiyk.demo");
    const m = await t.db.selectFrom("municipality").select("id").where("name_ru", "=", "Кок-Жайык айылный аймак").executeTakeFirstOrThrow();
    programId = await createProgram({
      municipalityId: m.id,
      title: "Исходное название",
      startYear: 2026,
      endYear: 2030,
      language: "ru",
      userId,
    });
    planner = await cookieFor("planner@kok-jaiyk.demo");
    coordinator = await cookieFor("coordinator@kok-jaiyk.demo");
  });
  afterEach(async () => {
    await t.close();
  });

  it("answers a stale rename with 409 and both titles, and keeps the first editor's title", async () => {
    const settings = async (cookie: string) =>
      (await (await settingsLoader({ request: get(`/programs/${programId}/settings`, cookie), params: params(), context: {} })).json()) as {
        version: number;
        programTitle: string;
      };
    const rename = (cookie: string, title: string, version: number) =>
      settingsAction({
        request: post(`/programs/${programId}/settings`, cookie, { intent: "rename", title, version: String(version) }),
        params: params(),
        context: {},
      });

    const loadedByPlanner = (await settings(planner)).version;
    const loadedByCoordinator = (await settings(coordinator)).version;
    expect(loadedByCoordinator).toBe(loadedByPlanner);
    expect((await rename(planner, "Название планировщика", loadedByPlanner)).status).toBe(302);

    const stale = await rename(coordinator, "Название координатора", loadedByCoordinator);
    expect(stale.status).toBe(409);
    const reply = (await (stale as Response).json()) as ConflictReply;
    expect(reply.conflict.theirs.title).toBe("Название планировщика");
    expect(reply.initialValue?.title).toBe("Название координатора");
    expect(reply.error?.[""]).toEqual(["errors.conflict"]);
    expect((await settings(planner)).programTitle).toBe("Название планировщика");

    // Having seen both, the coordinator saves again with the version the conflict gave.
    expect((await rename(coordinator, "Название координатора", reply.conflict.version)).status).toBe(302);
    expect((await settings(planner)).programTitle).toBe("Название координатора");
    expect((await revisions("program")).filter((r) => r.change === "update").map((r) => JSON.parse(r.after!).title)).toEqual([
      "Название планировщика",
      "Название координатора",
    ]);
  });

  it("counts a period change from the start-up page as a change of the program's version", async () => {
    const version = async () =>
      (await t.db.selectFrom("program").select("version").where("id", "=", programId).executeTakeFirstOrThrow()).version;
    const before = await version();
    const userId = await userIdByEmail(t, "coordinator@kok-jaiyk.demo");
    await updateProgramMeta(programId, { start_year: 2027, end_year: 2031 }, userId);
    expect(await version()).toBe(before + 1);
    // Saving the same values again changes nothing, so the version stays.
    await updateProgramMeta(programId, { start_year: 2027, end_year: 2031 }, userId);
    expect(await version()).toBe(before + 1);
  });

  it("answers a stale justification with 409 and both texts, also after a removal", async () => {
    const rule = async (cookie: string) =>
      (
        (await (await checkLoader({ request: get(`/programs/${programId}/check`, cookie), params: params(), context: {} })).json()) as {
          rules: { id: string; justificationVersion: number }[];
        }
      ).rules.find((r) => r.id === "r10")!;
    const justify = (cookie: string, text: string, version: number) =>
      checkAction({
        request: post(`/programs/${programId}/check`, cookie, { intent: "justify", ruleId: "r10", text, version: String(version) }),
        params: params(),
        context: {},
      });
    const stored = async () => (await listJustifications(t.db, programId)).r10?.text;

    const loadedByPlanner = (await rule(planner)).justificationVersion;
    const loadedByCoordinator = (await rule(coordinator)).justificationVersion;
    expect(loadedByPlanner).toBe(0);
    expect((await justify(planner, "Данные будут в мае", loadedByPlanner)).status).toBe(302);

    const stale = await justify(coordinator, "Совет решил иначе", loadedByCoordinator);
    expect(stale.status).toBe(409);
    const reply = (await (stale as Response).json()) as ConflictReply;
    expect(reply.conflict.theirs.text).toBe("Данные будут в мае");
    expect(reply.result?.initialValue?.text).toBe("Совет решил иначе");
    expect(await stored()).toBe("Данные будут в мае");

    expect((await justify(coordinator, "Совет решил иначе", reply.conflict.version)).status).toBe(302);
    expect(await stored()).toBe("Совет решил иначе");

    // The planner removes it; a form loaded before the removal cannot write over the removal.
    const beforeRemoval = (await rule(coordinator)).justificationVersion;
    expect((await justify(planner, "", (await rule(planner)).justificationVersion)).status).toBe(302);
    expect(await stored()).toBeUndefined();
    expect((await justify(coordinator, "Старая форма", beforeRemoval)).status).toBe(409);
    expect(await stored()).toBeUndefined();

    expect((await revisions("compliance_justification")).map((r) => r.change)).toEqual(["create", "update", "delete"]);
  });
});
