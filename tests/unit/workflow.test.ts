import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema";
import {
  allowedActions,
  checkTransition,
  PROGRAM_STATUSES,
  rolesForProgram,
  TRANSITIONS,
  transitionFormSchema,
  WORKFLOW_ACTIONS,
} from "~/domain/workflow";
import { EDITABLE_STATUSES, MINISTRY_VISIBLE_STATUSES } from "~/auth/authorize.server";

const ROLES: Role[] = ["planner", "coordinator", "deputy", "ministry", "admin"];

/** Expected: status → role → actions that role may take. Everything else is refused. */
const expected: Record<string, Partial<Record<Role, string[]>>> = {
  draft: { coordinator: ["submit_to_council", "restore"] },
  council_review: { deputy: ["request_changes", "approve"] },
  changes_requested: { coordinator: ["resubmit", "restore"] },
  // Before it goes to the ministry, the coordinator may also correct or withdraw the approval record.
  approved: { coordinator: ["submit_to_ministry", "correct_approval", "withdraw_approval"] },
  submitted: { ministry: ["return", "accept"] },
  returned: { coordinator: ["reopen", "restore"] },
  accepted: { coordinator: ["publish"] },
  published: {},
};

describe("workflow transition table", () => {
  it("uses exactly the status ids the app already knows", () => {
    expect([...PROGRAM_STATUSES].sort()).toEqual(Object.keys(expected).sort());
    for (const s of [...EDITABLE_STATUSES, ...MINISTRY_VISIBLE_STATUSES]) expect(PROGRAM_STATUSES).toContain(s);
    for (const r of TRANSITIONS) for (const s of [...r.from, r.to]) expect(PROGRAM_STATUSES).toContain(s);
  });

  for (const status of PROGRAM_STATUSES) {
    for (const role of ROLES) {
      const allowed = expected[status][role] ?? [];
      it(`${role} at ${status}: ${allowed.join(", ") || "nothing"}`, () => {
        expect(allowedActions(status, [role]).map((r) => r.action)).toEqual(allowed);
        for (const action of WORKFLOW_ACTIONS) {
          const check = checkTransition(status, action, [role]);
          expect(check.ok, `${action}`).toBe(allowed.includes(action));
        }
      });
    }
  }

  it("says why a transition is refused", () => {
    expect(checkTransition("draft", "approve", ["deputy"])).toEqual({ ok: false, reason: "wrongStatus" });
    expect(checkTransition("council_review", "approve", ["coordinator"])).toEqual({ ok: false, reason: "wrongRole" });
    expect(checkTransition("draft", "delete_everything", ["coordinator"])).toEqual({ ok: false, reason: "unknownAction" });
  });

  it("leads to the right statuses", () => {
    const to = Object.fromEntries(TRANSITIONS.map((r) => [r.action, r.to]));
    expect(to).toEqual({
      submit_to_council: "council_review",
      request_changes: "changes_requested",
      approve: "approved",
      resubmit: "council_review",
      submit_to_ministry: "submitted",
      return: "returned",
      accept: "accepted",
      reopen: "draft",
      publish: "published",
      restore: "draft",
      correct_approval: "approved",
      withdraw_approval: "council_review",
    });
  });

  it("requires a resolution for approval, findings for a return, a URL for publication", () => {
    const approve = transitionFormSchema("approval");
    expect(approve.safeParse({ action: "approve" }).success).toBe(false);
    expect(approve.safeParse({ action: "approve", resolutionNumber: "12", resolutionDate: "2026-03-01", chairName: "А. Б." }).success).toBe(
      true,
    );
    expect(approve.safeParse({ action: "approve", resolutionNumber: "12", resolutionDate: "01.03.2026", chairName: "А. Б." }).success).toBe(
      false,
    );
    expect(transitionFormSchema("comment").safeParse({ action: "return", comment: "  " }).success).toBe(false);
    expect(transitionFormSchema("comment").safeParse({ action: "return", comment: "Нет индикаторов" }).success).toBe(true);
    expect(transitionFormSchema("publication").safeParse({ action: "publish", publicationUrl: "not a url" }).success).toBe(false);
    expect(
      transitionFormSchema("publication").safeParse({ action: "publish", publicationUrl: "https://kok-jaiyk.kg/program" }).success,
    ).toBe(true);
    expect(transitionFormSchema("none").safeParse({ action: "submit_to_council" }).success).toBe(true);
  });

  it("counts municipal roles only for the program's municipality; admins have no workflow role", () => {
    const memberships = [
      { municipalityId: 1, role: "deputy" as Role },
      { municipalityId: 2, role: "coordinator" as Role },
      { municipalityId: null, role: "ministry" as Role },
      { municipalityId: null, role: "admin" as Role },
    ];
    expect(rolesForProgram(memberships, 1).sort()).toEqual(["deputy", "ministry"]);
    expect(rolesForProgram(memberships, 2).sort()).toEqual(["coordinator", "ministry"]);
  });
});
