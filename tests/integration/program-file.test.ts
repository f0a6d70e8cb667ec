import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalContent } from "~/domain/program-file";
import { parseProgramFile } from "~/services/program-file.server";
import { exportProgramFile, importProgramFile, validateElements } from "~/services/program-file.server";
import { cookieFor } from "../support/requests";
import { useTestDatabase, userIdByEmail } from "../support/test-db";
import { hostileFiles, largestFile } from "./program-file-cases";

describe("program file", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let demoId: number;
  beforeEach(async () => {
    t = useTestDatabase();
    demoId = (await t.db.selectFrom("program").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  });
  afterEach(async () => {
    await t.close();
  });

  const municipalityOf = async (programId: number) =>
    (await t.db.selectFrom("program").select("municipality_id").where("id", "=", programId).executeTakeFirstOrThrow()).municipality_id;

  async function counts() {
    const p = await t.db
      .selectFrom("program")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const e = await t.db
      .selectFrom("program_element")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return { programs: Number(p.n), elements: Number(e.n) };
  }

  it("round-trips the demo program: export → import → export gives the same content", async () => {
    const first = await exportProgramFile(t.db, demoId);
    expect(first.elements.length).toBeGreaterThan(3);
    const text = JSON.stringify(first);
    const parsed = parseProgramFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(validateElements(parsed.file)).toEqual([]);
    const other = await t.db.selectFrom("municipality").select("id").where("name_ru", "like", "Сары-Булак%").executeTakeFirstOrThrow();
    const userId = await userIdByEmail(t, "planner@other.demo");
    const newId = await importProgramFile(t.db, { file: parsed.file, municipalityId: other.id, userId });
    const second = await exportProgramFile(t.db, newId);
    expect(second.municipality.nameRu).toMatch(/Сары-Булак/);
    expect(canonicalContent(second).elements).toEqual(canonicalContent(first).elements);
    expect({ ...second.program, status: "x" }).toEqual({ ...first.program, status: "x" });
    // Ids are new, links between elements point to the new ids.
    const oldIds = new Set(first.elements.map((e) => e.id));
    expect(second.elements.some((e) => oldIds.has(e.id))).toBe(false);
    for (const e of second.elements) if (e.parentId) expect(second.elements.some((p) => p.id === e.parentId)).toBe(true);
  });

  it("writes oblast and raion as codes, and still imports an older file that names them in free text", async () => {
    const file = await exportProgramFile(t.db, demoId);
    expect(file.municipality).toMatchObject({ oblast: "naryn", raion: "naryn.kochkor" });
    const older = parseProgramFile(
      JSON.stringify({ ...file, municipality: { ...file.municipality, oblast: "Нарынская (пример)", raion: "Ала-Тоо (вымышленный)" } }),
    );
    if (!older.ok) throw new Error(JSON.stringify(older.errors));
    const before = await counts();
    await importProgramFile(t.db, {
      file: older.file,
      municipalityId: await municipalityOf(demoId),
      userId: await userIdByEmail(t, "planner@kok-jaiyk.demo"),
    });
    expect((await counts()).programs).toBe(before.programs + 1);
  });

  it("refuses bad files with a message naming what is wrong, and creates nothing", async () => {
    const before = await counts();
    const good = await exportProgramFile(t.db, demoId);
    const cases: [string, string][] = [
      ["this is { not json", "files:errors.notJson"],
      [JSON.stringify({ hello: "world" }), "files:errors.notKadam"],
      [JSON.stringify(good).slice(0, 500), "files:errors.notJson"],
      [JSON.stringify({ ...good, schemaVersion: 9 }), "files:errors.newerVersion"],
      [JSON.stringify({ ...good, elements: [{ ...good.elements[0], parentId: "missing" }] }), "files:errors.missingParent"],
    ];
    for (const [text, key] of cases) {
      const parsed = parseProgramFile(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors.map((e) => e.messageKey)).toContain(key);
    }
    expect(await counts()).toEqual(before);
  });

  it("holds actions in a file to the form's rules: sources must add up to the cost", async () => {
    const good = await exportProgramFile(t.db, demoId);
    const index = good.elements.findIndex((e) => e.kind === "action");
    expect(index).toBeGreaterThanOrEqual(0);
    const action = good.elements[index];
    const broken = { ...action, data: { ...action.data, totalCost: Number(action.data.totalCost) + 300 } };
    const file = { ...good, elements: good.elements.map((e, i) => (i === index ? broken : e)) };
    const parsed = parseProgramFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error("structure should be fine");
    const problems = validateElements(parsed.file);
    const funding = problems.find((p) => p.path === `elements[${index}](action).funding`);
    expect(funding?.messageKey).toBe("plan:errors.fundingSum");
    expect(funding?.values).toMatchObject({ diff: "300" });
  });

  it("keeps script tags inside texts as plain text", async () => {
    const good = await exportProgramFile(t.db, demoId);
    const file = { ...good, program: { ...good.program, title: "<script>alert(1)</script> Программа" } };
    const parsed = parseProgramFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error("should parse");
    const userId = await userIdByEmail(t, "planner@kok-jaiyk.demo");
    const m = await t.db.selectFrom("program").select("municipality_id").where("id", "=", demoId).executeTakeFirstOrThrow();
    const id = await importProgramFile(t.db, { file: parsed.file, municipalityId: m.municipality_id, userId });
    const row = await t.db.selectFrom("program").select("title").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.title).toBe("<script>alert(1)</script> Программа");
  });

  it("refuses every hostile file of issue #16 through the import page: 400, the file's error list, nothing stored", async () => {
    const { action } = await import("~/routes/programs.import");
    const { docTranslator } = await import("~/export/i18n");
    const tr = docTranslator("ru");
    const cookie = await cookieFor("planner@kok-jaiyk.demo");
    const good = await exportProgramFile(t.db, demoId);
    const before = await counts();
    for (const [name, { text, error }] of Object.entries(hostileFiles(good))) {
      const response = (await action({ request: upload(cookie, await municipalityOf(demoId), text), params: {}, context: {} })) as Response;
      expect(response.status, name).toBe(400);
      const { errors } = (await response.json()) as { errors: { path: string; messageKey: string; values?: Record<string, unknown> }[] };
      const found = errors.find((e) => `${e.path} ${e.messageKey}` === error);
      expect(found, `${name}: ${JSON.stringify(errors.slice(0, 3))}`).toBeDefined();
      // A translated sentence, not the key.
      expect(tr(found!.messageKey, found!.values ?? {})).not.toContain("errors.");
    }
    expect(await counts()).toEqual(before);
  }, 120_000);

  it("imports a file with every kind at its maximum, and the pages that read it answer", async () => {
    const { action } = await import("~/routes/programs.import");
    const cookie = await cookieFor("planner@kok-jaiyk.demo");
    const text = largestFile(await exportProgramFile(t.db, demoId));
    const response = (await action({ request: upload(cookie, await municipalityOf(demoId), text), params: {}, context: {} })) as Response;
    expect(response.status, await response.clone().text()).toBe(302);
    const id = Number(/programs\/(\d+)/.exec(response.headers.get("location") ?? "")?.[1]);
    const stored = await t.db
      .selectFrom("program_element")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("program_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(JSON.parse(text).elements.length);
    for (const page of [
      "strategy._index",
      "actions._index",
      "indicators._index",
      "financing",
      "trace",
      "check",
      "_index",
      "lens._index",
      "export._index",
    ]) {
      const route = await import(`~/routes/programs.$programId.${page}.tsx`);
      const answer = await route.loader({
        request: new Request(`http://localhost/programs/${id}`, { headers: { cookie } }),
        params: { programId: String(id) },
        context: {},
      });
      expect(answer instanceof Response ? answer.status : 200, page).toBe(200);
    }
  }, 120_000);
});

/** A multipart upload of the import form, as a browser sends it. */
function upload(cookie: string, municipalityId: number, text: string): Request {
  const form = new FormData();
  form.set("file", new Blob([text], { type: "application/json" }), "program.json");
  return new Request(`http://localhost/programs/import?municipality=${municipalityId}`, {
    method: "POST",
    headers: { cookie },
    body: form,
  });
}
