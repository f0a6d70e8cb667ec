import { describe, expect, it } from "vitest";
import { keepVersion } from "~/components/program-link";

describe("links while a frozen version is open", () => {
  const at = (pathname: string, search = "?version=7") => ({ pathname, search });

  it("keep ?version on links to the same program's stage pages, before the hash and after other parameters", () => {
    expect(keepVersion("/programs/3/actions", at("/programs/3/strategy"))).toBe("/programs/3/actions?version=7");
    expect(keepVersion("/programs/3", at("/programs/3/strategy"))).toBe("/programs/3?version=7");
    expect(keepVersion("/programs/3/lens/A#lens-answers.a1", at("/programs/3/lens"))).toBe("/programs/3/lens/A?version=7#lens-answers.a1");
    expect(keepVersion("/programs/3/comments?element=stage%3Astartup", at("/programs/3/comments"))).toBe(
      "/programs/3/comments?element=stage%3Astartup&version=7",
    );
    expect(keepVersion("/programs/3/export/docx", at("/programs/3/export"))).toBe("/programs/3/export/docx?version=7");
  });

  it("leave other links alone", () => {
    expect(keepVersion("/programs/3/actions", at("/programs/3/strategy", ""))).toBe("/programs/3/actions");
    expect(keepVersion("/programs/4/actions", at("/programs/3/strategy"))).toBe("/programs/4/actions");
    expect(keepVersion("/programs/3/versions", at("/programs/3/strategy"))).toBe("/programs/3/versions");
    expect(keepVersion("/programs/3/history", at("/programs/3"))).toBe("/programs/3/history");
    expect(keepVersion("/inbox", at("/programs/3"))).toBe("/inbox");
    expect(keepVersion("/programs/3/actions?version=2", at("/programs/3"))).toBe("/programs/3/actions?version=2");
  });
});
