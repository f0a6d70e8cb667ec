/**
 * Reading a frozen version on the program's own pages (?version=<id>): the stage loaders show
 * the version's data, nothing is editable, the comments log of a version lists the threads raised
 * before it was frozen, and a version of another program is a 404.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STARTUP_KIND } from "~/domain/startup";
import { exportInputs } from "~/services/downloads.server";
import { loader as layoutLoader } from "~/routes/programs.$programId";
import { loader as commentsLoader } from "~/routes/programs.$programId.comments._index";
import { action as startupAction, loader as startupLoader } from "~/routes/programs.$programId.startup";
import { action as statusAction } from "~/routes/programs.$programId.status";
import { loader as oldVersionPage } from "~/routes/programs.$programId.versions.$versionId";
import { addComment } from "~/services/comments.server";
import { saveElement } from "~/services/elements.server";
import { createProgram } from "~/services/programs.server";
import { listVersions, loadSnapshot } from "~/services/workflow.server";
import { cookieFor, get, post, statusOf } from "../support/requests";
import { useTestDatabase, userIdByEmail } from "../support/test-db";

const pause = () => new Promise((r) => setTimeout(r, 5)); // distinct timestamps around a freeze

describe("a frozen version on the program's pages", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  let cookies: { planner: string; coordinator: string; deputy: string; other: string };
  let v1: number;
  let v2: number;
  let plannerId: string;
  let deputyId: string;

  const params = () => ({ programId: String(programId) });
  const startup = async (cookie: string, query = "") =>
    (await (
      await startupLoader({ request: get(`/programs/${programId}/startup${query}`, cookie), params: params(), context: {} })
    ).json()) as { defaultValue: { orderNumber?: string } };
  const layout = async (cookie: string, query = "") =>
    (await (
      await layoutLoader({ request: get(`/programs/${programId}/startup${query}`, cookie), params: params(), context: {} })
    ).json()) as { canEdit: boolean; viewing: { id: number; number: number } | null; program: { status: string } };
  const saveOrderNumber = async (orderNumber: string) => {
    const current = await t.db
      .selectFrom("program_element")
      .select("version")
      .where("program_id", "=", programId)
      .where("kind", "=", STARTUP_KIND)
      .executeTakeFirst();
    await saveElement({
      programId,
      kind: STARTUP_KIND,
      singleton: true,
      data: { legalBasis: [], orderNumber, orderDate: "2026-01-15" },
      expectedVersion: current?.version ?? 0,
      userId: plannerId,
    });
  };
  const act = (cookie: string, action: string, extra: Record<string, string> = {}) =>
    statusOf(statusAction({ request: post(`/programs/${programId}/status`, cookie, { action, ...extra }), params: params(), context: {} }));

  beforeEach(async () => {
    t = useTestDatabase();
    cookies = {
      planner: await cookieFor("planner@kok-jaiyk.demo"),
      coordinator: await cookieFor("coordinator@kok-jaiyk.demo"),
      deputy: await cookieFor("deputy@kok-jaiyk.demo"),
      other: await cookieFor("planner@other.demo"),
    };
    plannerId = await userIdByEmail(t, "planner@kok-jaiyk.demo");
    deputyId = await userIdByEmail(t, "deputy@kok-jaiyk.demo");
    const m = await t.db.selectFrom("municipality").select("id").where("name_ru", "=", "Кок-Жайык айылный аймак").executeTakeFirstOrThrow();
    programId = await createProgram({
      municipalityId: m.id,
      title: "Версия сынагы",
      startYear: 2026,
      endYear: 2030,
      language: "ky",
      userId: plannerId,
    });
    await saveOrderNumber("1-р");
    expect(await act(cookies.coordinator, "submit_to_council")).toBe(302);
    await pause();
    await addComment({ programId, elementId: "stage:startup", authorId: deputyId, body: "Номер распоряжения?" });
    await pause();
    expect(await act(cookies.deputy, "request_changes", { comment: "Уточните номер" })).toBe(302);
    await pause();
    await addComment({ programId, elementId: "stage:startup", authorId: deputyId, body: "И дату" });
    await saveOrderNumber("12-р");
    [v2, v1] = (await listVersions(programId)).map((v) => v.id);
  });
  afterEach(async () => {
    await t.close();
  });

  it("shows each stage page with the version's data, read-only, for every reader", async () => {
    expect((await startup(cookies.planner)).defaultValue.orderNumber).toBe("12-р");
    for (const cookie of [cookies.planner, cookies.deputy]) {
      expect((await startup(cookie, `?version=${v1}`)).defaultValue.orderNumber).toBe("1-р");
      const l = await layout(cookie, `?version=${v1}`);
      expect(l.canEdit).toBe(false);
      expect(l.viewing?.number).toBe(1);
      expect(l.program.status).toBe("council_review");
    }
    const live = await layout(cookies.planner);
    expect(live).toMatchObject({ canEdit: true, viewing: null, program: { status: "changes_requested" } });
  });

  it("keeps the version unchanged when a form is posted to a version's address", async () => {
    const before = (await loadSnapshot(t.db, v1))!.snapshot;
    const form = { version: "2", legalBasis: "", orderNumber: "13-р", orderDate: "2026-01-20", startYear: "2026", endYear: "2030" };
    const status = await statusOf(
      startupAction({
        request: post(`/programs/${programId}/startup?version=${v1}`, cookies.planner, form),
        params: params(),
        context: {},
      }),
    );
    expect([302, 400, 409]).toContain(status);
    expect((await loadSnapshot(t.db, v1))!.snapshot).toEqual(before);
    expect((await startup(cookies.planner, `?version=${v1}`)).defaultValue.orderNumber).toBe("1-р");
  });

  it("refuses versions of other programs and unknown ids with 404", async () => {
    const foreign = await t.db.selectFrom("program_version").select("id").where("program_id", "!=", programId).executeTakeFirstOrThrow();
    for (const q of [`?version=${foreign.id}`, "?version=999999", "?version=abc", "?version="]) {
      expect(
        await statusOf(
          startupLoader({ request: get(`/programs/${programId}/startup${q}`, cookies.planner), params: params(), context: {} }),
        ),
        q,
      ).toBe(404);
    }
    // Another municipality's planner cannot read the version either.
    expect(
      await statusOf(
        startupLoader({ request: get(`/programs/${programId}/startup?version=${v1}`, cookies.other), params: params(), context: {} }),
      ),
    ).toBe(404);
    // The old address of a version page leads to the version's workspace.
    const moved = (await oldVersionPage({
      request: get(`/programs/${programId}/versions/${v1}`, cookies.deputy),
      params: { ...params(), versionId: String(v1) },
      context: {},
    })) as Response;
    expect(moved.headers.get("Location")).toBe(`/programs/${programId}?version=${v1}`);
  });

  it("lists in a version's comments log the comments raised before the version was frozen", async () => {
    const rows = async (query: string) =>
      (
        (await (
          await commentsLoader({ request: get(`/programs/${programId}/comments${query}`, cookies.deputy), params: params(), context: {} })
        ).json()) as { rows: { cells: string[] }[] }
      ).rows.map((r) => r.cells[1]);
    expect(await rows(`?version=${v1}`)).toEqual([]);
    expect(await rows(`?version=${v2}`)).toEqual(["Номер распоряжения?"]);
    expect(await rows("")).toEqual(["Номер распоряжения?", "И дату"]);
    // The DOCX annex of a version lists the same comments as its page.
    expect((await exportInputs(programId, String(v1))).comments).toEqual([]);
    expect((await exportInputs(programId, String(v2))).comments.map((c) => c.body)).toEqual(["Номер распоряжения?"]);
    expect((await exportInputs(programId, null)).comments).toHaveLength(2);
  });
});
