/**
 * A small program that meets every compliance rule, and helpers to break one thing at a time.
 * Used by tests/unit/compliance.test.ts and the compliance bench.
 */
import { buildProgramData, type ProgramData, type ProgramMeta } from "~/domain/program-data";
import { methodology } from "~/methodology/templates.server";

type Row = { id: string; kind: string; parent_id: string | null; position: number; version: number; data: string };
export type Elements = Record<string, { kind: string; parent?: string; data: any }>;

const years = [2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029];
const action = (title: string) => ({
  title,
  type: "project",
  responsible: "Экономист АО",
  startYear: 2025,
  endYear: 2026,
  totalCost: 1000,
  funding: { local: 100, republican: 900 },
  byYear: { "2025": 500, "2026": 500 },
  beneficiaries: { total: 10, women: 5, men: 5 },
  tags: { inclusive: true, gender: true, climate: true },
  genderTag: "sensitive",
  addsUnpaidCare: false,
  targetGroups: ["pwd"],
  problemIds: [],
  lensQuestionIds: [],
  priorityIds: [],
  nextBudget: true,
});
const indicator = (name: string, unit: string, bySex: boolean) => ({
  type: "outcome",
  name,
  unit,
  baselineValue: 1,
  baselineYear: 2024,
  targets: { "2029": 5 },
  bySex,
  ...(bySex ? { baselineWomen: 1, baselineMen: 0 } : {}),
  targetsWomen: {},
  targetsMen: {},
  source: "АО",
  frequency: "annual",
});

export function goodElements(): Elements {
  const m = methodology;
  const questions = m.lens.blocks.flatMap((b) => b.questions.map((q) => q.id));
  return {
    startup: { kind: "startup", data: { legalBasis: [{ id: "l1", title: "Закон" }], orderNumber: "1", orderDate: "2024-01-10" } },
    wg: { kind: "working_group", data: { members: [], calendar: [] } },
    pg: {
      kind: "passport_general",
      data: {
        fields: Object.fromEntries(
          m.passport.general.fields.map((f) => [f.id, { value: f.kind === "number" ? 10 : "текст", source: "АО", year: 2024 }]),
        ),
      },
    },
    pp: {
      kind: "passport_population",
      data: { villages: [{ id: "v1", name: "Тал-Булак", households: 10, femaleHeaded: 2, byAge: { "0-2": { m: 10, f: 12 } } }] },
    },
    pv: {
      kind: "passport_vulnerable",
      data: { rows: [{ id: "vr1", groupId: "pwd", total: 10, male: 6, female: 4, source: "АО", year: 2024 }] },
    },
    pe: {
      kind: "passport_economy",
      data: {
        rows: Object.fromEntries(m.passport.economy.rows.map((r) => [r.id, { total: 5, men: 3, women: 2, source: "АО", year: 2024 }])),
      },
    },
    pb: { kind: "passport_budget", data: { rows: { land_tax: Object.fromEntries(years.map((y) => [String(y), 10000])) } } },
    sn: { kind: "situation_narrative", data: { sectors: { environment: "Сел коркунучу", land: "Жер" } } },
    // r05: a forecast row linked to i1, its 2029 figure near i1's target (5).
    fc: { kind: "forecast", data: { rows: { drinking_water: { values: { "2024": 3, "2029": 4 }, indicatorId: "i1" } } } },
    pr: {
      kind: "problems",
      data: { rows: [{ id: "p1", title: "Суу жок", sectorId: "water", villageIds: [], groups: [], priorityScore: 10 }] },
    },
    lens: {
      kind: "lens",
      data: { answers: Object.fromEntries(questions.map((q) => [q, { answer: "yes", problemIds: [], actionIds: [] }])) },
    },
    gender: {
      kind: "gender",
      data: {
        activities: Object.fromEntries(m.gender.activities.map((a) => [a.id, "both"])),
        resources: Object.fromEntries(m.gender.resources.map((r) => [r.id, { accessWomen: true, accessMen: true }])),
        gaps: [1, 2, 3].map((i) => ({ id: `gap${i}`, indicator: `Ажырым ${i}`, women: 1, men: 2, needType: "practical", actionIds: [] })),
      },
    },
    cons: {
      kind: "consultations",
      data: {
        meetings: [
          {
            id: "m1",
            date: "2024-10-01",
            villageId: "v1",
            format: "public_hearing",
            men: 5,
            women: 5,
            pwd: 1,
            youth: 1,
            priorities: [{ id: "pri1", text: "Суу", votes: 10, problemId: "p1" }],
          },
        ],
      },
    },
    vision: { kind: "vision", data: { text: "Келечек", form: "directions" } },
    d1: {
      kind: "strategy_node",
      data: { title: "Багыт", nationalPrograms: ["regions_sed_2030", "sdg"], priorityIds: ["pri1"], problemIds: ["p1"] },
    },
    g1: { kind: "strategy_node", parent: "d1", data: { title: "Максат", nationalPrograms: [], priorityIds: [], problemIds: [] } },
    o1: { kind: "strategy_node", parent: "g1", data: { title: "Милдет", nationalPrograms: [], priorityIds: [], problemIds: [] } },
    a1: { kind: "action", parent: "o1", data: action("Суу түтүгү") },
    a2: { kind: "action", parent: "o1", data: action("Бала бакча") },
    a3: { kind: "action", parent: "o1", data: action("Пандус") },
    i1: { kind: "indicator", parent: "o1", data: indicator("Суу менен камсыздалган үйлөрдүн үлүшү", "%", false) },
    i2: { kind: "indicator", parent: "o1", data: indicator("Окутулган аялдар", "человек", true) },
    mon: {
      kind: "monitoring",
      data: {
        members: [1, 2, 3].map((i) => ({ id: `mm${i}`, name: `Мүчө ${i}`, sex: i === 1 ? "f" : "m" })),
        reportingFrequency: "annual",
        reportTo: "Айылдык кеңеш",
      },
    },
    risks: {
      kind: "risks",
      data: { rows: [{ id: "rk1", risk: "Сел", probability: "low", impact: "high", mitigation: "Дамба", owner: "АО" }] },
    },
  };
}

export const meta = (over: Partial<ProgramMeta> = {}): ProgramMeta => ({
  id: 1,
  title: "Программа",
  startYear: 2025,
  endYear: 2029,
  language: "ky",
  status: "draft",
  methodologyVersion: "kg-2024.1",
  municipality: { id: 1, nameRu: "Кок-Жайык", nameKy: "Кок-Жайык", kind: "aiyl_aimak", raion: "Ала-Тоо", oblast: "Нарын" },
  ...over,
});

export function toProgram(elements: Elements, over: Partial<ProgramMeta> = {}): ProgramData {
  const rows: Row[] = Object.entries(elements).map(([id, e], i) => ({
    id,
    kind: e.kind,
    parent_id: e.parent ?? null,
    position: i,
    version: 1,
    data: JSON.stringify(e.data),
  }));
  return buildProgramData(meta(over), rows);
}

/** The good program with one change: `change` edits a deep copy of the elements. */
export function programWith(change: (e: Elements) => void = () => {}, over: Partial<ProgramMeta> = {}): ProgramData {
  const e = structuredClone(goodElements());
  change(e);
  return toProgram(e, over);
}
