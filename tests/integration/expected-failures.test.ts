/**
 * Issue #18: a failure a service reports ends the request with its own status and message key
 * when the route lets it through (the comments route used to translate each status by hand).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { ExpectedFailure } from "~/http/expected-failure";
import { action as commentsAction } from "~/routes/programs.$programId.comments";
import { cookieFor, post } from "../support/requests";
import { useTestDatabase } from "../support/test-db";

let t: ReturnType<typeof useTestDatabase>;
beforeAll(() => {
  t = useTestDatabase();
});
afterAll(async () => {
  await t.close();
});

it("changing the status of a comment that does not exist answers 404 with the failure's key", async () => {
  const program = await t.db.selectFrom("program").select("id").orderBy("id").executeTakeFirstOrThrow();
  const request = post(`/programs/${program.id}/comments`, await cookieFor("deputy@kok-jaiyk.demo"), {
    intent: "status",
    commentId: "999999",
    elementId: "program",
    status: "accepted",
  });
  const thrown = await commentsAction({ request, params: { programId: String(program.id) }, context: {} }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(thrown).toBeInstanceOf(ExpectedFailure);
  const failure = thrown as ExpectedFailure;
  expect(failure.status).toBe(404);
  expect(await failure.json()).toEqual({ kind: "notFound", messageKey: "errors.notFound" });
});
