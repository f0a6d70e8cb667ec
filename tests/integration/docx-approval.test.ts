import JSZip from "jszip";
import mammoth from "mammoth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportInputs } from "~/services/downloads.server";
import { buildProgramDocument, packDocx } from "~/export/program-docx.server";
import { addComment } from "~/services/comments.server";
import { transition } from "~/services/workflow.server";
import { useTestDatabase, userIdByEmail } from "../support/test-db";

async function text(buffer: Buffer) {
  return (await mammoth.extractRawText({ buffer })).value;
}

describe("DOCX of an approved program and of a version", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  beforeEach(async () => {
    t = useTestDatabase();
    programId = (await t.db.selectFrom("program").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  });
  afterEach(async () => {
    await t.close();
  });

  it("puts the council's resolution on the title page and the comments in the annex, without the draft mark", async () => {
    const coordinator = await userIdByEmail(t, "coordinator@kok-jaiyk.demo");
    const deputy = await userIdByEmail(t, "deputy@kok-jaiyk.demo");
    await addComment({ programId, elementId: "stage:startup", authorId: deputy, body: "Буйруктун номерин тактаңыз" });
    const submitted = await transition({ programId, action: "submit_to_council", userId: coordinator, roles: ["coordinator"] });
    await transition({
      programId,
      action: "approve",
      userId: deputy,
      roles: ["deputy"],
      approval: { resolutionNumber: "19", resolutionDate: new Date().toISOString().slice(0, 10), chairName: "Ж. Асанов" },
    });
    const { data, approval, comments } = await exportInputs(programId, null);
    expect(data.program.status).toBe("approved");
    const doc = await buildProgramDocument(data, {
      lang: data.program.language,
      draft: false,
      comments,
      approval: { resolutionNumber: approval!.resolutionNumber, resolutionDate: approval!.resolutionDate, chairName: approval!.chairName },
    });
    const buffer = await packDocx(doc);
    const body = await text(buffer);
    expect(body).toContain("№ 19");
    expect(body).toContain("Ж. Асанов");
    expect(body).toContain("Буйруктун номерин тактаңыз");
    const xml = await (await JSZip.loadAsync(buffer)).file("word/header1.xml")?.async("string");
    expect(xml ?? "").not.toContain("ДОЛБООР");

    // The version frozen when the program went to the council still exports, as it was then.
    const old = await exportInputs(programId, String(submitted.versionId));
    expect(old.data.program.status).toBe("council_review");
    expect(old.approval).toBeNull();
  });

  it("refuses a version of another program", async () => {
    await expect(exportInputs(programId, "999999")).rejects.toBeInstanceOf(Response);
  });
});
