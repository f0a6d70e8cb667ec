/**
 * Codes inside stored values are named for people (issue #17.11): the demo program (every stage
 * filled) is walked leaf by leaf; every value that is a code (a template id, a row or element id,
 * true/false) must sit in a field the value registry knows, and must read as words in ru, ky, en.
 */
import { describe, expect, it } from "vitest";
import { demoStages } from "../../db/demo/stages";
import { fieldLabel } from "~/domain/field-labels";
import { fieldValue, valueList } from "~/domain/field-values";
import { buildProgramData, type ProgramData } from "~/domain/program-data";
import { flattenValue } from "~/domain/version-diff";
import { createServerI18n } from "~/i18n/i18n.server";
import { methodology } from "~/methodology/templates.server";
import { valueNamer } from "~/services/field-values.server";

async function demoProgram(): Promise<ProgramData> {
  const rows: Parameters<typeof buildProgramData>[1] = [];
  let n = 0;
  for (const stage of demoStages)
    await stage(async (kind, data, opts = {}) => {
      const id = opts.id ?? `demo-${n}`;
      rows.push({ id, kind, parent_id: opts.parentId ?? null, position: n++, version: 1, data: JSON.stringify(data) });
      return id;
    });
  const program = {
    id: 1,
    title: "Demo",
    startYear: 2025,
    endYear: 2029,
    language: "ky" as const,
    status: "draft",
    methodologyVersion: "kg-2024.1",
    municipality: { id: 1, nameRu: "", nameKy: "", kind: "aiyl_aimak", raion: "", oblast: "" },
  };
  return buildProgramData(program, rows);
}

/** Every id a value could hold: template lists, the program's rows and elements. */
function knownCodes(data: ProgramData): Set<string> {
  const codes = new Set<string>(["true", "false"]);
  const m = methodology;
  const lists = [
    m.reference.sectors,
    m.reference.vulnerableGroups,
    m.reference.consultationFormats,
    m.reference.fundingSources,
    m.reference.workingGroupRoles,
    m.reference.indicatorFrequencies,
    m.gender.genderTags,
    m.gender.needTypes,
    m.gender.gapDomains,
    m.gender.whoDoesIt,
    m.lens.answers,
  ];
  for (const list of lists) for (const x of list) codes.add(x.id);
  for (const b of m.lens.blocks) for (const q of b.questions) codes.add(q.id);
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const id = (v as { id?: unknown }).id;
      if (typeof id === "string") codes.add(id);
      Object.values(v).forEach(walk);
    }
  };
  for (const el of Object.values(data.byKind).flat()) {
    codes.add(el.id);
    walk(el.data);
  }
  return codes;
}

describe("field values", () => {
  it("every code stored in the demo program sits in a field the registry names", async () => {
    const data = await demoProgram();
    const codes = knownCodes(data);
    const unnamed: string[] = [];
    for (const el of Object.values(data.byKind).flat())
      for (const [path, raw] of Object.entries(flattenValue(el.data))) {
        if (/(^|\.)id$/.test(path) || raw === "") continue;
        const isCode = raw.split(", ").every((c) => codes.has(c));
        if (isCode && !valueList(el.kind, path)) unnamed.push(`${el.kind}: ${path} = ${raw}`);
      }
    expect(unnamed).toEqual([]);
  });

  it("reads every coded value of the demo program as words in ru, ky and en", async () => {
    const data = await demoProgram();
    const codes = knownCodes(data);
    for (const lang of ["ru", "ky", "en"] as const) {
      const { t } = await createServerI18n(lang);
      const namer = valueNamer(lang, t, [data]);
      const bad: string[] = [];
      for (const el of Object.values(data.byKind).flat())
        for (const [path, raw] of Object.entries(flattenValue(el.data))) {
          if (!valueList(el.kind, path) || raw === "") continue;
          const shown = fieldValue(el.kind, path, raw, namer.names, namer.unknown);
          if (shown.includes(namer.unknown) || shown.split(", ").some((part) => codes.has(part)))
            bad.push(`${el.kind}: ${path} = ${raw} → ${shown}`);
        }
      expect(bad, lang).toEqual([]);
    }
  });

  it("names lens questions, groups, yes/no and deleted rows; leaves the user's own text alone", async () => {
    const data = await demoProgram();
    const { t } = await createServerI18n("ru");
    const namer = valueNamer("ru", t, [data]);
    const show = (kind: string, path: string, raw: string) => fieldValue(kind, path, raw, namer.names, namer.unknown);
    expect(show("action", "lensQuestionIds", "q07")).toMatch(/^Вопрос 7\. /);
    expect(show("action", "targetGroups", "pwd")).toBe("Люди с инвалидностью");
    expect(show("passport_vulnerable", "rows[r1].groupId", "pwd")).toBe("Люди с инвалидностью");
    expect(show("lens", "answers.q07.answer", "no")).toBe("Нет");
    expect(show("action", "tags.inclusive", "true")).toBe("Да");
    expect(show("action", "problemIds", "prob-water, gone")).toMatch(/, \(удалено\)$/);
    expect(show("action", "title", "pwd")).toBe("pwd");
    // A code inside the field's path is named too (the source of a funding line).
    expect(fieldLabel("action", "funding.local", t, namer.codeName)).toBe("Источники финансирования: Местный бюджет");
  });
});
