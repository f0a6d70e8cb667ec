/**
 * A large, deterministic program for benchmarks: 4 directions, 12 goals, 40 objectives,
 * 300 actions, 150 indicators, 30 problems, 10 consultations with priorities, 5 years, and the
 * stages whose size does not grow with a program (start-up, working group, passport, lens, gender
 * analysis, sector narratives and SWOT) filled as in the demo, so their pages and DOCX sections
 * (the gender chart) are timed with content.
 * Shapes follow the stage modules (links.ts readers, actions.ts, indicators.ts). Reused by other
 * benchmarks (DOCX, compliance): import { generateLargeProgram, insertGeneratedProgram }.
 * Element ids are fixed ("obj-1-1-1", "act-3-2"…) and element ids are unique per database:
 * insert one generated program per scratch database.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import type { AddElement } from "../../db/demo/elements";
import { seedGender } from "../../db/demo/gender";
import { seedLens } from "../../db/demo/lens";
import { seedPassport } from "../../db/demo/passport";
import { seedSituation } from "../../db/demo/situation";
import { seedStartup } from "../../db/demo/startup";
import { seedWorkingGroup } from "../../db/demo/working-group";

export interface GeneratedElement {
  id: string;
  kind: string;
  parentId: string | null;
  position: number;
  data: unknown;
}

export interface GeneratedProgram {
  title: string;
  startYear: number;
  endYear: number;
  elements: GeneratedElement[];
}

export interface GenerateOptions {
  startYear?: number;
  years?: number;
  directions?: number;
  goals?: number;
  objectives?: number;
  actions?: number;
  indicators?: number;
  problems?: number;
  consultations?: number;
  /** At most the demo's five. */
  villages?: number;
}

const DEMO_VILLAGE_IDS = ["vil-kok-jaiyk", "vil-orto-suu", "vil-kara-tash", "vil-tal-bulak", "vil-kyzyl-dobo"];

/** Small deterministic PRNG so every run benchmarks the same program. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Spreads `total` items over `buckets` as evenly as possible (first buckets get the extra). */
const spread = (total: number, buckets: number) =>
  Array.from({ length: buckets }, (_, i) => Math.floor(total / buckets) + (i < total % buckets ? 1 : 0));

