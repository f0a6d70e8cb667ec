import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { boundFormFields, fieldPath, MAX_FORM_FIELDS, unboundedLists, UNBOUNDED_LIST_MAX } from "~/domain/form-bounds";

const rowsSchema = z.object({
  version: z.number(),
  rows: z.array(z.object({ groupId: z.string(), counts: z.array(z.number()).max(3) })).max(50),
  totals: z.record(z.number()),
  note: z.string().optional(),
});

const entries = (pairs: [string, string][]) => pairs as [string, FormDataEntryValue][];

describe("fieldPath", () => {
  it("reads Conform's field names", () => {
    expect(fieldPath("email")).toEqual(["email"]);
    expect(fieldPath("rows[3].groupId")).toEqual(["rows", 3, "groupId"]);
    expect(fieldPath("a[1][2].b.c")).toEqual(["a", 1, 2, "b", "c"]);
  });
  it("gives no path for names Conform would read oddly", () => {
    expect(fieldPath("rows[x]")).toBeNull();
    expect(fieldPath("rows[]")).toBeNull();
    expect(fieldPath("rows[0]x")).toBeNull();
    expect(fieldPath("rows.")).toBeNull();
    expect(fieldPath("email[10000000000]")).toBeNull(); // more digits than any list: never a number
  });
});

describe("boundFormFields", () => {
  it("refuses an index above the list's maximum before anything is parsed", () => {
    const result = boundFormFields(
      entries([
        ["version", "1"],
        ["rows[100000].groupId", "pwd"],
      ]),
      [rowsSchema],
    );
    expect(result).toEqual({ ok: false, reason: "tooManyRows", list: "rows", max: 50 });
  });

  it("holds nested lists to their own maximum", () => {
    expect(boundFormFields(entries([["rows[2].counts[4]", "1"]]), [rowsSchema])).toMatchObject({
      ok: false,
      list: "rows[2].counts",
      max: 3,
    });
    expect(boundFormFields(entries([["rows[2].counts[3]", "1"]]), [rowsSchema]).ok).toBe(true);
  });

  it("lets index = max through, so the schema can say 'at most N' next to the list", () => {
    expect(boundFormFields(entries([["rows[50].groupId", "a"]]), [rowsSchema]).ok).toBe(true);
  });

  it("drops indexed fields the schema does not know, keeps plain ones and record keys", () => {
    const result = boundFormFields(
      entries([
        ["email[10000000]", "a@b.c"],
        ["intent", "save"],
        ["totals.y2025", "5"],
        ["zzz[3]", "x"],
        ["version", "2"],
        ["odd[x]", "y"],
      ]),
      [rowsSchema],
    );
    expect(result).toEqual({
      ok: true,
      fields: [
        ["intent", "save"],
        ["totals.y2025", "5"],
        ["version", "2"],
      ],
    });
  });

  it("refuses more fields than a form can have", () => {
    const many = Array.from({ length: MAX_FORM_FIELDS + 1 }, (_, i) => [`note`, String(i)] as [string, string]);
    expect(boundFormFields(entries(many), [rowsSchema])).toEqual({ ok: false, reason: "tooManyFields", max: MAX_FORM_FIELDS });
  });

  it("reads lists through effects, defaults, unions and several schemas", () => {
    const wrapped = z
      .discriminatedUnion("intent", [
        z.object({ intent: z.literal("a"), items: z.array(z.string()).max(5).default([]) }),
        z.object({ intent: z.literal("b"), items: z.array(z.string()).max(9).optional() }),
      ])
      .superRefine(() => undefined);
    expect(boundFormFields(entries([["items[9]", "x"]]), [wrapped]).ok).toBe(true);
    expect(boundFormFields(entries([["items[10]", "x"]]), [wrapped])).toMatchObject({ ok: false, max: 9 });
    const other = z.object({ members: z.array(z.string()).max(2) });
    expect(
      boundFormFields(
        entries([
          ["members[2]", "x"],
          ["rows[1].groupId", "g"],
        ]),
        [rowsSchema, other],
      ).ok,
    ).toBe(true);
    expect(boundFormFields(entries([["members[3]", "x"]]), [rowsSchema, other]).ok).toBe(false);
  });

  it("bounds a list whose schema forgot its maximum", () => {
    const loose = z.object({ items: z.array(z.string()) });
    expect(unboundedLists(loose)).toEqual(["items"]);
    expect(boundFormFields(entries([[`items[${UNBOUNDED_LIST_MAX + 1}]`, "x"]]), [loose]).ok).toBe(false);
  });

  it("is linear: 5 000 fields of a large form are checked in one pass", () => {
    const fields = Array.from({ length: MAX_FORM_FIELDS }, (_, i) => [`rows[${i % 50}].counts[${i % 3}]`, "1"] as [string, string]);
    const result = boundFormFields(entries(fields), [rowsSchema]);
    expect(result.ok && result.fields.length).toBe(MAX_FORM_FIELDS);
  });
});

/** Every `z.array(…)` in the app names its maximum in the same chain (`.max(…)` or `.length(…)`). */
function arraysWithoutMax(source: string): number[] {
  const lines: number[] = [];
  let from = 0;
  for (;;) {
    const at = source.indexOf("z.array(", from);
    if (at < 0) return lines;
    let i = at + "z.array(".length;
    let depth = 1;
    while (i < source.length && depth > 0) {
      const c = source[i++];
      if (c === "(") depth++;
      else if (c === ")") depth--;
    }
    // Read the chain of calls that follows: .min(1).max(20).superRefine(…)
    let bounded = false;
    for (;;) {
      const chain = /^\s*\.(\w+)\(/.exec(source.slice(i, i + 200));
      if (!chain) break;
      if (chain[1] === "max" || chain[1] === "length") bounded = true;
      i += chain[0].length;
      depth = 1;
      while (i < source.length && depth > 0) {
        const c = source[i++];
        if (c === "(") depth++;
        else if (c === ")") depth--;
      }
    }
    if (!bounded) lines.push(source.slice(0, at).split("\n").length);
    from = at + 1;
  }
}

describe("every list in every schema has a maximum", () => {
  it("finds no z.array without .max() in app/", () => {
    const root = path.resolve(import.meta.dirname, "../../app");
    const files = fs.readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f));
    const missing = files.flatMap((file) =>
      arraysWithoutMax(fs.readFileSync(path.join(root, file), "utf8")).map((line) => `app/${file}:${line}`),
    );
    expect(missing).toEqual([]);
  });
  it("the scanner itself sees a missing maximum", () => {
    expect(
      arraysWithoutMax("const a = z.array(z.string()).min(1);\nconst b = z.array(z.object({ x: z.array(z.number()).max(2) })).max(3);"),
    ).toEqual([1]);
  });
});
