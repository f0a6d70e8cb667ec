/**
 * The field-label registry names every field of every element kind: the demo program's saved
 * data (every stage filled) is walked leaf by leaf and each path must have a label in ru, ky and en.
 */
import { describe, expect, it } from "vitest";
import { demoStages } from "../../db/demo/stages";
import { fieldLabel, hasFieldLabel, isInternalField, registryKeys } from "~/domain/field-labels";
import { createServerI18n } from "~/i18n/i18n.server";

function leaves(value: unknown, prefix: string, out: Set<string>) {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) out.add(prefix);
    else value.forEach((v, i) => leaves(v, `${prefix}[${i}]`, out));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.add(prefix);
}

async function demoPaths(): Promise<Map<string, Set<string>>> {
  const byKind = new Map<string, Set<string>>();
  let n = 0;
  const add = async (kind: string, data: unknown) => {
    const set = byKind.get(kind) ?? new Set<string>();
    byKind.set(kind, set);
    leaves(data, "", set);
    return `demo-${n++}`;
  };
  for (const stage of demoStages) await stage(add);
  return byKind;
}

describe("field labels", () => {
  it("name every field of every element kind in the demo program", async () => {
    const byKind = await demoPaths();
    expect(byKind.size).toBeGreaterThan(15);
    const missing = [...byKind].flatMap(([kind, paths]) =>
      [...paths].filter((p) => !isInternalField(p) && !hasFieldLabel(kind, p)).map((p) => `${kind}: ${p}`),
    );
    expect(missing).toEqual([]);
  });

  it("use keys that exist in every language", async () => {
    for (const lang of ["ru", "ky", "en"] as const) {
      const i18n = await createServerI18n(lang);
      const absent = registryKeys().filter((k) => !i18n.exists(k));
      expect(absent, lang).toEqual([]);
    }
  });

  it("read as words, with years, questions and form rows", async () => {
    const ru = (await createServerI18n("ru")).t;
    expect(fieldLabel("indicator", "baselineMen", ru)).toBe("Базовое значение: мужчины");
    expect(fieldLabel("indicator", "targetsMen.2029", ru)).toBe("Цель на 2029: мужчины");
    expect(fieldLabel("action", "lensQuestionIds", ru)).toMatch(/^Вопросы инклюзивной линзы/);
    expect(fieldLabel("lens", "answers.q07.evidence", ru)).toBe("Вопрос 7: Обоснование");
    expect(fieldLabel("problems", "rows[prob-1].title", ru)).toBe("Проблема");
    expect(fieldLabel("problems", "rows[2].title", ru)).toBe("Проблема (строка 3)");
    expect(fieldLabel("action", "funding.local", ru, (c) => (c === "local" ? "местный бюджет" : undefined))).toBe(
      "Источники финансирования: местный бюджет",
    );
    const en = (await createServerI18n("en")).t;
    expect(fieldLabel("startup", "endYear", en)).not.toBe("endYear");
  });
});
