import { describe, expect, it } from "vitest";
import { draftDecision, parseDraft, type FormDraft } from "~/domain/form-draft";

const draft = (version: number, submitted?: boolean): FormDraft => ({ version, savedAt: 0, fields: [["title", "x"]], submitted });

describe("local form drafts", () => {
  it("restores a draft typed on the version on screen, offers one typed on another, drops a submitted one the server has moved past", () => {
    expect(draftDecision(null, 3)).toBe("none");
    expect(draftDecision(draft(3), 3)).toBe("restore");
    expect(draftDecision(draft(3, true), 3)).toBe("restore"); // the save failed: still the user's typing
    expect(draftDecision(draft(2), 3)).toBe("offer"); // someone saved since: never applied silently
    expect(draftDecision(draft(2, true), 3)).toBe("drop"); // this very draft was saved
  });
  it("treats anything malformed as no draft", () => {
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft("{")).toBeNull();
    expect(parseDraft('{"version":"1","fields":[]}')).toBeNull();
    expect(parseDraft(JSON.stringify(draft(1)))?.version).toBe(1);
  });
});
