import { describe, expect, it } from "vitest";
import type { ActionData } from "~/domain/actions";
import { KIND_PLACES } from "~/domain/element-kinds";
import {
  amountCell,
  countCell,
  importActionPlan,
  lastSheetRow,
  listCell,
  numberCell,
  textCell,
  uploadRowLimits,
  yearCell,
  type SheetPayload,
} from "~/domain/xlsx-import";
import { looksLikeFormula } from "~/export/xlsx-quote.server";

describe("XLSX upload limits and export neutralisation", () => {
  it("takes each table's row limit from its form schema, the templates' rows, or the action count", () => {
    const limits = uploadRowLimits({ "t1-general": 12, "t4-economy": 9, "t5-services": 8, "t6-budget": 14 });
    expect(limits).toMatchObject({
      "t1-general": 12,
      "t2-population": 60,
      "t3-vulnerable": 60,
      "t6-budget": 14,
      "t12-action-plan": KIND_PLACES.action.max,
    });
    // Header rows (2) and total rows (3) come on top.
    expect(lastSheetRow(60)).toBe(65);
  });
  it("recognises text that a spreadsheet would take for a formula", () => {
    for (const s of ["=1+1", "+7 700", "-сдача", "@SUM(A1)", "\tx", "\rx"]) expect(looksLikeFormula(s), s).toBe(true);
    for (const s of ["1+1", "Вода", " =1", ""]) expect(looksLikeFormula(s), s).toBe(false);
  });
});

describe("XLSX cell validation", () => {
  it("reads numbers, local-format texts and empties", () => {
    expect(numberCell(12.5)).toEqual({ ok: true, value: 12.5 });
    expect(amountCell("1 250,5")).toEqual({ ok: true, value: 1250.5 });
    expect(amountCell("")).toEqual({ ok: true, value: undefined });
    expect(amountCell(null, true)).toMatchObject({ ok: false, key: "files:xlsx.errors.required" });
    expect(amountCell("много")).toMatchObject({ ok: false, key: "files:xlsx.errors.notNumber" });
    expect(amountCell(-3)).toMatchObject({ ok: false, key: "files:xlsx.errors.negative" });
    expect(countCell(2.5)).toMatchObject({ ok: false, key: "files:xlsx.errors.notInteger" });
    expect(yearCell(1800)).toMatchObject({ ok: false, key: "files:xlsx.errors.tooSmall" });
    expect(textCell("x".repeat(301), { max: 300 })).toMatchObject({ ok: false, key: "files:xlsx.errors.tooLong" });
    expect(textCell(2025)).toEqual({ ok: true, value: "2025" });
  });
  it("reads lists of labels that contain commas", () => {
    const labels = { old: "Пожилые люди, в том числе одинокие", kids: "Дети", women: "Женщины" };
    expect(listCell("Дети, Пожилые люди, в том числе одинокие, женщины", labels)).toEqual({ ok: true, value: ["kids", "old", "women"] });
    expect(listCell("Дети, марсиане", labels)).toMatchObject({ ok: false, values: { value: "марсиане" } });
  });
});