export async function generateLargeProgram(opts: GenerateOptions = {}): Promise<GeneratedProgram> {
  const o = {
    startYear: 2025,
    years: 5,
    directions: 4,
    goals: 12,
    objectives: 40,
    actions: 300,
    indicators: 150,
    problems: 30,
    consultations: 10,
    villages: 5,
    ...opts,
  };
  const rand = rng(42);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const years = Array.from({ length: o.years }, (_, i) => o.startYear + i);
  const endYear = years[years.length - 1];
  const els: GeneratedElement[] = [];
  const positions = new Map<string, number>();
  const add = (id: string, kind: string, parentId: string | null, data: unknown) => {
    const key = `${kind}:${parentId ?? ""}`;
    const position = positions.get(key) ?? 0;
    positions.set(key, position + 1);
    els.push({ id, kind, parentId, position, data });
    return id;
  };

  // The villages of the demo's population table (passport_population comes from the demo seed).
  const villages = DEMO_VILLAGE_IDS.slice(0, Math.max(1, Math.min(o.villages, DEMO_VILLAGE_IDS.length))).map((id) => ({ id }));
  const sectors = ["water", "education", "health", "roads", "energy"];
  const problems = Array.from({ length: o.problems }, (_, i) => ({
    id: `prob-${i + 1}`,
    title: `Көйгөй ${i + 1}: ${"суу мектеп жол жарык таштанды".split(" ")[i % 5]}`,
    sectorId: sectors[i % sectors.length],
    villageIds: [villages[i % villages.length].id],
    groups: i % 3 === 0 ? ["women", "pwd"] : ["youth"],
    evidence: "Паспорт, 2024",
    priorityScore: Math.round(rand() * 100),
  }));
  add("problems", "problems", null, { rows: problems });
  const priorityIds: string[] = [];
  const meetings = Array.from({ length: o.consultations }, (_, m) => ({
    id: `meet-${m + 1}`,
    date: `${o.startYear - 1}-0${(m % 9) + 1}-15`,
    villageId: villages[m % villages.length].id,
    format: m === o.consultations - 1 ? "public_hearing" : "village_meeting",
    men: 30 + m,
    women: 28 + m,
    pwd: 2,
    youth: 8,
    priorities: Array.from({ length: 4 }, (_, p) => {
      const id = `pri-${m + 1}-${p + 1}`;
      priorityIds.push(id);
      return {
        id,
        text: `Артыкчылык ${m + 1}.${p + 1}`,
        votes: Math.round(rand() * 60),
        problemId: problems[(m * 4 + p) % problems.length].id,
      };
    }),
  }));
  add("consultations", "consultations", null, { meetings });
  add("vision", "vision", null, { text: "Ар бир үй-бүлөдө таза суу бар айыл.", form: "directions" });

  const goalCounts = spread(o.goals, o.directions);
  const objectiveCounts = spread(o.objectives, o.goals);
  const actionCounts = spread(o.actions, o.objectives);
  const objectiveIds: string[] = [];
  let goalIndex = 0;
  for (let d = 0; d < o.directions; d++) {
    const dir = add(`dir-${d + 1}`, "strategy_node", null, {
      title: `Багыт ${d + 1}`,
      nationalPrograms: [],
      priorityIds: [],
      problemIds: [],
    });
    for (let g = 0; g < goalCounts[d]; g++, goalIndex++) {
      const goal = add(`goal-${d + 1}-${g + 1}`, "strategy_node", dir, {
        title: `Максат ${d + 1}.${g + 1}`,
        nationalPrograms: [],
        priorityIds: [],
        problemIds: [problems[goalIndex % problems.length].id],
      });
      for (let k = 0; k < objectiveCounts[goalIndex]; k++) {
        objectiveIds.push(
          add(`obj-${d + 1}-${g + 1}-${k + 1}`, "strategy_node", goal, {
            title: `Милдет ${d + 1}.${g + 1}.${k + 1}`,
            nationalPrograms: [],
            priorityIds: [pick(priorityIds)],
            problemIds: [],
          }),
        );
      }
    }
  }

  const actionIds: string[] = [];
  objectiveIds.forEach((objective, oi) => {
    for (let a = 0; a < actionCounts[oi]; a++) {
      const start = years[Math.floor(rand() * years.length)];
      const end = Math.min(endYear, start + Math.floor(rand() * 3));
      const perYear = 100 * (1 + Math.floor(rand() * 20));
      const byYear: Record<string, number> = {};
      for (let y = start; y <= end; y++) byYear[String(y)] = perYear;
      const total = perYear * (end - start + 1);
      const local = Math.round(total * 0.3);
      actionIds.push(
        add(`act-${oi + 1}-${a + 1}`, "action", objective, {
          title: `Иш-чара ${oi + 1}.${a + 1}`,
          type: a % 4 === 0 ? "project" : "measure",
          responsible: "Айыл өкмөтүнүн башчысынын орун басары",
          startYear: start,
          endYear: end,
          totalCost: total,
          funding: { local, donor: total - local },
          byYear,
          output: `${a + 1} объект`,
          beneficiaries: { total: 200, women: 104, men: 96, pwd: 6 },
          tags: { inclusive: a % 3 === 0, gender: a % 4 === 0, climate: a % 5 === 0 },
          genderTag: a % 4 === 0 ? "neutral" : undefined,
          addsUnpaidCare: false,
          targetGroups: a % 3 === 0 ? ["pwd"] : [],
          problemIds: a % 2 === 0 ? [pick(problems).id] : [],
          lensQuestionIds: [],
          priorityIds: a % 5 === 0 ? [pick(priorityIds)] : [],
        }),
      );
    }
  });

  // Outcome indicators first (≥1 per objective), the rest as output indicators of actions.
  for (let i = 0; i < o.indicators; i++) {
    const outcome = i < Math.min(o.objectives * 2, Math.ceil(o.indicators / 2));
    const parent = outcome ? objectiveIds[i % objectiveIds.length] : actionIds[(i * 7) % actionIds.length];
    const bySex = i % 3 === 0;
    const targets = Object.fromEntries(years.map((y, k) => [String(y), 50 + k * 10]));
    add(`ind-${i + 1}`, "indicator", parent, {
      type: outcome ? "outcome" : "output",
      name: `Көрсөткүч ${i + 1}`,
      unit: outcome ? "%" : "адам",
      baselineValue: 40,
      baselineYear: o.startYear - 1,
      targets,
      bySex,
      ...(bySex ? { baselineWomen: 38, baselineMen: 42 } : {}),
      targetsWomen: bySex ? targets : {},
      targetsMen: bySex ? targets : {},
      source: "Айыл өкмөтү",
      frequency: "annual",
      responsible: "Жооптуу катчы",
    });
  }
  add("monitoring", "monitoring", null, {
    members: Array.from({ length: 7 }, (_, i) => ({
      id: `mem-${i}`,
      name: `Мүчө ${i + 1}`,
      sex: i % 2 ? "m" : "f",
      group: i === 0 ? "pwd" : i === 1 ? "youth" : undefined,
    })),
    reportingFrequency: "annual",
  });
  add("risks", "risks", null, {
    rows: Array.from({ length: 5 }, (_, i) => ({
      id: `risk-${i}`,
      risk: `Тобокелдик ${i + 1}`,
      probability: "medium",
      impact: "high",
      mitigation: "Чаралар",
      owner: "Башчы",
    })),
  });
  const outcomeIds = els.filter((e) => e.kind === "indicator" && (e.data as { type: string }).type === "outcome").map((e) => e.id);
  els.push(
    ...(await demoStageElements(new Set(els.map((e) => e.kind)), {
      actionIds,
      problemIds: problems.map((p) => p.id),
      indicatorIds: outcomeIds,
    })),
  );
  return { title: "Бенчмарк программасы", startYear: o.startYear, endYear, elements: els };
}

