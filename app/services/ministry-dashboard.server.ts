/**
 * The ministry dashboard: every program visible to the ministry, with its check results.
 * Each program's figures are cached in compliance_summary under a fingerprint of what they
 * depend on (status, period, language, element count / versions / last change, approval and
 * publication records, the methodology). Programs the ministry sees are frozen by the workflow,
 * so after the first view nearly every row is a cache hit; a stale row is recomputed in place.
 * tests/bench/compliance-bench.ts measures it over 500 generated programs.
 */
import crypto from "node:crypto";
import { MINISTRY_VISIBLE_STATUSES } from "~/auth/authorize.server";
import { dashboardRow, matchesFilters, rulePassRates, ruleStatuses, type DashboardFilters, type DashboardRow, type RulePassRate } from "~/domain/compliance/dashboard";
import { peopleUnitMatcher } from "~/domain/compliance/metrics";
import { runChecks } from "~/domain/compliance/run";
import type { RuleStatus } from "~/domain/compliance/types";
import { stageCompleteness } from "~/domain/stage-completeness";
import { PROGRAM_STATUSES } from "~/domain/workflow";
import { methodology } from "~/methodology/templates.server";
import { loadManyProgramData, workflowFacts } from "./compliance.server";
import { db } from "~/db.server";


export interface Dashboard {
  rows: DashboardRow[];
  passRates: RulePassRate[];
  options: { oblasts: string[]; raions: string[]; statuses: string[] };
}

interface Summary {
  row: DashboardRow;
  statuses: Record<string, RuleStatus>;
}

/** Changes whenever the templates change, so a methodology update invalidates every cached row. */
const methodologyHash = crypto.createHash("sha1").update(JSON.stringify(methodology)).digest("hex").slice(0, 12);
const CHUNK = 400;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

export async function ministryDashboard(filters: DashboardFilters, statuses: readonly string[] = MINISTRY_VISIBLE_STATUSES): Promise<Dashboard> {
  const all = await db
    .selectFrom("program")
    .innerJoin("municipality", "municipality.id", "program.municipality_id")
    .select(["program.id", "program.status", "program.title", "program.start_year", "program.end_year", "program.language", "municipality.oblast", "municipality.raion", "municipality.name_ru", "municipality.name_ky"])
    // Every program sent to the ministry, also one returned and reopened since (issue #17, item 6).
    .where((eb) => eb.or([eb("program.status", "in", [...statuses]), eb("program.sent_to_ministry_at", "is not", null)]))
    .where("program.archived_at", "is", null)
    .execute();
  const options = {
    oblasts: [...new Set(all.map((p) => p.oblast))].sort(),
    raions: [...new Set(all.filter((p) => !filters.oblast || p.oblast === filters.oblast).map((p) => p.raion))].sort(),
    statuses: PROGRAM_STATUSES.filter((s) => all.some((p) => p.status === s)),
  };
  const listed = all.filter((p) => matchesFilters({ municipality: { oblast: p.oblast, raion: p.raion } as DashboardRow["municipality"], status: p.status }, filters));
  const ids = listed.map((p) => p.id);

  const facts = new Map<number, unknown>();
  const stamps = new Map<number, { n: number; u: string | null; v: number }>();
  const cached = new Map<number, { fingerprint: string; summary: string }>();
  for (const part of chunks(ids)) {
    for (const [id, f] of await workflowFacts(db, part)) facts.set(id, f);
    const rows = await db
      .selectFrom("program_element")
      .select(["program_id", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.max("updated_at").as("u"), (eb) => eb.fn.sum<number>("version").as("v")])
      .where("program_id", "in", part)
      .groupBy("program_id")
      .execute();
    for (const r of rows) stamps.set(r.program_id, { n: Number(r.n), u: r.u as string | null, v: Number(r.v) });
    for (const c of await db.selectFrom("compliance_summary").select(["program_id", "fingerprint", "summary"]).where("program_id", "in", part).execute()) cached.set(c.program_id, c);
  }
  const fingerprint = (p: (typeof listed)[number]) =>
    JSON.stringify([methodologyHash, p.status, p.title, p.start_year, p.end_year, p.language, p.name_ru, p.name_ky, p.oblast, p.raion, stamps.get(p.id) ?? null, facts.get(p.id) ?? null]);

  const summaries = new Map<number, Summary>();
  const stale = listed.filter((p) => {
    const hit = cached.get(p.id);
    if (hit && hit.fingerprint === fingerprint(p)) {
      summaries.set(p.id, JSON.parse(hit.summary) as Summary);
      return false;
    }
    return true;
  });
  if (stale.length) {
    const rule24 = methodology.compliance.rules.find((r) => r.evaluator === "peopleIndicatorsBySex");
    const isPeople = peopleUnitMatcher(rule24?.params ?? {}, methodology.reference.indicatorUnits ?? []);
    const now = new Date().toISOString();
    for (const part of chunks(stale)) {
      const datas = await loadManyProgramData(db, part.map((p) => p.id));
      for (const p of part) {
        const data = datas.get(p.id);
        if (!data) continue;
        const report = runChecks(data, methodology, {}, facts.get(p.id) as Parameters<typeof runChecks>[3]);
        const summary: Summary = { row: dashboardRow(data, report, methodology.stages.map((s) => stageCompleteness(s.id, data)), isPeople), statuses: ruleStatuses(report) };
        summaries.set(p.id, summary);
        const values = { fingerprint: fingerprint(p), summary: JSON.stringify(summary), computed_at: now };
        await db
          .insertInto("compliance_summary")
          .values({ program_id: p.id, ...values })
          .onConflict((oc) => oc.column("program_id").doUpdateSet(values))
          .execute();
      }
    }
  }
  const rows = ids.map((id) => summaries.get(id)?.row).filter((r): r is DashboardRow => Boolean(r));
  rows.sort((a, b) => a.municipality.oblast.localeCompare(b.municipality.oblast) || a.municipality.raion.localeCompare(b.municipality.raion) || a.municipality.nameRu.localeCompare(b.municipality.nameRu) || a.id - b.id);
  return { rows, passRates: rulePassRates(ids.map((id) => summaries.get(id)?.statuses ?? {})), options };
}
