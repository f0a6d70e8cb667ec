/**
 * Compliance timings for `npm run bench`: one full check of the large generated program
 * (budget 20 ms) and the ministry dashboard over 500 generated, submitted programs (budget 1 s).
 */
import { buildProgramData, type ProgramData } from "../../app/domain/program-data";
import type { BenchContext, BenchTask } from "./bench";
import { generateLargeProgram, type GeneratedProgram } from "./generate";

/** A municipal program of typical size for the dashboard (the large one is the worst case). */
const TYPICAL = { directions: 3, goals: 6, objectives: 12, actions: 40, indicators: 30, problems: 12, consultations: 6, villages: 4 };
const DASHBOARD_PROGRAMS = 500;

/** Element ids are global keys: give each copy its own, and rewrite the references inside the data. */
function withPrefix(program: GeneratedProgram, prefix: string): GeneratedProgram {
  const ids = new Set(program.elements.map((e) => e.id));
  const map = (v: unknown): unknown => {
    if (typeof v === "string") return ids.has(v) ? prefix + v : v;
    if (Array.isArray(v)) return v.map(map);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, map(x)]));
    return v;
  };
  return {
    ...program,
    elements: program.elements.map((e) => ({
      ...e,
      id: prefix + e.id,
      parentId: e.parentId ? prefix + e.parentId : null,
      data: map(e.data),
    })),
  };
}

async function seedDashboard(ctx: BenchContext): Promise<void> {
  const db = ctx.handle.db;
  const now = new Date().toISOString();
  const base = await generateLargeProgram(TYPICAL);
  const oblasts = ["Нарын", "Ысык-Көл", "Чүй", "Ош", "Жалал-Абад", "Баткен", "Талас"];
  for (let i = 0; i < DASHBOARD_PROGRAMS; i++) {
    const m = await db
      .insertInto("municipality")
      .values({
        name_ru: `Аймак ${i}`,
        name_ky: `Аймак ${i}`,
        kind: "aiyl_aimak",
        raion: `Район ${i % 40}`,
        oblast: oblasts[i % oblasts.length],
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const p = withPrefix(base, `d${i}-`);
    const row = await db
      .insertInto("program")
      .values({
        municipality_id: m.id,
        title: p.title,
        start_year: p.startYear,
        end_year: p.endYear,
        language: "ky",
        status: "submitted",
        methodology_version: "kg-2024.1",
        archived_at: null,
        created_at: now,
        created_by: ctx.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const values = p.elements.map((e) => ({
      id: e.id,
      program_id: row.id,
      kind: e.kind,
      parent_id: e.parentId,
      position: e.position,
      data: JSON.stringify(e.data),
      version: 1,
      updated_at: now,
      updated_by: ctx.userId,
    }));
    for (let j = 0; j < values.length; j += 50)
      await db
        .insertInto("program_element")
        .values(values.slice(j, j + 50))
        .execute();
  }
}

let loaded: ProgramData | null = null;
let seeded: Promise<void> | null = null;

export const complianceTasks: BenchTask[] = [
  {
    name: "Compliance: full check of the large program (runChecks)",
    budgetMs: 20,
    run: async (ctx) => {
      const [{ runChecks }, { methodology }, { loadProgramData }] = await Promise.all([
        import("../../app/domain/compliance/run"),
        import("../../app/methodology/templates.server"),
        import("../../app/services/program-data.server"),
      ]);
      loaded ??= await loadProgramData(ctx.handle.db, ctx.programId);
      // A new object each run: the per-check memo (numbering, financing plan) must not carry over.
      const fresh = buildProgramData(loaded.program, []);
      fresh.byKind = loaded.byKind;
      return runChecks(fresh, methodology);
    },
  },
  {
    name: `Compliance: ministry dashboard, ${DASHBOARD_PROGRAMS} programs`,
    budgetMs: 1000,
    run: async (ctx) => {
      // The first (warm-up) run inserts the programs; the timed runs only read.
      seeded ??= seedDashboard(ctx);
      await seeded;
      const { ministryDashboard } = await import("../../app/services/ministry-dashboard.server");
      const d = await ministryDashboard({});
      if (d.rows.length < DASHBOARD_PROGRAMS) throw new Error(`dashboard listed ${d.rows.length} programs`);
      return d;
    },
  },
];

export const compliancePages = [{ name: "Compliance check page", path: "/programs/{id}/check", budgetMs: 150 }];
