/**
 * Counted strings use i18next plural keys: Russian one/few/many, Kyrgyz and English one/other.
 * Every Russian plural string is rendered for 1, 2, 5, 21, 22, 25 and must pick the right form.
 */
import { describe, expect, it } from "vitest";
import { createServerI18n } from "~/i18n/i18n.server";
import { resources } from "~/i18n/resources";

function leaves(obj: unknown, prefix = ""): [string, string][] {
  if (typeof obj === "string") return [[prefix, obj]];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const all = (lang: "ru" | "ky" | "en") =>
  Object.entries(resources[lang]).flatMap(([ns, tree]) => leaves(tree).map(([k, v]) => [`${ns}:${k}`, v] as const));

describe("plural forms", () => {
  const ru = all("ru");
  const plural = [...new Set(ru.filter(([k]) => /_(one|few|many|other)$/.test(k)).map(([k]) => k.replace(/_(one|few|many|other)$/, "")))];

  it("each Russian plural has one, few and many; Kyrgyz and English one and other", () => {
    expect(plural.length).toBeGreaterThan(5);
    const has = (lang: "ru" | "ky" | "en", key: string) => new Set<string>(all(lang).map(([k]) => k)).has(key);
    for (const base of plural) {
      for (const f of ["one", "few", "many"]) expect(has("ru", `${base}_${f}`), `${base}_${f}`).toBe(true);
      for (const lang of ["ky", "en"] as const)
        for (const f of ["one", "other"]) expect(has(lang, `${base}_${f}`), `${lang} ${base}_${f}`).toBe(true);
    }
  });

  it("Russian picks one for 1 and 21, few for 2 and 22, many for 5 and 25", async () => {
    const i18n = await createServerI18n("ru");
    const forms = Object.fromEntries(ru);
    const vars = { women: 3, men: 4, share: "50 %", pwd: 1, youth: 2, meetings: 2, hearings: 1, participants: "?" };
    for (const base of plural) {
      for (const [n, form] of [
        [1, "one"],
        [21, "one"],
        [2, "few"],
        [22, "few"],
        [5, "many"],
        [25, "many"],
      ] as const) {
        const expected = i18n.t(`${base}_${form}`, { ...vars, count: n });
        expect(i18n.t(base, { ...vars, count: n }), `${base} ${n}`).toBe(expected);
        expect(forms[`${base}_${form}`], base).toBeTruthy();
      }
    }
    expect(i18n.t("plan:t12.total", { count: 21 })).toBe("Итого (21 мероприятие)");
    expect(i18n.t("plan:t12.total", { count: 22 })).toBe("Итого (22 мероприятия)");
    expect(i18n.t("compliance:evidence.lensAnswered", { count: 22 })).toBe("Отвечено на все 22 вопроса.");
    expect(
      i18n.t("export:doc.intro.participation", {
        count: 454,
        participants: "454",
        ...{ meetings: 7, hearings: 1, women: 1, share: "", pwd: 0, youth: 0 },
      }),
    ).toContain("Участвовали 454 человека");
  });

  it("no Russian string puts a noun right after a bare count without plural forms", () => {
    const bare = ru.filter(
      ([k, v]) => !/_(one|few|many|other)$/.test(k) && /\{\{(count|n|total)\}\} (?!тыс\.|чел\.|не |от |из )[а-яё]/.test(v),
    );
    expect(bare.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });
});
