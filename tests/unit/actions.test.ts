import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { actionDataFromForm, actionFormSchema, actionIssues, type ActionFormContext } from "~/domain/actions";
import { parseErrorMessage } from "~/domain/validation";

const ctx: ActionFormContext = {
  sourceIds: ["local", "republican", "donor", "private", "community", "other"],
  years: [2025, 2026, 2027, 2028, 2029],
  genderTagIds: ["neutral", "sensitive", "transformative"],
  objectiveIds: ["obj-1"],
  lang: "en",
};

function form(fields: Record<string, string | string[]>) {
  const fd = new FormData();
  const all: Record<string, string | string[]> = {
    version: "0",
    objectiveId: "obj-1",
    title: "Water pipe",
    type: "project",
    responsible: "Deputy head",
    startYear: "2026",
    endYear: "2027",
    totalCost: "3500",
    "funding.local": "500",
    "funding.republican": "3000",
    "byYear.2026": "2000",
    "byYear.2027": "1500",
    "tags.gender": "on",
    targetGroups: ["women", "pwd"],
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return parseWithZod(fd, { schema: actionFormSchema(ctx) });
}
const errorsOf = (s: ReturnType<typeof form>) => (s.status === "error" ? (s.error ?? {}) : {});

describe("action form", () => {
  it("accepts a consistent action and stores only the sources and years with money", () => {
    const s = form({});
    expect(s.status).toBe("success");
    if (s.status !== "success") return;
    const data = actionDataFromForm(s.value);
    expect(data.funding).toEqual({ local: 500, republican: 3000 });
    expect(data.byYear).toEqual({ "2026": 2000, "2027": 1500 });
    expect(data.tags).toEqual({ inclusive: false, gender: true, climate: false });
    expect(data.targetGroups).toEqual(["women", "pwd"]);
    expect(data).not.toHaveProperty("objectiveId");
    expect(data).not.toHaveProperty("version");
  });

  it("names the difference when the sources do not add up to the cost", () => {
    const e = errorsOf(form({ "funding.local": "200", "funding.republican": "3000" }));
    const { key, values } = parseErrorMessage(e.funding![0]);
    expect(key).toBe("plan:errors.fundingSum");
    expect(values).toEqual({ sum: "3,200", cost: "3,500", diff: "300" });
  });

  it("formats the numbers for Russian and Kyrgyz readers", () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries({
      version: "0",
      objectiveId: "obj-1",
      title: "x",
      type: "project",
      responsible: "y",
      startYear: "2026",
      endYear: "2026",
      totalCost: "3500",
      "funding.local": "3200",
      "byYear.2026": "3500",
    }))
      fd.append(k, v);
    const s = parseWithZod(fd, { schema: actionFormSchema({ ...ctx, lang: "ky" }) });
    const { values } = parseErrorMessage((s.status === "error" ? s.error!.funding![0] : "") as string);
    expect(String(values.sum).replace(/\s/g, " ")).toBe("3 200");
    expect(values.diff).toBe("300");
  });

  it("checks the split by year the same way", () => {
    const e = errorsOf(form({ "byYear.2027": "1000" }));
    expect(parseErrorMessage(e.byYear![0])).toEqual({ key: "plan:errors.byYearSum", values: { sum: "3,000", cost: "3,500", diff: "500" } });
  });

  it("refuses years outside the program period and an end before the start", () => {
    const e = errorsOf(form({ startYear: "2024", endYear: "2031", "byYear.2026": "2000" }));
    expect(parseErrorMessage(e.startYear![0])).toEqual({ key: "errors.yearOutsidePeriod", values: { start: 2025, end: 2029 } });
    expect(parseErrorMessage(e.endYear![0]).key).toBe("errors.yearOutsidePeriod");
    const e2 = errorsOf(form({ startYear: "2027", endYear: "2026" }));
    expect(e2.endYear).toContain("errors.endBeforeStart");
  });

  it("refuses money in a year outside the action's own years", () => {
    const e = errorsOf(form({ "byYear.2026": "1500", "byYear.2029": "500", "byYear.2027": "1500" }));
    expect(parseErrorMessage(e["byYear.2029"]![0]).key).toBe("plan:errors.yearOutsideAction");
  });

  it("refuses negative money and an unknown objective", () => {
    const e = errorsOf(form({ "funding.local": "-500", "funding.republican": "4000", objectiveId: "nope" }));
    expect(e["funding.local"]).toContain("errors.negative");
    expect(e.objectiveId).toContain("errors.choose");
  });

  it("uses the same checks for saved actions", () => {
    expect(
      actionIssues(
        { startYear: 2025, endYear: 2025, totalCost: 10, funding: { local: 10 }, byYear: { "2025": 10 } },
        { start: 2025, end: 2029 },
        "en",
      ),
    ).toEqual([]);
    expect(
      actionIssues({ startYear: 2025, endYear: 2025, totalCost: 10, funding: {}, byYear: {} }, { start: 2025, end: 2029 }, "en").map(
        (i) => i.path[0],
      ),
    ).toEqual(["funding", "byYear"]);
  });
});
