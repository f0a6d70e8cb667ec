import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { hostileFiles } from "./program-file-cases";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs the CLI as a user would, on a copy of the test database. */
function kadam(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "app/cli/kadam.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: db },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("kadam CLI", () => {
  let t: ReturnType<typeof useTestDatabase>;
  let programId: number;
  let municipalityId: number;
  const tmp = path.join(ROOT, "tests/.tmp", `cli-${process.pid}`);
  beforeAll(async () => {
    t = useTestDatabase();
    const first = await t.db.selectFrom("program").select(["id", "municipality_id"]).orderBy("id").executeTakeFirstOrThrow();
    programId = first.id;
    municipalityId = first.municipality_id;
    // The CLI opens the file itself: release ours so WAL content is in the file it reads.
    await t.db.destroy();
    fs.mkdirSync(tmp, { recursive: true });
  });
  afterAll(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(t.file + suffix, { force: true });
  });

  it("lists municipalities and programs", () => {
    const r = kadam(t.file, "list");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/municipality \d+: Кок-Жайык айылный аймак \(Кочкорский район, Нарынская область\)/);
    expect(r.out).toContain(`program ${programId}:`);
  });

  it("exports JSON and imports it as a new program", () => {
    const file = path.join(tmp, "program.json");
    const out = kadam(t.file, "export-json", String(programId), "--out", file);
    expect(out.code).toBe(0);
    const parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(parsed.format).toBe("kadam-program");
    const imported = kadam(t.file, "import", file, "--municipality", String(municipalityId));
    expect(imported.err).toBe("");
    expect(imported.code).toBe(0);
    expect(Number(imported.out.trim())).toBeGreaterThan(programId);
  }, 120_000);

  it("checks a program and a program file, printing every rule", () => {
    // Russian by default, every word translated; the rule id stays first for scripts.
    const r = kadam(t.file, "check", String(programId));
    expect([0, 1]).toContain(r.code);
    expect(r.out).toMatch(/^r01\t(выполнено|не выполнено|не применимо)\t(обязательное|рекомендация)\t/m);
    expect(r.out).toMatch(/Не выполнено обязательных требований: \d+/);
    const en = kadam(t.file, "check", String(programId), "--lang", "en");
    expect(en.out).toMatch(/blockers failing: \d+/);
    const ky = kadam(t.file, "check", String(programId), "--lang", "ky");
    expect(ky.out).toMatch(/Аткарылбаган милдеттүү талаптар: \d+/);
    const file = path.join(tmp, "check.json");
    kadam(t.file, "export-json", String(programId), "--out", file);
    const f = kadam(t.file, "check", file);
    expect([0, 1]).toContain(f.code);
    expect(f.out).toMatch(/^r\d\d\t/m);
  }, 120_000);

  it("exports DOCX", () => {
    const file = path.join(tmp, "program.docx");
    const r = kadam(t.file, "export-docx", String(programId), "--lang", "ru", "--out", file);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  }, 120_000);

  it("fails clearly on a bad command, a missing program and a bad file", () => {
    const bad = kadam(t.file, "frobnicate");
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/Commands:/);
    const missing = kadam(t.file, "export-json", "99999");
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/No program 99999/);
    const check = kadam(t.file, "check", "99999");
    expect(check.code).not.toBe(0);
    expect(check.err).toMatch(/No program 99999/);
    const docx = kadam(t.file, "export-docx", "99999", "--out", path.join(tmp, "x.docx"));
    expect(docx.code).not.toBe(0);
    expect(docx.err).toMatch(/No program 99999/);
    const junk = path.join(tmp, "junk.json");
    fs.writeFileSync(junk, "{ not json");
    const imp = kadam(t.file, "import", junk, "--municipality", String(municipalityId));
    expect(imp.code).not.toBe(0);
    expect(imp.err).toMatch(/ничего не создано/);
  }, 120_000);

  it("refuses every hostile program file of issue #16 with the error named in English, and creates nothing", async () => {
    const file = path.join(tmp, "good.json");
    expect(kadam(t.file, "export-json", String(programId), "--out", file).code).toBe(0);
    const { docTranslator } = await import("~/export/i18n");
    const { readProgramFile } = await import("~/cli/program-file.server");
    const en = docTranslator("en");
    const cases = Object.entries(hostileFiles(JSON.parse(fs.readFileSync(file, "utf8"))));
    // What `kadam import` and `kadam check` read, in this process: the line names the place and says what is wrong in words.
    const lineOf = (error: string) => {
      const [where, key] = error.split(" ");
      return `${where ? `[${where}]` : "file"}: ${en(key, {}).split("{{")[0].split("“")[0].trim()}`;
    };
    for (const [name, { text, error }] of cases) {
      const bad = path.join(tmp, `${name}.json`);
      fs.writeFileSync(bad, text);
      const read = readProgramFile(bad, "en");
      expect(read.ok, name).toBe(false);
      if (!read.ok)
        expect(
          read.lines.some((line) => line.includes(lineOf(error))),
          `${name}: ${read.lines[0]}`,
        ).toBe(true);
    }
    // And through the command itself, once: the lines on stderr, a failure code, no program.
    const programs = () => kadam(t.file, "list").out.match(/program \d+:/g)?.length;
    const before = programs();
    const r = kadam(t.file, "import", path.join(tmp, "parentCycle.json"), "--municipality", String(municipalityId), "--lang", "en");
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(lineOf(hostileFiles(JSON.parse(fs.readFileSync(file, "utf8"))).parentCycle.error));
    expect(r.err).toMatch(/nothing was created/);
    expect(programs()).toBe(before);
  }, 120_000);

  it("names a refused element by its kind, id and title and says what is wrong in words (Russian by default)", () => {
    const file = path.join(tmp, "sums.json");
    expect(kadam(t.file, "export-json", String(programId), "--out", file).code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(file, "utf8"));
    const action = doc.elements.find((e: { kind: string }) => e.kind === "action");
    action.data.totalCost = Number(action.data.totalCost) + 1000;
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = kadam(t.file, "check", file);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Мероприятие ${action.id} «${action.data.title}»`);
    expect(r.out).not.toMatch(/\b[a-z]+:errors\.\w+/);
    expect(r.out).not.toMatch(/^elements\[\d+\]/m);
    expect(r.out).toContain("правила проверки не запускались");
    const en = kadam(t.file, "check", file, "--lang", "en");
    expect(en.out).toContain(`Action ${action.id} «${action.data.title}»`);
  }, 120_000);
});
