import { describe, expect, it } from "vitest";
import { normalizePlaceText } from "../../app/domain/geography";
import { geoName, placeFromText, placeIssues, placeLine, placeOptions } from "../../app/methodology/places.server";
import { methodology, rawTemplates, validateMethodology, type RawTemplates } from "../../app/methodology/templates.server";

// Test-only access into untyped JSON.

type Json = any;
const broken = (edit: (geo: Json) => void): RawTemplates => {
  const raw = structuredClone(rawTemplates);
  edit(raw["geography.json"]);
  return raw;
};

describe("geography reference data (templates/geography.json)", () => {
  const { oblasts } = methodology.geography;

  it("loads the 7 oblasts, Bishkek and Osh, and the 40 raions of the oblasts", () => {
    expect(oblasts.map((o) => o.id)).toEqual(["batken", "jalal-abad", "issyk-kul", "naryn", "osh", "talas", "chui", "bishkek", "osh-city"]);
    expect(oblasts.filter((o) => o.city).map((o) => o.id)).toEqual(["bishkek", "osh-city"]);
    expect(oblasts.filter((o) => !o.city).flatMap((o) => o.raions)).toHaveLength(40);
  });

  it("has codes that are unique across oblasts and raions", () => {
    const codes = oblasts.flatMap((o) => [o.id, ...o.raions.map((r) => r.id)]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("refuses a duplicate raion code and a raion code outside its oblast at load", () => {
    expect(() => validateMethodology(broken((g) => g.oblasts[3].raions.push(structuredClone(g.oblasts[3].raions[0]))))).toThrow(
      /geography\.json: oblasts\[3\]\.raions\[5\]\.id: duplicate id/,
    );
    expect(() => validateMethodology(broken((g) => (g.oblasts[0].raions[0].id = "naryn.batken")))).toThrow(
      /oblasts\[0\]\.raions\[0\]\.id: must start with "batken\."/,
    );
    expect(() => validateMethodology(broken((g) => delete g.oblasts[0].name.ky))).toThrow(/oblasts\[0\]\.name\.ky/);
  });
});

describe("geoName: one helper names a stored place in a language", () => {
  it("names codes in Russian, Kyrgyz and English", () => {
    expect(["ru", "ky", "en"].map((l) => geoName("naryn", l as "ru"))).toEqual(["Нарынская область", "Нарын облусу", "Naryn Region"]);
    expect(geoName("issyk-kul.jeti-oguz", "ky")).toBe("Жети-Өгүз району");
    expect(geoName("bishkek", "en")).toBe("Bishkek City");
  });

  it("shows text kept from before the codes as it is, and nothing as nothing", () => {
    expect(geoName("Ала-Тоо (вымышленный)", "ky")).toBe("Ала-Тоо (вымышленный)");
    expect(geoName("", "en")).toBe("");
  });
});

describe("placeLine", () => {
  it("gives raion and oblast in the language, and the oblast alone for a city not in a raion", () => {
    expect(placeLine({ oblast: "naryn", raion: "naryn.kochkor" }, "ky")).toBe("Кочкор району, Нарын облусу");
    expect(placeLine({ oblast: "osh-city", raion: "" }, "en")).toBe("Osh City");
    expect(placeLine({ oblast: "naryn", raion: "Ала-Тоо (вымышленный)" }, "ru")).toBe("Ала-Тоо (вымышленный), Нарынская область");
  });
});

describe("placeFromText: old free text to codes", () => {
  it("matches the demo's and typical spellings", () => {
    expect(placeFromText({ oblast: "Нарынская (пример)", raion: "Ала-Тоо (вымышленный)" })).toEqual({
      oblast: "naryn",
      raion: "Ала-Тоо (вымышленный)",
    });
    expect(placeFromText({ oblast: "Ошская обл.", raion: "Кара-Суйский р-н" })).toEqual({ oblast: "osh", raion: "osh.kara-suu" });
    expect(placeFromText({ oblast: "Ысык-Көл облусу", raion: "Жети-Огузский район" })).toEqual({
      oblast: "issyk-kul",
      raion: "issyk-kul.jeti-oguz",
    });
    expect(placeFromText({ oblast: "г. Бишкек", raion: "" })).toEqual({ oblast: "bishkek", raion: "" });
    expect(placeFromText({ oblast: "", raion: "Кочкорский район" })).toEqual({ oblast: "naryn", raion: "naryn.kochkor" });
  });

  it("keeps codes, and keeps text that matches nothing or more than one place", () => {
    expect(placeFromText({ oblast: "chui", raion: "chui.sokuluk" })).toEqual({ oblast: "chui", raion: "chui.sokuluk" });
    expect(placeFromText({ oblast: "Ош", raion: "Тестовый" })).toEqual({ oblast: "Ош", raion: "Тестовый" });
    // A raion of another oblast is not taken: the text stays.
    expect(placeFromText({ oblast: "Чуйская", raion: "Кочкорский" })).toEqual({ oblast: "chui", raion: "Кочкорский" });
  });

  it("ignores case, ё, brackets and the words oblast/raion/city in every language", () => {
    expect(normalizePlaceText("Нарынская область (пример)")).toBe(normalizePlaceText("нарынская"));
    expect(normalizePlaceText("Кочкор району")).toBe("кочкор");
  });
});

describe("placeIssues: the admin form's place", () => {
  it("accepts a raion of the chosen oblast, or no raion", () => {
    expect(placeIssues({ oblast: "naryn", raion: "naryn.kochkor" }, undefined)).toEqual({});
    expect(placeIssues({ oblast: "osh-city", raion: "" }, undefined)).toEqual({});
  });

  it("refuses a raion of another oblast and values not in the list", () => {
    expect(placeIssues({ oblast: "chui", raion: "naryn.kochkor" }, undefined)).toEqual({ raion: "errors.raionNotInOblast" });
    expect(placeIssues({ oblast: "Нарынская", raion: "Кочкор" }, undefined)).toEqual({ oblast: "errors.choose", raion: "errors.choose" });
  });

  it("accepts old text only when it is the value already stored", () => {
    const stored = { oblast: "naryn", raion: "Ала-Тоо (вымышленный)" };
    expect(placeIssues(stored, stored)).toEqual({});
  });
});

describe("placeOptions", () => {
  it("lists oblasts and one raion group per oblast with raions, named in the language", () => {
    const { oblasts: o, raionGroups } = placeOptions("ky");
    expect(o).toContainEqual({ value: "chui", label: "Чүй облусу" });
    expect(raionGroups.map((g) => g.label)).not.toContain("Ош шаары");
    expect(raionGroups.find((g) => g.label === "Нарын облусу")?.options).toContainEqual({ value: "naryn.kochkor", label: "Кочкор району" });
  });
});