/**
 * The demo seed's elements of the stages that keep their size (db/demo/), minus the kinds the
 * generator makes itself. Ids are fixed, and the demo's links to its own actions, problems and
 * indicators point at generated ones, so the lens, gender and forecast pages show links as in a
 * real program.
 */
async function demoStageElements(
  generatedKinds: Set<string>,
  targets: { actionIds: string[]; problemIds: string[]; indicatorIds: string[] },
): Promise<GeneratedElement[]> {
  const out: GeneratedElement[] = [];
  const add: AddElement = async (kind, data, opts = {}) => {
    const id = opts.id ?? `demo-${kind}`;
    if (!generatedKinds.has(kind)) out.push({ id, kind, parentId: opts.parentId ?? null, position: opts.position ?? 0, data });
    return id;
  };
  for (const seed of [seedStartup, seedWorkingGroup, seedPassport, seedLens, seedGender, seedSituation]) await seed(add);
  const relink = new Map<string, string>();
  const target = (demoId: string, list: string[]) => {
    if (!relink.has(demoId)) relink.set(demoId, list[(relink.size * 7) % list.length]);
    return relink.get(demoId)!;
  };
  const remap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(remap);
    if (!value || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        if (key === "actionIds" && Array.isArray(v)) return [key, v.map((id: string) => target(id, targets.actionIds))];
        if (key === "problemIds" && Array.isArray(v)) return [key, v.map((id: string) => target(id, targets.problemIds))];
        if (key === "indicatorId" && typeof v === "string") return [key, target(v, targets.indicatorIds)];
        return [key, remap(v)];
      }),
    );
  };
  return out.map((e) => ({ ...e, data: remap(e.data) }));
}

/** Writes a generated program (one transaction) and returns its id. */
export async function insertGeneratedProgram(
  db: Kysely<DB>,
  input: { municipalityId: number; userId: string; program: GeneratedProgram },
): Promise<number> {
  const { program } = input;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("program")
      .values({
        municipality_id: input.municipalityId,
        title: program.title,
        start_year: program.startYear,
        end_year: program.endYear,
        language: "ky",
        status: "draft",
        methodology_version: "kg-2024.1",
        archived_at: null,
        created_at: new Date().toISOString(),
        created_by: input.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    // Parents before children (the generator emits them in that order); batches keep SQLite's variable limit.
    const values = program.elements.map((e) => ({
      id: e.id,
      program_id: row.id,
      kind: e.kind,
      parent_id: e.parentId,
      position: e.position,
      data: JSON.stringify(e.data),
      version: 1,
      updated_at: now,
      updated_by: input.userId,
    }));
    for (let i = 0; i < values.length; i += 50)
      await trx
        .insertInto("program_element")
        .values(values.slice(i, i + 50))
        .execute();
    return row.id;
  });
}
