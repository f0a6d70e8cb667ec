import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { changePasswordSchema, loginSchema, safeRedirect } from "~/auth/schemas";
import { isForeignOrigin } from "~/server/security";

function form(values: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return fd;
}

describe("login schema", () => {
  it("asks for a missing email and password with message keys", () => {
    const s = parseWithZod(form({ email: "", password: "" }), { schema: loginSchema });
    expect(s.status).toBe("error");
    const reply = s.reply();
    expect(reply.error?.email).toEqual(["errors.required"]);
    expect(reply.error?.password).toEqual(["errors.required"]);
  });
  it("rejects a malformed email and a filled honeypot", () => {
    const s = parseWithZod(form({ email: "not-an-email", password: "x", website: "http://spam" }), { schema: loginSchema });
    const reply = s.reply();
    expect(reply.error?.email).toEqual(["errors.email"]);
    expect(reply.error?.website?.[0]).toMatch(/^errors\./);
  });
  it("accepts a good login", () => {
    expect(parseWithZod(form({ email: "planner@kok-jaiyk.demo", password: "kadam-demo-2026" }), { schema: loginSchema }).status).toBe(
      "success",
    );
  });
});

describe("change password schema", () => {
  it("requires matching, long enough, new passwords", () => {
    const r = parseWithZod(form({ currentPassword: "a", newPassword: "short", confirmPassword: "other" }), {
      schema: changePasswordSchema,
    }).reply();
    expect(r.error?.newPassword?.[0]).toMatch(/^errors.tooShort/);
    const r2 = parseWithZod(form({ currentPassword: "a", newPassword: "long-enough-1", confirmPassword: "long-enough-2" }), {
      schema: changePasswordSchema,
    }).reply();
    expect(r2.error?.confirmPassword).toEqual(["errors.passwordsDiffer"]);
  });
});

describe("redirects and origins", () => {
  it("only redirects to local paths", () => {
    expect(safeRedirect("/programs/1")).toBe("/programs/1");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect(null)).toBe("/");
  });
  it("flags state-changing requests from another origin", () => {
    expect(isForeignOrigin("POST", "https://evil.example", "localhost:3000")).toBe(true);
    expect(isForeignOrigin("POST", "http://localhost:3000", "localhost:3000")).toBe(false);
    expect(isForeignOrigin("GET", "https://evil.example", "localhost:3000")).toBe(false);
    expect(isForeignOrigin("POST", undefined, "localhost:3000", "cross-site")).toBe(true);
    expect(isForeignOrigin("POST", "null", "localhost:3000")).toBe(true);
  });
});
