import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { requireProgram } from "~/services/program-access.server";
import { describeAnchor } from "~/domain/comments";
import { diffSnapshots } from "~/domain/version-diff";
import { WORKFLOW_ACTIONS } from "~/domain/workflow";
import { listRevisions } from "~/models/program-element.server";
import { action as commentsAction } from "~/routes/programs.$programId.comments";
import { action as statusAction } from "~/routes/programs.$programId.status";
import { action as versionsAction } from "~/routes/programs.$programId.versions._index";
import { listComments } from "~/services/comments.server";
import { saveJustification, unjustifiedBlockersFor } from "~/services/compliance.server";
import { deleteElement, saveElement } from "~/services/elements.server";
import { loadProgramData } from "~/services/program-data.server";
import { createProgram } from "~/services/programs.server";
import * as workflowService from "~/services/workflow.server";
import { getApproval, listVersions, loadSnapshot, loadVersionData, transition } from "~/services/workflow.server";
import { cookieFor, post, statusOf } from "../support/requests";
import { useTestDatabase, userIdByEmail } from "../support/test-db";

const EMAILS = {
  planner: "planner@kok-jaiyk.demo",
  coordinator: "coordinator@kok-jaiyk.demo",
  deputy: "deputy@kok-jaiyk.demo",
  ministry: "ministry@mec.demo",
  admin: "admin@kadam.demo",
  other: "planner@other.demo",
} as const;
type Who = keyof typeof EMAILS;
/** A resolution date may be neither in the future nor before the program was created (today, in the test database). */
const TODAY = new Date().toISOString().slice(0, 10);

/** Full form values for every action, so a refusal is never about a missing field. */
const FIELDS: Record<string, Record<string, string>> = {
  request_changes: { comment: "Добавьте индикаторы" },
  approve: { resolutionNumber: "14/2", resolutionDate: TODAY, chairName: "Т. Осмонов" },
  correct_approval: { resolutionNumber: "14/3", resolutionDate: TODAY, chairName: "Т. Осмонов", comment: "Опечатка в номере" },
  withdraw_approval: { comment: "Решение записано ошибочно" },
  return: { comment: "Нет оценки рисков" },
  publish: { publicationUrl: "https://kok-jaiyk.kg/program" },
};

