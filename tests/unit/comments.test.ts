import { describe, expect, it } from "vitest";
import {
  anchorExists,
  buildThreads,
  canChangeStatus,
  commentFormSchema,
  commentStatusSchema,
  describeAnchor,
  parseAnchor,
  safeRedirect,
  threadsUpTo,
  type CommentRecord,
} from "~/domain/comments";
import { buildProgramData } from "~/domain/program-data";

const data = buildProgramData(
  {
    id: 1,
    title: "P",
    startYear: 2026,
    endYear: 2030,
    language: "ky",
    status: "draft",
    methodologyVersion: "1",
    municipality: { id: 1, nameRu: "", nameKy: "", kind: "aiyl_aimak", raion: "", oblast: "" },
  },
  [
    { id: "act-1", kind: "action", parent_id: null, position: 0, version: 1, data: JSON.stringify({ title: "Суу түтүгү" }) },
    {
      id: "prob",
      kind: "problems",
      parent_id: null,
      position: 0,
      version: 1,
      data: JSON.stringify({ rows: [{ id: "prob-water", title: "Таза суу жок" }] }),
    },
  ],
);
const stages = ["startup", "action_plan"];

const c = (id: number, parentId: number | null, createdAt: string): CommentRecord => ({
  id,
  elementId: "act-1",
  parentId,
  authorId: "u",
  authorName: "U",
  authorRoles: ["deputy"],
  body: `c${id}`,
  status: "open",
  statusReason: null,
  statusByName: null,
  createdAt,
  updatedAt: createdAt,
});

describe("comment anchors", () => {
  it("parses element ids, stages and table rows", () => {
    expect(parseAnchor("act-1")).toEqual({ type: "element", elementId: "act-1" });
    expect(parseAnchor("stage:startup")).toEqual({ type: "stage", stageId: "startup" });
    expect(parseAnchor("prob#prob-water")).toEqual({ type: "element", elementId: "prob", rowId: "prob-water" });
    expect(parseAnchor("../etc")).toBeNull();
    expect(parseAnchor("")).toBeNull();
  });

  it("knows whether the anchored thing still exists", () => {
    expect(anchorExists("act-1", data, stages)).toBe(true);
    expect(anchorExists("stage:startup", data, stages)).toBe(true);
    expect(anchorExists("stage:nope", data, stages)).toBe(false);
    expect(anchorExists("prob#prob-water", data, stages)).toBe(true);
    expect(anchorExists("prob#gone", data, stages)).toBe(false);
    expect(anchorExists("deleted", data, stages)).toBe(false);
  });

  it("describes what a comment is on, or that it was removed", () => {
    expect(describeAnchor("act-1", data, stages, { "act-1": "1.1.1" })).toMatchObject({
      kind: "action",
      number: "1.1.1",
      title: "Суу түтүгү",
      removed: false,
    });
    expect(describeAnchor("prob#prob-water", data, stages)).toMatchObject({ kind: "problems", title: "Таза суу жок", removed: false });
    expect(describeAnchor("deleted", data, stages).removed).toBe(true);
  });
});

describe("threads and decisions", () => {
  it("groups replies under their root, oldest first", () => {
    const threads = buildThreads([c(3, 1, "2026-01-03"), c(1, null, "2026-01-01"), c(2, null, "2026-01-02"), c(4, 3, "2026-01-04")]);
    expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([
      [1, [3, 4]],
      [2, []],
    ]);
  });

  it("gives a version the threads opened before it was frozen, with their later replies", () => {
    const threads = buildThreads([
      c(1, null, "2026-01-01T10:00:00.000Z"),
      c(2, null, "2026-01-03T10:00:00.000Z"),
      c(3, 1, "2026-01-04T10:00:00.000Z"),
    ]);
    const log = threadsUpTo(threads, "2026-01-02T00:00:00.000Z");
    expect(log.map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([[1, [3]]]);
    expect(threadsUpTo(threads, "2025-12-31T00:00:00.000Z")).toEqual([]);
  });

  it("lets only the working group change a thread's status", () => {
    expect(canChangeStatus(["planner"], { parentId: null })).toBe(true);
    expect(canChangeStatus(["coordinator"], { parentId: null })).toBe(true);
    expect(canChangeStatus(["deputy"], { parentId: null })).toBe(false);
    expect(canChangeStatus(["ministry"], { parentId: null })).toBe(false);
    expect(canChangeStatus(["planner"], { parentId: 5 })).toBe(false);
  });

  it("refuses an empty comment and a rejection without a reason", () => {
    expect(commentFormSchema.safeParse({ intent: "create", elementId: "act-1", body: "   " }).success).toBe(false);
    expect(commentFormSchema.safeParse({ intent: "create", elementId: "act-1", body: "Кымбат" }).success).toBe(true);
    expect(commentStatusSchema.safeParse({ intent: "status", commentId: 1, elementId: "act-1", status: "rejected" }).success).toBe(false);
    expect(
      commentStatusSchema.safeParse({ intent: "status", commentId: 1, elementId: "act-1", status: "rejected", reason: "Бюджет жок" })
        .success,
    ).toBe(true);
  });

  it("redirects only to local paths", () => {
    expect(safeRedirect("/programs/1/startup", "/x")).toBe("/programs/1/startup");
    expect(safeRedirect("//evil.example", "/x")).toBe("/x");
    expect(safeRedirect("https://evil.example", "/x")).toBe("/x");
  });
});

describe("comments table definition (page and DOCX annex)", async () => {
  const { commentsTable, commentTableRows } = await import("~/domain/tables/comments");
  it("renders element, comment, author, status and how it was addressed", () => {
    const root = { ...c(1, null, "2026-01-01"), status: "rejected" as const, statusReason: "Бюджет жок", statusByName: "Айгүл" };
    const rows = commentTableRows(
      [
        { root, replies: [] },
        { root: { ...c(2, null, "2026-01-02"), elementId: "gone" }, replies: [] },
      ],
      data,
      stages,
    );
    const ctx = { t: (k: string, v?: Record<string, unknown>) => (v ? `${k}${JSON.stringify(v)}` : k), stageTitle: (id: string) => id };
    const cells = rows.map((r) => commentsTable.columns.map((col) => col.accessor(r, ctx)));
    expect(cells[0]).toEqual(["program:kinds.action: Суу түтүгү", "c1", "U", "review:comments.status.rejected", "Айгүл: Бюджет жок"]);
    expect(cells[1][0]).toBe("review:comments.elementRemoved");
    expect(cells[1][4]).toBe("—");
  });
});
