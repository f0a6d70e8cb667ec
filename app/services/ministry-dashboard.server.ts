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
import {
  dashboardRow,
  matchesFilters,
  rulePassRates,
  ruleStatuses,
  type DashboardFilters,
  type DashboardRow,
  type RulePassRate,
} from "~/domain/compliance/dashboard";
import { peopleUnitMatcher } from "~/domain/compliance/metrics";
import { runChecks } from "~/domain/compliance/run";
import type { RuleStatus } from "~/domain/compliance/types";
import { geoName } from "~/methodology/places.server";
import { stageCompleteness } from "~/domain/stage-completeness";
import { PROGRAM_STATUSES } from "~/domain/workflow";
import { methodology, type Lang } from "~/methodology/templates.server";
import { loadManyProgramData, workflowFacts } from "./compliance.server";
import { db } from "~/db.server";
import { cachedSummaries, elementStamps, programsSentToMinistry, saveSummary } from "~/models/compliance.server";

export interface Dashboard {
  rows: DashboardRow[];
  passRates: RulePassRate[];
  /** Filter values are place codes (so is the address); labels are in the page's language. */
  options: { oblasts: PlaceOption[]; raions: PlaceOption[]; statuses: string[] };
}

export interface PlaceOption {
  value: string;
  label: string;
}

/** Distinct places, named in `lang` (geoName) and sorted by that name. */
function placeOptions(values: string[], lang: Lang): PlaceOption[] {
  return [...new Set(values)].map((value) => ({ value, label: geoName(value, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang));
}

interface Summary {
  row: DashboardRow;
  statuses: Record<string, RuleStatus>;
}

/** Changes whenever the templates change, so a methodology update invalidates every cached row. */
const methodologyHash = crypto.createHash("sha1").update(JSON.stringify(methodology)).digest("hex").slice(0, 12);
const CHUNK = 400;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

export async function ministryDashboard(
  filters: DashboardFilters,
  lang: Lang = "ru",
  statuses: readonly string[] = MINISTRY_VISIBLE_STATUSES,
): Promise<Dashboard> {
  // Every program sent to the ministry, also one returned and reopened since (issue #17, item 6).
  const all = await programsSentToMinistry(db, statuses);
  const options = {
    oblasts: placeOptions(
      all.map((p) => p.oblast),
      lang,
    ),
    raions: placeOptions(
      all.filter((p) => p.raion && (!filters.oblast || p.oblast === filters.oblast)).map((p) => p.raion),
      lang,
    ),
    statuses: PROGRAM_STATUSES.filter((s) => all.some((p) => p.status === s)),
  };
  const listed = all.filter((p) =>
    matchesFilters({ municipality: { oblast: p.oblast, raion: p.raion } as DashboardRow["municipality"], status: p.status }, filters),
  );
  const ids = listed.map((p) => p.id);

  const facts = new Map<number, unknown>();
  const stamps = new Map<number, { n: number; u: string | null; v: number }>();
  const cached = new Map<number, { fingerprint: string; summary: string }>();
  for (const part of chunks(ids)) {
    for (const [id, f] of await workflowFacts(db, part)) facts.set(id, f);
    for (const r of await elementStamps(db, part)) stamps.set(r.program_id, { n: Number(r.n), u: r.u as string | null, v: Number(r.v) });
    for (const c of await cachedSummaries(db, part)) cached.set(c.program_id, c);
  }
  const fingerprint = (p: (typeof listed)[number]) =>
    JSON.stringify([
      methodologyHash,
      p.status,
      p.title,
      p.start_year,
      p.end_year,
      p.language,
      p.name_ru,
      p.name_ky,
      p.oblast,
      p.raion,
      stamps.get(p.id) ?? null,
      facts.get(p.id) ?? null,
    ]);

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
      const datas = await loadManyProgramData(
        db,
        part.map((p) => p.id),
      );
      for (const p of part) {
        const data = datas.get(p.id);
        if (!data) continue;
        const report = runChecks(data, methodology, {}, facts.get(p.id) as Parameters<typeof runChecks>[3]);
        const summary: Summary = {
          row: dashboardRow(
            data,
            report,
            methodology.stages.map((s) => stageCompleteness(s.id, data, methodology)),
            isPeople,
          ),
          statuses: ruleStatuses(report),
        };
        summaries.set(p.id, summary);
        await saveSummary(db, p.id, { fingerprint: fingerprint(p), summary: JSON.stringify(summary), computed_at: now });
      }
    }
  }
  const rows = ids.map((id) => summaries.get(id)?.row).filter((r): r is DashboardRow => Boolean(r));
  // By oblast, raion and municipality as the reader sees them (names in the page's language).
  const byName = (a: string, b: string) => a.localeCompare(b, lang);
  const name = (m: DashboardRow["municipality"]) => (lang === "ky" ? m.nameKy : m.nameRu);
  rows.sort(
    (a, b) =>
      byName(geoName(a.municipality.oblast, lang), geoName(b.municipality.oblast, lang)) ||
      byName(geoName(a.municipality.raion, lang), geoName(b.municipality.raion, lang)) ||
      byName(name(a.municipality), name(b.municipality)) ||
      a.id - b.id,
  );
  return { rows, passRates: rulePassRates(ids.map((id) => summaries.get(id)?.statuses ?? {})), options };
}
