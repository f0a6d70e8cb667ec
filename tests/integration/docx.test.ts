/**
 * DOCX export of the seeded demo program (Kyrgyz) and of a Russian copy: structure checked in
 * word/document.xml, text checked with mammoth in reading order.
 */
import JSZip from "jszip";
import mammoth from "mammoth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { asciiFileName, contentDisposition, docxFileName } from "~/services/downloads.server";
import { PNG_SIGNATURE } from "~/export/chart-image.server";
import { CELL_SIZES, cellStyleId } from "~/export/docx-kit";
import { buildActionPlanDocument, buildAnnualPlanDocument, buildProgramDocument, packDocx } from "~/export/program-docx.server";
import { GENDER_KIND } from "~/domain/gender";
import { isGap, LENS_KIND, lensDataOf } from "~/domain/lens";
import type { ProgramData } from "~/domain/program-data";
import { methodology } from "~/methodology/templates.server";
import { loadProgramData } from "~/services/program-data.server";
import { useTestDatabase } from "../support/test-db";

let handle: ReturnType<typeof useTestDatabase>;
let demo: ProgramData;

beforeEach(async () => {
  handle = useTestDatabase();
  const p = await handle.db.selectFrom("program").select("id").where("title", "like", "Кок-Жайык%").executeTakeFirstOrThrow();
  demo = await loadProgramData(handle.db, p.id);
});
afterEach(() => handle.close());

async function unpack(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")!.async("string");
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /^word\/footer\d+\.xml$/.test(f))
      .map((f) => zip.file(f)!.async("string")),
  );
  const headers = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /^word\/header\d+\.xml$/.test(f))
      .map((f) => zip.file(f)!.async("string")),
  );
  const styles = await zip.file("word/styles.xml")!.async("string");
  const text = (await mammoth.extractRawText({ buffer })).value.replace(/[\u00a0\u202f]/g, " ");
  return { xml, styles, footers: footers.join("\n"), headers: headers.join("\n"), text };
}

/** Substring checks that print only the missing string, not the whole document. */
function expectContains(haystack: string, needles: string[]) {
  expect(needles.filter((n) => !haystack.includes(n))).toEqual([]);
}

