/**
 * Issue #16, defect 14: an unknown URL writes one line to the log (no stack trace), a real fault
 * still logs its stack, and the old version address answers 404 for a version of another program
 * instead of redirecting first.
 */
import { createStaticHandler } from "@remix-run/router";
import { format } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { handleError } from "~/entry.server";
import { loader as oldVersionPage } from "~/routes/programs.$programId.versions.$versionId";
import { createProgram } from "~/services/programs.server";
import { freezeVersion } from "~/services/workflow.server";
import { cookieFor, get, statusOf } from "../support/requests";
import { useTestDatabase, userIdByEmail } from "../support/test-db";

/** Everything written to console.error / console.warn while `fn` runs, as the terminal shows it. */
function captureLog(fn: () => void): string {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(format(...args));
  const spies = [vi.spyOn(console, "error").mockImplementation(keep), vi.spyOn(console, "warn").mockImplementation(keep)];
  try {
    fn();
  } finally {
    for (const s of spies) s.mockRestore();
  }
  return lines.join("\n");
}

const STACK_LINE = /\n\s+at /;

describe("the server log", () => {
  it("writes one line without a stack for an unknown URL", async () => {
    // The very object Remix hands to handleError when no route matches.
    const handler = createStaticHandler([{ id: "root", path: "/", loader: () => null }]);
    const request = new Request("http://localhost/no/such/page?token=secret");
    const context = await handler.query(request);
    if (context instanceof Response) throw new Error("expected a context");
    const errors = Object.values(context.errors ?? {});
    expect(errors).toHaveLength(1);
    const log = captureLog(() => handleError(errors[0], { request }));
    expect(log).toBe("404 GET /no/such/page");
    expect(log).not.toMatch(STACK_LINE);
  });

  it("still writes the stack of a real fault", () => {
    const log = captureLog(() => handleError(new Error("disk on fire"), { request: new Request("http://localhost/programs/1") }));
    expect(log).toContain("disk on fire");
    expect(log).toMatch(STACK_LINE);
  });
});

describe("the old address of a version", () => {
  let t: ReturnType<typeof useTestDatabase>;
  beforeEach(() => {
    t = useTestDatabase();
  });
  afterEach(async () => {
    await t.close();
  });

  it("is 404 for a version of another program, before any redirect", async () => {
    const userId = await userIdByEmail(t, "planner@kok-jaiyk.demo");
    const m = await t.db.selectFrom("municipality").select("id").where("name_ru", "=", "Кок-Жайык айылный аймак").executeTakeFirstOrThrow();
    const mine = await createProgram({ municipalityId: m.id, title: "Своя", startYear: 2026, endYear: 2030, language: "ru", userId });
    const other = await createProgram({ municipalityId: m.id, title: "Чужая", startYear: 2026, endYear: 2030, language: "ru", userId });
    const ownVersion = await t.db.transaction().execute((trx) => freezeVersion(trx, mine, userId, null, new Date().toISOString()));
    const otherVersion = await t.db.transaction().execute((trx) => freezeVersion(trx, other, userId, null, new Date().toISOString()));
    const cookie = await cookieFor("planner@kok-jaiyk.demo");
    const open = (versionId: number) =>
      oldVersionPage({
        request: get(`/programs/${mine}/versions/${versionId}`, cookie),
        params: { programId: String(mine), versionId: String(versionId) },
        context: {},
      });

    expect(await statusOf(open(otherVersion.id))).toBe(404);
    expect(await statusOf(open(otherVersion.id + 1000))).toBe(404);
    const moved = (await open(ownVersion.id)) as Response;
    expect(moved.status).toBe(302);
    expect(moved.headers.get("Location")).toBe(`/programs/${mine}?version=${ownVersion.id}`);
  });
});