describe("action plan rows → action data", () => {
  const base: ActionData = {
    title: "Водопровод",
    type: "project",
    responsible: "АО",
    startYear: 2025,
    endYear: 2026,
    totalCost: 300,
    funding: { local: 300 },
    byYear: { "2025": 100, "2026": 200 },
    beneficiaries: { total: 10 },
    tags: { inclusive: true, gender: false, climate: false },
    addsUnpaidCare: false,
    targetGroups: ["pwd"],
    problemIds: ["prob-water"],
    lensQuestionIds: [],
    priorityIds: [],
  };
  const ctx = {
    objectives: [
      { id: "o1", number: "1.1.1", title: "Вода" },
      { id: "o2", number: "1.1.2", title: "Дороги" },
    ],
    existing: [{ id: "a1", objectiveId: "o1", version: 3, number: "1.1.1.1", action: base }],
    sourceIds: ["local", "donor"],
    years: [2025, 2026, 2027],
    typeLabels: { project: "Проект", measure: "Мероприятие" },
    tagLabels: { inclusive: "инклюзивное", gender: "гендерное", climate: "климат" },
    genderTagLabels: { neutral: "Гендерно-нейтральное" },
    lang: "ru",
  };
  const headers = {
    objective: "Задача",
    title: "Мероприятие",
    type: "Вид",
    responsible: "Ответственный",
    start: "Начало",
    end: "Конец",
    totalCost: "Общая стоимость",
    "source.local": "Местный бюджет",
    "source.donor": "Доноры",
    "year.2025": "2025",
    "year.2026": "2026",
    "year.2027": "2027",
    tags: "Метки",
    _id: "_id",
  };
  const row = (n: number, id: string | null, cells: Record<string, string | number | null>) => ({
    row: n,
    id,
    cells: { ...cells, _id: id },
  });
  const same = {
    objective: "1.1.1. Вода",
    title: "Водопровод",
    type: "Проект",
    responsible: "АО",
    start: 2025,
    end: 2026,
    totalCost: 300,
    "source.local": 300,
    "year.2025": 100,
    "year.2026": 200,
    tags: "инклюзивное",
  };
  const sheet = (rows: SheetPayload["rows"]): SheetPayload => ({ table: "t12-action-plan", name: "План мероприятий", headers, rows });

  it("keeps fields the sheet does not show and finds no change in an untouched row", () => {
    const res = importActionPlan(sheet([row(3, "a1", same)]), ctx);
    expect(res.issues).toEqual([]);
    expect(res.changes).toEqual([]);
  });
  it("maps a changed row, keeping links; moves it to another objective by number", () => {
    const res = importActionPlan(
      sheet([
        row(3, "a1", {
          ...same,
          objective: "1.1.2",
          totalCost: 400,
          "source.donor": 100,
          "year.2026": 300,
          tags: "климат, Гендерно-нейтральное",
        }),
      ]),
      ctx,
    );
    expect(res.issues).toEqual([]);
    const w = res.upsert[0];
    expect(w).toMatchObject({ id: "a1", objectiveId: "o2", expectedVersion: 3 });
    expect(w.data).toMatchObject({
      totalCost: 400,
      funding: { local: 300, donor: 100 },
      byYear: { "2025": 100, "2026": 300 },
      problemIds: ["prob-water"],
      targetGroups: ["pwd"],
      tags: { climate: true, inclusive: false },
      genderTag: "neutral",
    });
    expect(res.changes[0].columns).toEqual(expect.arrayContaining(["Задача", "Общая стоимость", "Доноры", "2026", "Метки"]));
  });
  it("applies the form's checks: sources must add up to the cost, named at the cost column", () => {
    const res = importActionPlan(sheet([row(7, "a1", { ...same, "source.local": 250 })]), ctx);
    expect(res.issues).toEqual([
      expect.objectContaining({ sheet: "План мероприятий", row: 7, column: "Общая стоимость", key: "plan:errors.fundingSum" }),
    ]);
    expect(res.upsert).toEqual([]);
  });
  it("lists every bad cell, adds new rows under the named objective and removes missing ones", () => {
    const bad = importActionPlan(sheet([row(3, null, { ...same, objective: "9.9", "source.local": "x" })]), ctx);
    expect(bad.issues.map((i) => i.column)).toEqual(["Задача", "Местный бюджет"]);
    const ok = importActionPlan(sheet([row(3, null, { ...same, objective: "1.1.2. Дороги", title: "Мост" })]), ctx);
    expect(ok.upsert).toEqual([
      expect.objectContaining({ objectiveId: "o2", expectedVersion: 0, data: expect.objectContaining({ title: "Мост", problemIds: [] }) }),
    ]);
    expect(ok.remove).toEqual([{ id: "a1", version: 3 }]);
    expect(ok.changes.map((c) => c.change)).toEqual(["added", "removed"]);
  });
});
