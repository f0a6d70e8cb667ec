import { describe, expect, it } from "vitest";
import { diffSnapshots, diffValues, flattenValue, type Snapshot } from "~/domain/version-diff";

const el = (id: string, kind: string, data: unknown, extra: Partial<{ parent_id: string | null; position: number }> = {}) => ({
  id,
  kind,
  parent_id: extra.parent_id ?? null,
  position: extra.position ?? 0,
  version: 1,
  data: JSON.stringify(data),
});
const snap = (elements: Snapshot["elements"], title = "Программа"): Snapshot => ({
  program: { id: 1, title, start_year: 2026, end_year: 2030, language: "ky", status: "council_review" },
  elements,
});

describe("diffSnapshots", () => {
  it("reports added, removed and changed elements with old and new values", () => {
    const a = snap([
      el("g1", "strategy_node", { title: "Суу" }),
      el("a1", "action", { title: "Суу түтүгү", totalCost: 1200, funding: { local: 200, republican: 1000 } }, { parent_id: "g1" }),
      el("a2", "action", { title: "Мектеп", totalCost: 500 }, { parent_id: "g1", position: 1 }),
    ]);
    const b = snap(
      [
        el("g1", "strategy_node", { title: "Таза суу" }),
        el("a1", "action", { title: "Суу түтүгү", totalCost: 1500, funding: { local: 500, republican: 1000 } }, { parent_id: "g1" }),
        el("i1", "indicator", { name: "Суу менен камсыз болгон үй-бүлөлөр", unit: "%" }),
      ],
      "Программа 2",
    );
    const d = diffSnapshots(a, b);
    expect(d.program).toEqual([{ path: "title", before: "Программа", after: "Программа 2" }]);
    const byId = Object.fromEntries(d.elements.map((e) => [e.id, e]));
    expect(byId.a1.change).toBe("changed");
    expect(byId.a1.fields).toEqual([
      { path: "funding.local", before: "200", after: "500" },
      { path: "totalCost", before: "1200", after: "1500" },
    ]);
    expect(byId.g1.fields).toEqual([{ path: "title", before: "Суу", after: "Таза суу" }]);
    expect(byId.a2.change).toBe("removed");
    expect(byId.a2.fields.every((f) => f.after === null)).toBe(true);
    expect(byId.i1.change).toBe("added");
    expect(byId.i1.fields).toContainEqual({ path: "unit", before: null, after: "%" });
  });

  it("finds nothing between identical versions and ignores the status", () => {
    const a = snap([el("x", "startup", { orderNumber: "5" })]);
    const b = { ...snap([el("x", "startup", { orderNumber: "5" })]), program: { ...a.program, status: "approved" } };
    expect(diffSnapshots(a, b)).toEqual({ program: [], elements: [] });
  });

  it("keys table rows by id, so reordering rows is not a change of each row", () => {
    const rowsA = {
      rows: [
        { id: "p1", title: "Суу" },
        { id: "p2", title: "Жол" },
      ],
    };
    const rowsB = {
      rows: [
        { id: "p2", title: "Жол" },
        { id: "p1", title: "Таза суу" },
      ],
    };
    expect(diffValues(rowsA, rowsB)).toEqual([{ path: "rows[p1].title", before: "Суу", after: "Таза суу" }]);
  });

  it("reports a move to another parent and a new position", () => {
    const a = snap([el("a1", "action", { title: "X" }, { parent_id: "o1", position: 0 })]);
    const b = snap([el("a1", "action", { title: "X" }, { parent_id: "o2", position: 2 })]);
    expect(diffSnapshots(a, b).elements[0].fields).toEqual([
      { path: "parent", before: "o1", after: "o2" },
      { path: "position", before: "1", after: "3" },
    ]);
  });

  it("flattens scalars, lists of scalars and nested objects", () => {
    expect(flattenValue({ a: 1, b: ["x", "y"], c: { d: true }, e: null })).toEqual({ a: "1", b: "x, y", "c.d": "true", e: "" });
  });
});
