/** Issue #18: one type for expected failures, mapped to HTTP in one place. */
import { describe, expect, it } from "vitest";
import { ExpectedFailure, isFailureBody, notFound, type FailureKind } from "~/http/expected-failure";

describe("ExpectedFailure", () => {
  it("answers each kind with its status and says what happened in its body", async () => {
    const expected: Record<FailureKind, number> = { invalid: 400, forbidden: 403, notFound: 404, conflict: 409 };
    for (const [kind, status] of Object.entries(expected) as [FailureKind, number][]) {
      const failure = new ExpectedFailure(kind, `review:errors.${kind}`);
      // A Response: thrown from a loader or action, Remix ends the request with this status.
      expect(failure).toBeInstanceOf(Response);
      expect(failure.status).toBe(status);
      expect(failure.headers.get("Content-Type")).toMatch(/^application\/json/);
      const body = await failure.json();
      expect(body).toEqual({ kind, messageKey: `review:errors.${kind}` });
      expect(isFailureBody(body)).toBe(true);
    }
  });

  it("keeps the field errors a form shows, and a message for logs and the command line", () => {
    const failure = new ExpectedFailure("invalid", "review:errors.missing", { resolutionDate: ["errors.dateInFuture"] });
    expect(failure.fieldErrors).toEqual({ resolutionDate: ["errors.dateInFuture"] });
    expect(failure.message).toBe("review:errors.missing");
    expect(notFound().status).toBe(404);
    expect(isFailureBody("Not found")).toBe(false);
  });
});