describe("review workflow", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  let ids: Record<Who, string>;
  let cookies: Record<Who, string>;
  beforeEach(async () => {
    t = useTestDatabase();
    ids = {} as Record<Who, string>;
    cookies = {} as Record<Who, string>;
    for (const who of Object.keys(EMAILS) as Who[]) {
      ids[who] = await userIdByEmail(t, EMAILS[who]);
      cookies[who] = await cookieFor(EMAILS[who]);
    }
    const m = await t.db.selectFrom("municipality").select("id").where("name_ru", "=", "Кок-Жайык айылный аймак").executeTakeFirstOrThrow();
    programId = await createProgram({
      municipalityId: m.id,
      title: "Сынак программа",
      startYear: 2026,
      endYear: 2030,
      language: "ky",
      userId: ids.planner,
    });
  });
  afterEach(async () => {
    await t.close();
  });

  const act = (who: Who, action: string, extra: Record<string, string> = {}) =>
    statusOf(
      statusAction({
        request: post(`/programs/${programId}/status`, cookies[who], { action, ...(FIELDS[action] ?? {}), ...extra }),
        params: { programId: String(programId) },
        context: {},
      }),
    );
  const statusNow = async () =>
    (await t.db.selectFrom("program").select("status").where("id", "=", programId).executeTakeFirstOrThrow()).status;

  async function justifyBlockers() {
    for (const b of await unjustifiedBlockersFor(t.db, programId))
      await saveJustification({ programId, ruleId: b.rule.id, text: "Обоснование", userId: ids.planner });
  }

  it("enforces the transition table for every role along the whole path (403, or 404 when the program is hidden)", async () => {
    const path: [string, Who, string][] = [
      ["draft", "coordinator", "submit_to_council"],
      ["council_review", "deputy", "request_changes"],
      ["changes_requested", "coordinator", "resubmit"],
      ["council_review", "deputy", "approve"],
      ["approved", "coordinator", "submit_to_ministry"],
      ["submitted", "ministry", "return"],
      ["returned", "coordinator", "reopen"],
    ];
    const allowedAt: Record<string, Partial<Record<Who, string[]>>> = {
      draft: { coordinator: ["submit_to_council"] },
      council_review: { deputy: ["request_changes", "approve"] },
      changes_requested: { coordinator: ["resubmit"] },
      approved: { coordinator: ["submit_to_ministry", "correct_approval", "withdraw_approval"] },
      submitted: { ministry: ["return", "accept"] },
      returned: { coordinator: ["reopen"] },
    };
    const ministryVisible = ["submitted", "returned", "accepted", "published"];
    for (const [status, actor, action] of path) {
      expect(await statusNow()).toBe(status);
      for (const who of Object.keys(EMAILS) as Who[]) {
        for (const a of WORKFLOW_ACTIONS.filter((x) => x !== "restore")) {
          if (allowedAt[status][who]?.includes(a)) continue;
          const hidden = who === "other" || who === "admin" || (who === "ministry" && !ministryVisible.includes(status));
          expect(await act(who, a), `${who} ${a} at ${status}`).toBe(hidden ? 404 : 403);
        }
      }
      if (action === "submit_to_ministry") {
        // The compliance gate refuses while blockers are unjustified.
        expect(await act(actor, action)).toBe(403);
        await justifyBlockers();
      }
      expect(await act(actor, action), `${actor} ${action} at ${status}`).toBe(302);
    }
    expect(await statusNow()).toBe("draft");
    const transitions = await workflowService.listTransitions(t.db, programId);
    expect(transitions.map((x) => x.action).reverse()).toEqual(path.map((p) => p[2]));
    expect(transitions.every((x) => x.version_id !== null && x.userName)).toBe(true);
    expect((await listVersions(programId)).map((v) => v.number)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it("goes on to accepted and published, and requires the findings, the resolution and the URL", async () => {
    expect(await act("coordinator", "submit_to_council")).toBe(302);
    expect(await act("deputy", "approve", { resolutionNumber: "" })).toBe(400);
    expect(await act("deputy", "approve", { chairName: "" })).toBe(400);
    expect(await statusNow()).toBe("council_review");
    expect(await act("deputy", "approve")).toBe(302);
    await justifyBlockers();
    expect(await act("coordinator", "submit_to_ministry")).toBe(302);
    expect(await act("ministry", "return", { comment: " " })).toBe(400);
    expect(await act("ministry", "accept")).toBe(302);
    expect(await act("coordinator", "publish", { publicationUrl: "" })).toBe(400);
    expect(await act("coordinator", "publish")).toBe(302);
    expect(await statusNow()).toBe("published");
    expect(await getApproval(t.db, programId)).toMatchObject({ resolutionNumber: "14/2", resolutionDate: TODAY, chairName: "Т. Осмонов" });
    const log = await workflowService.listTransitions(t.db, programId);
    expect(JSON.parse(log[0].details!)).toEqual({ publicationUrl: "https://kok-jaiyk.kg/program" });
  });

  it("refuses editing outside draft and changes_requested", async () => {
    const editAs = async (who: Who) =>
      statusOf(
        requireProgram(
          new Request(`http://localhost/programs/${programId}`, { headers: { cookie: cookies[who] } }),
          String(programId),
          "edit",
        ),
      );
    await requireProgram(
      new Request(`http://localhost/programs/${programId}`, { headers: { cookie: cookies.planner } }),
      String(programId),
      "edit",
    );
    await transition({ programId, action: "submit_to_council", userId: ids.coordinator, roles: ["coordinator"] });
    expect(await editAs("planner")).toBe(403);
    expect(await editAs("coordinator")).toBe(403);
    await transition({ programId, action: "request_changes", userId: ids.deputy, roles: ["deputy"], comment: "Исправьте" });
    const access = await requireProgram(
      new Request(`http://localhost/programs/${programId}`, { headers: { cookie: cookies.planner } }),
      String(programId),
      "edit",
    );
    expect(access.canEdit).toBe(true);
  });

  it("freezes immutable snapshots and compares two versions", async () => {
    const action = await saveElement({
      programId,
      kind: "action",
      data: { title: "Суу түтүгү", totalCost: 1200 },
      expectedVersion: 0,
      userId: ids.planner,
    });
    const v1 = await transition({ programId, action: "submit_to_council", userId: ids.coordinator, roles: ["coordinator"] });
    await transition({ programId, action: "request_changes", userId: ids.deputy, roles: ["deputy"], comment: "Кымбат" });
    await saveElement({
      programId,
      kind: "action",
      id: action.id,
      data: { title: "Суу түтүгү", totalCost: 900 },
      expectedVersion: 1,
      userId: ids.planner,
    });
    await saveElement({ programId, kind: "indicator", data: { name: "Үй-бүлөлөр", unit: "%" }, expectedVersion: 0, userId: ids.planner });
    const v3 = await transition({ programId, action: "resubmit", userId: ids.coordinator, roles: ["coordinator"] });

    // The edit after version 1 did not touch it.
    const first = await loadSnapshot(t.db, v1.versionId);
    expect(JSON.parse(first!.snapshot.elements.find((e) => e.id === action.id)!.data).totalCost).toBe(1200);
    expect(first!.snapshot.program.status).toBe("council_review");
    // No update path: the service exports none, and the database refuses one.
    expect(Object.keys(workflowService).filter((k) => /update|edit|save/i.test(k))).toEqual([]);
    await expect(t.db.updateTable("program_version").set({ snapshot: "{}" }).where("id", "=", v1.versionId).execute()).rejects.toThrow(
      /immutable/,
    );

    const diff = diffSnapshots(first!.snapshot, (await loadSnapshot(t.db, v3.versionId))!.snapshot);
    expect(diff.elements.find((e) => e.id === action.id)).toMatchObject({
      change: "changed",
      fields: [{ path: "totalCost", before: "1200", after: "900" }],
    });
    expect(diff.elements.find((e) => e.kind === "indicator")?.change).toBe("added");

    const data = await loadVersionData(t.db, v1.versionId);
    expect(data.program).toMatchObject({ id: programId, title: "Сынак программа", status: "council_review" });
    expect(data.byKind.action[0].data).toEqual({ title: "Суу түтүгү", totalCost: 1200 });
  });

  it("restores an older version as a new draft, keeping the whole history", async () => {
    const a = await saveElement({ programId, kind: "action", data: { title: "A" }, expectedVersion: 0, userId: ids.planner });
    const v1 = await transition({ programId, action: "submit_to_council", userId: ids.coordinator, roles: ["coordinator"] });
    await transition({ programId, action: "request_changes", userId: ids.deputy, roles: ["deputy"], comment: "…" });
    await saveElement({ programId, kind: "action", id: a.id, data: { title: "A2" }, expectedVersion: 1, userId: ids.planner });
    const b = await saveElement({ programId, kind: "action", data: { title: "B" }, expectedVersion: 0, userId: ids.planner });
    const child = await saveElement({
      programId,
      kind: "indicator",
      parentId: a.id,
      data: { name: "I" },
      expectedVersion: 0,
      userId: ids.planner,
    });
    await deleteElement({ programId, id: child.id, expectedVersion: 1, userId: ids.planner });
    const before = (await listRevisions(t.db, programId, 1000)).length;

    // Only a coordinator may restore (planner 403 through the page), then it works.
    const restore = (who: Who) =>
      statusOf(
        versionsAction({
          request: post(`/programs/${programId}/versions`, cookies[who], { action: "restore", versionId: String(v1.versionId) }),
          params: { programId: String(programId) },
          context: {},
        }),
      );
    expect(await restore("planner")).toBe(403);
    expect(await restore("deputy")).toBe(403);
    expect(await restore("coordinator")).toBe(302);

    const rows = await t.db.selectFrom("program_element").selectAll().where("program_id", "=", programId).execute();
    expect(rows.map((r) => [r.id, JSON.parse(r.data).title])).toEqual([[a.id, "A"]]);
    expect(rows[0].version).toBe(3); // bumped, so forms opened before the restore conflict
    expect(await statusNow()).toBe("draft");
    const revisions = await listRevisions(t.db, programId, 1000);
    expect(revisions.length).toBe(before + 2); // A updated back, B deleted
    expect(revisions.some((r) => r.element_id === b.id && r.change === "delete")).toBe(true);
    const versions = await listVersions(programId);
    expect(versions.length).toBe(3);
    const log = await workflowService.listTransitions(t.db, programId);
    expect(log[0]).toMatchObject({ action: "restore", from_status: "changes_requested", to_status: "draft" });
    expect(JSON.parse(log[0].details!)).toEqual({ restoredFrom: v1.versionId });
  });
});

describe("comments", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  let ids: Record<Who, string>;
  let cookies: Record<Who, string>;
  let actionId: string;
  beforeEach(async () => {
    t = useTestDatabase();
    ids = {} as Record<Who, string>;
    cookies = {} as Record<Who, string>;
    for (const who of Object.keys(EMAILS) as Who[]) {
      ids[who] = await userIdByEmail(t, EMAILS[who]);
      cookies[who] = await cookieFor(EMAILS[who]);
    }
    const m = await t.db.selectFrom("municipality").select("id").where("name_ru", "=", "Кок-Жайык айылный аймак").executeTakeFirstOrThrow();
    programId = await createProgram({
      municipalityId: m.id,
      title: "Комментарийлер",
      startYear: 2026,
      endYear: 2030,
      language: "ky",
      userId: ids.planner,
    });
    actionId = (await saveElement({ programId, kind: "action", data: { title: "Суу түтүгү" }, expectedVersion: 0, userId: ids.planner }))
      .id;
  });
  afterEach(async () => {
    await t.close();
  });

  const send = (who: Who, fields: Record<string, string>) =>
    statusOf(
      commentsAction({
        request: post(`/programs/${programId}/comments`, cookies[who], fields),
        params: { programId: String(programId) },
        context: {},
      }),
    );
  const comment = (who: Who, body: string, elementId = actionId) =>
    send(who, { intent: "create", elementId, body, redirectTo: `/programs/${programId}/actions/${elementId}` });

  it("lets every role of the program comment; others get 404; an empty comment is a field error", async () => {
    await transition({ programId, action: "submit_to_council", userId: ids.coordinator, roles: ["coordinator"] });
    for (const who of ["planner", "coordinator", "deputy"] as const) expect(await comment(who, `Пикир: ${who}`), who).toBe(302);
    expect(await comment("ministry", "Пикир")).toBe(404); // not submitted to the ministry: hidden
    expect(await comment("other", "Пикир")).toBe(404);
    expect(await comment("admin", "Пикир")).toBe(404);
    expect(await comment("deputy", "   ")).toBe(400);
    expect(await comment("deputy", "Пикир", "no-such-element")).toBe(404);
    expect(await comment("deputy", "Этап боюнча", "stage:startup")).toBe(302);
    expect(await comment("deputy", "Жок этап", "stage:nope")).toBe(404);
    await t.db.updateTable("program").set({ status: "submitted" }).where("id", "=", programId).execute();
    expect(await comment("ministry", "Министрликтин пикири")).toBe(302);
    const all = await listComments(t.db, programId);
    expect(all.map((c) => c.authorRoles[0])).toEqual(["planner", "coordinator", "deputy", "deputy", "ministry"]);
  });

  it("threads replies; only the working group decides, a rejection needs a reason; deleted elements show as removed", async () => {
    expect(await comment("deputy", "Бул иш-чара өтө кымбат")).toBe(302);
    const [root] = await listComments(t.db, programId);
    expect(
      await send("planner", { intent: "create", elementId: actionId, parentId: String(root.id), body: "Наркын кайра эсептейбиз" }),
    ).toBe(302);
    const status = (who: Who, s: string, reason = "") =>
      send(who, { intent: "status", commentId: String(root.id), elementId: actionId, status: s, reason });
    expect(await status("deputy", "resolved")).toBe(403);
    expect(await status("ministry", "resolved")).toBe(404);
    expect(await status("planner", "rejected")).toBe(400);
    expect(await status("planner", "accepted", "Наркы азайтылды")).toBe(302);
    const after = await listComments(t.db, programId);
    expect(after.find((c) => c.id === root.id)).toMatchObject({ status: "accepted", statusReason: "Наркы азайтылды" });
    expect(after.find((c) => c.parentId === root.id)?.body).toBe("Наркын кайра эсептейбиз");
    // A reply never carries a status.
    const reply = after.find((c) => c.parentId === root.id)!;
    expect(
      await send("planner", { intent: "status", commentId: String(reply.id), elementId: actionId, status: "resolved", reason: "" }),
    ).toBe(403);

    await deleteElement({ programId, id: actionId, expectedVersion: 1, userId: ids.planner });
    const data = await loadProgramData(t.db, programId);
    expect((await listComments(t.db, programId)).length).toBe(2); // comments stay
    expect(describeAnchor(actionId, data, ["startup"]).removed).toBe(true);
  });
});
