import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { accountActionSchema, accountSchema, municipalitySchema } from "~/domain/admin-schemas";

const valid = {
  email: "New.Planner@Example.kg",
  displayName: "Жаңы Колдонуучу",
  language: "ky",
  role: "planner",
  municipalityId: 1,
  password: "temporary-pass-1",
};

function messagesFor(input: unknown, path: string): string[] {
  const result = accountSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((i) => i.path.join(".") === path).map((i) => i.message);
}

describe("accountSchema", () => {
  it("accepts a planner with a municipality and normalises the email", () => {
    const result = accountSchema.safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.success && result.data.email).toBe("new.planner@example.kg");
  });

  it("accepts ministry and admin accounts without a municipality", () => {
    expect(accountSchema.safeParse({ ...valid, role: "ministry", municipalityId: undefined }).success).toBe(true);
    expect(accountSchema.safeParse({ ...valid, role: "admin", municipalityId: undefined }).success).toBe(true);
  });

  it("rejects a deputy without a municipality", () => {
    expect(messagesFor({ ...valid, role: "deputy", municipalityId: undefined }, "municipalityId")).toEqual(["errors.municipalityRequired"]);
  });

  it("rejects a ministry account with a municipality", () => {
    expect(messagesFor({ ...valid, role: "ministry" }, "municipalityId")).toEqual(["errors.municipalityNotAllowed"]);
    expect(messagesFor({ ...valid, role: "admin" }, "municipalityId")).toEqual(["errors.municipalityNotAllowed"]);
  });

  it("rejects a bad email", () => {
    expect(messagesFor({ ...valid, email: "not-an-email" }, "email")).toEqual(["errors.email"]);
  });

  it("rejects a temporary password shorter than 10 characters", () => {
    expect(messagesFor({ ...valid, password: "short-123" }, "password")).toEqual([`errors.tooShort|${JSON.stringify({ min: 10 })}`]);
  });

  it("rejects an unknown role", () => {
    expect(messagesFor({ ...valid, role: "mayor" }, "role")).toEqual(["errors.choose"]);
  });

  it("reads the form as posted: an empty municipality select means none", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...valid, role: "coordinator", municipalityId: "" })) form.set(k, String(v));
    const submission = parseWithZod(form, { schema: accountSchema });
    expect(submission.status).toBe("error");
    expect(submission.reply().error?.municipalityId).toEqual(["errors.municipalityRequired"]);

    form.set("municipalityId", "3");
    const ok = parseWithZod(form, { schema: accountSchema });
    expect(ok.status).toBe("success");
    expect(ok.status === "success" && ok.value.municipalityId).toBe(3);
  });
});

describe("municipalitySchema", () => {
  const municipality = { name_ru: "Кара-Суу", name_ky: "Кара-Суу", kind: "city", raion: "osh.kara-suu", oblast: "osh" };

  it("requires every field but the raion and limits them to 200 characters", () => {
    expect(municipalitySchema.safeParse(municipality).success).toBe(true);
    expect(municipalitySchema.safeParse({ ...municipality, oblast: "  " }).success).toBe(false);
    expect(municipalitySchema.parse({ ...municipality, raion: undefined }).raion).toBe("");
    expect(municipalitySchema.safeParse({ ...municipality, oblast: "x".repeat(201) }).success).toBe(false);
    expect(municipalitySchema.safeParse({ ...municipality, kind: "village" }).success).toBe(false);
  });
});

describe("accountActionSchema", () => {
  it("knows the three intents and checks the temporary password length", () => {
    expect(accountActionSchema.safeParse({ intent: "deactivate" }).success).toBe(true);
    expect(accountActionSchema.safeParse({ intent: "reactivate" }).success).toBe(true);
    expect(accountActionSchema.safeParse({ intent: "setPassword", password: "long-enough-1" }).success).toBe(true);
    expect(accountActionSchema.safeParse({ intent: "setPassword", password: "short" }).success).toBe(false);
    expect(accountActionSchema.safeParse({ intent: "delete" }).success).toBe(false);
  });
});