describe("program DOCX (demo program, Kyrgyz)", () => {
  it("has the outline, the layout features and the figures of the action plan", async () => {
    expect(demo.program.language).toBe("ky");
    const buffer = await packDocx(await buildProgramDocument(demo, { lang: "ky", draft: true, today: "2025-03-01" }));
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    const { xml, styles, footers, headers, text } = await unpack(buffer);

    expectContains(xml, ['w:orient="landscape"', "<w:tblHeader/>", "<w:cantSplit/>"]);
    expect(/instrText[^>]*>TOC [^<]*\\o/.test(xml)).toBe(true);
    expectContains(styles, ['w:val="ky-KG"', "Times New Roman"]);
    // Table text is single-spaced with the rule stated (LibreOffice spreads a bare line="240" of 7–9 pt text).
    for (const size of CELL_SIZES)
      expect(styles).toMatch(new RegExp(`w:styleId="${cellStyleId(size)}"(?:(?!</w:style>).)*w:line="240" w:lineRule="auto"`));
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
    expect(headers).toContain("ДОЛБООР");

    // Title page: signature blocks of the default style, the title with the genitive form.
    expectContains(text, [
      "МАКУЛДАШЫЛДЫ",
      "БЕКИТЕМИН",
      "Кок-Жайык айылдык кеңешинин төрагасы",
      "КОК-ЖАЙЫК АЙЫЛ АЙМАГЫНЫН 2025–2029-ЖЫЛДАРГА",
    ]);
    // Under the title: raion and oblast in the document's language (codes of templates/geography.json).
    expectContains(text, ["Кочкор району, Нарын облусу"]);
    // Kyrgyz letters survive as themselves (no look-alike substitutes): Ө Ү in headings, ө ү ң in text.
    expectContains(text, ["Ө", "Ү", "ө", "ү", "ң"]);

    // Section headings in the order of templates/docx.json (the default style has no
    // introduction / abbreviations; the SWOT is its own section).
    const skip = new Set(["title", "toc", "introduction", "abbreviations"]);
    const titles = methodology.docx.sections.filter((s) => !skip.has(s.id)).map((s) => s.title.ky.toUpperCase());
    // The contents list the headings first; the body starts at the last "1-БӨЛҮМ. <first title>".
    let pos = text.lastIndexOf(`1-БӨЛҮМ. ${titles[0]}`);
    expect(pos).toBeGreaterThan(0);
    for (const title of titles) {
      const at = text.indexOf(title, pos);
      expect(at, title).toBeGreaterThanOrEqual(pos);
      pos = at;
    }
    expectContains(text, ["9-БӨЛҮМ. ИШ-ЧАРАЛАР ПЛАНЫ"]);

    // Action plan totals (domain brief §7.6), formatted with a space as thousands separator.
    expectContains(text, ["95 610", "19 860", "30 640", "36 540", "4 030", "4 540"]);
  });

  it("embeds the gender gap chart as a picture (SVG with a PNG fallback) in the gender section", async () => {
    const buffer = await packDocx(await buildProgramDocument(demo, { lang: "ky", draft: true }));
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file("word/document.xml")!.async("string");
    const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");

    // Level-1 headings in document order; the picture sits between «Гендердик талдоо» and the next one.
    const headings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*?<\/w:p>/g)].map((m) => ({
      at: m.index!,
      text: [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
    }));
    const gender = methodology.docx.sections.find((s) => s.id === "gender")!.title.ky.toUpperCase();
    const i = headings.findIndex((h) => h.text.endsWith(gender));
    expect(i, "gender heading").toBeGreaterThanOrEqual(0);
    const part = xml.slice(headings[i].at, headings[i + 1]?.at ?? xml.length);
    const drawing = part.match(/<w:drawing>.*?<\/w:drawing>/)?.[0] ?? "";
    expect(drawing).not.toBe("");
    expect(drawing).toContain('descr="');
    expect(drawing).toMatch(/title="[^"]*аялдар/i);

    // The blip is the PNG (what viewers without SVG show); the svgBlip extension carries the SVG.
    const target = (id: string) =>
      rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`))?.[1];
    const pngPath = target(drawing.match(/<a:blip r:embed="([^"]+)"/)![1]);
    const svgPath = target(drawing.match(/svgBlip[^>]*r:embed="([^"]+)"/)![1]);
    expect(pngPath).toMatch(/^media\/.+\.png$/);
    expect(svgPath).toMatch(/^media\/.+\.svg$/);
    const png = await zip.file(`word/${pngPath}`)!.async("nodebuffer");
    expect(png.length).toBeGreaterThan(1000);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const svg = await zip.file(`word/${svgPath}`)!.async("string");
    expect(svg).toContain("<svg");
    expect(svg).toContain("Жеке ишкерлер"); // a gap row of the demo

    // The caption follows the picture.
    expect(part.indexOf("1-сүрөт")).toBeGreaterThan(part.indexOf("<w:drawing>"));
  });

  it("keeps a placeholder instead of a chart when no gap row has figures", async () => {
    const gender = demo.byKind[GENDER_KIND]?.[0];
    expect(gender, "demo gender analysis").toBeDefined();
    const data = gender!.data as { gaps?: { women?: number; men?: number }[] };
    const noFigures = { ...gender!, data: { ...data, gaps: (data.gaps ?? []).map((g) => ({ ...g, women: undefined, men: undefined })) } };
    const program: ProgramData = { ...demo, byKind: { ...demo.byKind, [GENDER_KIND]: [noFigures] } };
    const buffer = await packDocx(await buildProgramDocument(program, { lang: "ky", draft: true }));
    const zip = await JSZip.loadAsync(buffer);
    expect(Object.keys(zip.files).filter((f) => f.startsWith("word/media/"))).toEqual([]);
    const { text } = await unpack(buffer);
    const stage = methodology.stages.find((st) => st.id === "gender")!.title.ky;
    expectContains(text, [`«${stage}» этабында толтурулат`]);
  });

  it("puts the population table, too wide for portrait, on a landscape page with its headings, then goes on in portrait", async () => {
    const { xml } = await unpack(await packDocx(await buildProgramDocument(demo, { lang: "ky", draft: true })));
    // Each docx section's content ends at its w:sectPr (the page size and orientation of that content).
    const sections = xml
      .split("<w:sectPr")
      .slice(0, -1)
      .map((chunk, i) => ({
        text: (i ? chunk.slice(chunk.indexOf("</w:sectPr>")) : chunk).replace(/<[^>]+>/g, ""),
        landscape: xml.split("<w:sectPr")[i + 1].split("</w:sectPr>")[0].includes('w:orient="landscape"'),
      }));
    const t2 = sections.findIndex((s) => s.text.includes("2-таблица. Калк айылдар"));
    expect(t2).toBeGreaterThan(0);
    expect(sections[t2].landscape).toBe(true);
    // The section and part headings that introduce it are on its page, not left alone on a portrait page.
    expect(sections[t2].text.startsWith("2-БӨЛҮМ. СОЦИАЛДЫК-ЭКОНОМИКАЛЫК АБАЛДЫ ТАЛДОО2.1. Калк жана демография2-таблица.")).toBe(true);
    expect(sections[t2 - 1].landscape).toBe(false);
    // The vulnerable groups (T3) fit a portrait page: the section goes on in portrait.
    expect(sections[t2 + 1].landscape).toBe(false);
    expect(sections[t2 + 1].text).toContain("3-таблица.");
    // The village names are whole in the table.
    expectContains(sections[t2].text, ["Кок-Жайык", "Орто-Суу"]);
  });

  it("lists the lens gaps in the lens section and the whole answer sheet in the annex", async () => {
    const { text } = await unpack(await packDocx(await buildProgramDocument(demo, { lang: "ky", draft: true })));
    const answers = lensDataOf(demo)!.answers;
    const questions = methodology.lens.blocks.flatMap((b) => b.questions);
    const answered = (gap: boolean) => questions.find((q) => answers[q.id]?.answer && isGap(answers[q.id]) === gap)!.text.ky;
    const [yes, gap] = [answered(false), answered(true)];
    const titleOf = (id: string) => methodology.docx.sections.find((x) => x.id === id)!.title.ky.toUpperCase();
    // The body, after the contents: from the lens section to the gender section, and the annexes.
    const lensAt = text.lastIndexOf(titleOf("lens"));
    const lensPart = text.slice(lensAt, text.indexOf(titleOf("gender"), lensAt));
    const annexPart = text.slice(text.lastIndexOf(titleOf("annexes")));
    expectContains(lensPart, ["«Инклюзивдик линзанын» аныкталган боштуктары жана аларга жооп", gap]);
    expect(lensPart).not.toContain(yes);
    expectContains(annexPart, [gap, yes]);
  });

  it("says the lens found no gaps when every question was answered yes", async () => {
    const lens = demo.byKind[LENS_KIND]![0];
    const answers = Object.fromEntries(Object.entries(lensDataOf(demo)!.answers).map(([id, a]) => [id, { ...a, answer: "yes" }]));
    const program: ProgramData = {
      ...demo,
      byKind: { ...demo.byKind, [LENS_KIND]: [{ ...lens, data: { ...(lens.data as object), answers } }] },
    };
    const { text } = await unpack(await packDocx(await buildProgramDocument(program, { lang: "ky", draft: true })));
    const yes = methodology.lens.answers.find((a) => a.id === "yes")!.label.ky;
    expectContains(text, [`бардык суроолоруна «${yes}» деп жооп берилди`]);
    expect(text).not.toContain("«Инклюзивдик линзанын» аныкталган боштуктары жана аларга жооп");
  });

  it("renders every section with a placeholder when the program is empty", async () => {
    const empty: ProgramData = { program: demo.program, byKind: {} };
    const { text } = await unpack(await packDocx(await buildProgramDocument(empty, { lang: "ky", draft: true })));
    expectContains(text, ["толтурулат", "ТОБОКЕЛДИКТЕР ЖАНА АЛАРДЫ АЗАЙТУУ ЧАРАЛАРЫ", "ТИРКЕМЕЛЕР"]);
  });

  it("prints the seeded baseline forecast as a table with its assumptions, not a placeholder", async () => {
    const { text } = await unpack(await packDocx(await buildProgramDocument(demo, { lang: "ky", draft: true })));
    const title = (id: string) => methodology.docx.sections.find((s) => s.id === id)!.title.ky.toUpperCase();
    // The contents list the headings first: the section body follows the last occurrence.
    const start = text.lastIndexOf(title("forecast"));
    const end = text.indexOf(title("strategy"), start);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const part = text.slice(start, end);
    const row = (id: string) => methodology.passport.forecast.rows.find((r) => r.id === id)!.label.ky;
    // Caption, year header, a row with its 2029 forecast (db/demo/situation.ts), the linked
    // indicator with its target, then the assumptions: in this order.
    const needles = [
      /\d+-таблица\. Өнүгүүнүн базалык болжолу/,
      /2029, болжол/,
      row("population"),
      /15 920/,
      row("drinking_water"),
      /1\.1\.1\.a Коопсуз түтүк суусу/,
      /100/,
      "Базалык сценарийдин божомолдору",
      "калк жылына орточо 1,4 %га өсөт",
    ];
    let pos = 0;
    for (const n of needles) {
      const at = typeof n === "string" ? part.indexOf(n, pos) : part.slice(pos).search(n) + pos;
      expect(at, String(n)).toBeGreaterThanOrEqual(pos);
      pos = at;
    }
    expect(part).not.toContain("толтурулат");
  });

  it("exports the action plan alone (landscape) and the first year's plan", async () => {
    const plan = await unpack(await packDocx(buildActionPlanDocument(demo, { lang: "ky", draft: true })));
    expect(plan.xml).toContain('w:orient="landscape"');
    expectContains(plan.text, ["95 610"]);
    const annual = await unpack(await packDocx(buildAnnualPlanDocument(demo, { lang: "ky", draft: false })));
    expectContains(annual.text, ["2025-ЖЫЛГА ИШКЕ АШЫРУУ ПЛАНЫ"]);
    expect(annual.headers).not.toContain("ДОЛБООР");
  });
});

describe("program DOCX in Russian", () => {
  const russian = () => ({ ...demo, program: { ...demo.program, language: "ru" as const } });

  it("uses the Russian wording: draft mark, signature blocks, «РАЗДЕЛ 1.»", async () => {
    const { text, headers, styles } = await unpack(await packDocx(await buildProgramDocument(russian(), { lang: "ru", draft: true })));
    expectContains(headers, ["ПРОЕКТ"]);
    expectContains(text, [
      "СОГЛАСОВАНО",
      "УТВЕРЖДАЮ",
      "Председатель Кок-Жайык айылного кенеша",
      "ПРОГРАММА СОЦИАЛЬНО-ЭКОНОМИЧЕСКОГО РАЗВИТИЯ КОК-ЖАЙЫК АЙЫЛНОГО АЙМАКА НА 2025–2029 ГОДЫ",
      "Кочкорский район, Нарынская область",
      "РАЗДЕЛ 1.",
    ]);
    expectContains(styles, ['w:val="ru-RU"']);
    // The financing section gives rule 14's verdict: the demo's years over the limit are named.
    expectContains(text, ["В 2026, 2027 годах доля превышает предел (20"]);
  });

  it("prints the resolution line with the approval data, and other numbering styles", async () => {
    const approval = { resolutionNumber: "19", resolutionDate: "2025-04-07" };
    const { text } = await unpack(
      await packDocx(await buildProgramDocument(russian(), { lang: "ru", draft: false, style: "aa-2024-resolution", approval })),
    );
    expectContains(text, ["Утверждена постановлением Кок-Жайык айылного кенеша от 7 апреля 2025 г. № 19"]);
    const ky = await unpack(
      await packDocx(await buildProgramDocument(demo, { lang: "ky", draft: false, style: "aa-2024-resolution", approval })),
    );
    expectContains(ky.text, ["Кок-Жайык айылдык кеңешинин 2025-жылдын 7-апрелиндеги № 19-токтому менен бекитилди"]);
    const roman = await unpack(await packDocx(await buildProgramDocument(russian(), { lang: "ru", draft: true, style: "roman" })));
    expectContains(roman.text, ["I. Общая характеристика территории", "Введение", "Правовая основа"]);
  });
});

describe("file name", () => {
  it("is safe, dated and has an ASCII fallback", () => {
    const name = docxFileName(
      { ...demo.program, municipality: { ...demo.program.municipality, nameKy: "Кок/Жайык айыл аймагы" } },
      "program",
      "2025-03-01T10:00:00Z",
    );
    expect(name).toBe("Кок-Жайык айыл аймагы_2025-2029_2025-03-01.docx");
    expect(asciiFileName(name)).toBe("Kok-Zhaiyk_aiyl_aimagy_2025-2029_2025-03-01.docx");
    expect(contentDisposition(name)).toContain("filename*=UTF-8''%D0%9A");
  });
});
