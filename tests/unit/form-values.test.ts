import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseStageForm } from "~/domain/form-values";
import { localNumber } from "~/domain/program-data";

describe("numbers as typed in Kyrgyzstan", () => {
  it("reads comma decimals and space, no-break space or narrow no-break space thousands", () => {
    expect(localNumber("76,4")).toBe(76.4);
    expect(localNumber("1 250,5")).toBe(1250.5);
    expect(localNumber("15\u00a0920")).toBe(15920);
    expect(localNumber("2\u202f550")).toBe(2550);
    expect(localNumber(" 1250.5 ")).toBe(1250.5);
    expect(localNumber("-3,5")).toBe(-3.5);
  });
  it("leaves text that is no number as NaN, so the schema reports it", () => {
    expect(localNumber("көп")).toBeNaN();
    expect(localNumber("1,2,3")).toBeNaN();
    expect(localNumber("1.250,5")).toBeNaN();
  });
  it("parses a form with them and keeps empty cells empty", () => {
    const schema = z.object({ cost: z.number().min(0), share: z.number().optional(), note: z.string().optional() });
    const form = new URLSearchParams({ cost: "12 400,5", share: "", note: "" });
    const submission = parseStageForm(form, schema);
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({ cost: 12400.5 });
    const bad = parseStageForm(new URLSearchParams({ cost: "он эки" }), schema);
    expect(bad.status).toBe("error");
    expect(Object.keys(bad.reply().error ?? {})).toEqual(["cost"]);
  });
});
