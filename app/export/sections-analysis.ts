/** Section 1 (territory, passport T1–T6), section 2 (analysis), problems T7, SWOT T8, forecast. */
import type { FileChild } from "docx";
import { many, one } from "~/domain/program-data";
import { forecastOf, forecastRowsFilled, forecastYears } from "~/domain/forecast";
import { outcomeChoices } from "~/domain/indicators";
import { villagesOf } from "~/domain/element-kinds";
import { budgetYears, PASSPORT_KINDS, type GeneralData } from "~/domain/passport";
import { NARRATIVE_KIND, PROBLEMS_KIND, SWOT_KIND, type NarrativeData, type ProblemsData, type SwotData } from "~/domain/situation";
import { forecastTable } from "~/domain/tables/forecast";
import { budgetTable } from "~/domain/tables/passport-budget";
import { economyTable } from "~/domain/tables/passport-economy";
import { generalTable } from "~/domain/tables/passport-general";
import { populationTable } from "~/domain/tables/passport-population";
import { servicesTable } from "~/domain/tables/passport-services";
import type { PassportTable } from "~/domain/tables/passport-table";
import { vulnerableTable } from "~/domain/tables/passport-vulnerable";
import { problemsTable, problemTableRows, swotTable, swotTableRows, type LabelContext } from "~/domain/tables/problems";
import { localize } from "~/methodology/schema";
import { caption, LandscapePages, para, paragraphsOf, type SectionContent } from "./docx-kit";
import type { ExportContext } from "./context";
import { tableFromDefinition, tablePlacement } from "./table-from-definition";

/**
 * Which T1 fields the opening parts of section 1 describe, in the order real 2024 programs use
 * (domain brief §2.0: location → area → landscape). The full T1 table follows them.
 */
const TERRITORY_PARTS: Record<string, string[]> = {
  location: ["location", "borders", "centre", "distance_capital", "distance_oblast", "distance_raion", "year_founded"],
  area: ["total_area", "arable_land", "irrigated_land", "pasture_land"],
  landscape: ["landscape", "altitude"],
};
/** Sector narratives (templates/reference.json sectors) shown under each analysis part. */
const ANALYSIS_SECTORS: Record<string, string[]> = {
  population: ["social_protection"],
  economy: ["agriculture", "economy", "land"],
  services: ["water", "education", "health", "roads", "energy", "culture_youth_sport"],
  budget: ["budget", "governance"],
  environment: ["environment", "waste"],
};
const PASSPORT_TABLE_OF_PART: Record<string, string> = { t2: "population", t3: "vulnerable", t4: "economy", t5: "services", t6: "budget" };

/** Caption + table for a passport table; footer rows reuse the accessors, their label in the first cell. */
function passportTable<Row>(ctx: ExportContext, captionKey: string, table: PassportTable<Row>): SectionContent[] {
  const total = ctx.t("doc.total");
  const first = table.columns[0];
  const labelOf = (row: Row, i: number): string => {
    const given = table.footerLabels?.[i];
    if (given) return "text" in given ? given.text : ctx.t(given.key, given.values);
    const v = first.accessor(row);
    return typeof v === "string" && v.includes(":") ? ctx.t(v) : typeof v === "string" && v ? v : total;
  };
  const footer = table.footer.map((row, i) => ({
    label: labelOf(row, i),
    values: Object.fromEntries(table.columns.slice(1).map((c) => [c.id, c.accessor(row)])),
  }));
  // Passport columns come from templates (age bands, years): a table too wide for portrait pages
  // goes on landscape pages of its own rather than printing names letter by letter.
  const placed = tablePlacement(table, table.rows, ctx.lang, { t: ctx.t, footer, landscape: "auto" });
  const content = [caption(ctx.t("doc.table", { n: ctx.tableNo(), title: ctx.t(captionKey) })), placed.table];
  return placed.landscape ? [new LandscapePages(content)] : content;
}

export function labelContext(ctx: ExportContext): LabelContext {
  const villages = villagesOf(ctx.data);
  return {
    sector: (id) => ctx.label(ctx.m.reference.sectors, id),
    village: (id) => villages.find((v) => v.id === id)?.name ?? id,
    group: (id) => ctx.label(ctx.m.reference.vulnerableGroups, id),
    t: ctx.t,
  };
}

export function territory(ctx: ExportContext, title: string, parts: readonly string[]): SectionContent[] {
  const out: SectionContent[] = [ctx.section(title)];
  const general = one<GeneralData>(ctx.data, PASSPORT_KINDS.general)?.data;
  const pc = ctx.pc.passport;
  if (!general) return [...out, ctx.pending("passport")];
  for (const part of parts) {
    if (part === "t1") {
      out.push(...passportTable(ctx, "doc.tables.t1", generalTable(general, pc)));
      continue;
    }
    const fields = TERRITORY_PARTS[part];
    if (!fields) continue;
    out.push(ctx.sub(ctx.t(`doc.parts.${part}`)));
    const lines = fields.flatMap((id) => {
      const f = pc.generalFields.find((x) => x.id === id);
      const v = general.fields?.[id]?.value;
      if (!f || v === undefined || v === null || v === "") return [];
      const value = typeof v === "number" ? ctx.fmt(v) : v;
      return [para(`${f.label}: ${value}${f.unit ? ` ${f.unit}` : ""}.`)];
    });
    out.push(...(lines.length ? lines : [ctx.pending("passport")]));
  }
  return out;
}

function narratives(ctx: ExportContext, part: string): FileChild[] {
  const n = one<NarrativeData>(ctx.data, NARRATIVE_KIND)?.data;
  return (ANALYSIS_SECTORS[part] ?? []).flatMap((sector) => {
    const text = n?.sectors?.[sector];
    if (!text?.trim()) return [];
    return [para(ctx.label(ctx.m.reference.sectors, sector), { bold: true, indent: false, keepNext: true }), ...paragraphsOf(text)];
  });
}

export function analysis(ctx: ExportContext, title: string, parts: readonly string[]): SectionContent[] {
  const out: SectionContent[] = [ctx.section(title)];
  const pc = ctx.pc.passport;
  const d = (kind: string) => one<never>(ctx.data, kind)?.data;
  for (const part of parts) {
    if (ANALYSIS_SECTORS[part]) {
      out.push(ctx.sub(ctx.t(`doc.parts.${part}`)));
      const text = narratives(ctx, part);
      // Without a narrative the part still has its passport tables; say so only when it has nothing.
      const next = parts.slice(parts.indexOf(part) + 1);
      const end = next.findIndex((x) => ANALYSIS_SECTORS[x]);
      const hasTables = (end < 0 ? next : next.slice(0, end)).some((x) => PASSPORT_TABLE_OF_PART[x]) && passportElementsPresent(ctx);
      out.push(...(text.length ? text : hasTables ? [] : [ctx.pending("situation")]));
      continue;
    }
    const table = PASSPORT_TABLE_OF_PART[part];
    if (!table) continue;
    const kind = PASSPORT_KINDS[table as keyof typeof PASSPORT_KINDS];
    if (!d(kind)) {
      out.push(ctx.pending("passport"));
      continue;
    }
    if (part === "t2") out.push(...passportTable(ctx, "doc.tables.t2", populationTable(d(kind), pc)));
    if (part === "t3") out.push(...passportTable(ctx, "doc.tables.t3", vulnerableTable(d(kind), pc)));
    if (part === "t4") out.push(...passportTable(ctx, "doc.tables.t4", economyTable(d(kind), pc)));
    if (part === "t5") out.push(...passportTable(ctx, "doc.tables.t5", servicesTable(d(kind), pc)));
    if (part === "t6") out.push(...passportTable(ctx, "doc.tables.t6", budgetTable(d(kind), pc, budgetYears(ctx.data.program))));
  }
  return out;
}

export function problemsPart(ctx: ExportContext): FileChild[] {
  const rows = one<ProblemsData>(ctx.data, PROBLEMS_KIND)?.data.rows ?? [];
  if (!rows.length) return [ctx.pending("situation")];
  return [
    caption(ctx.t("doc.table", { n: ctx.tableNo(), title: ctx.t("doc.tables.t7") })),
    tableFromDefinition(problemsTable, problemTableRows(rows), ctx.lang, { t: ctx.t, ctx: labelContext(ctx) }),
  ];
}

export function swotPart(ctx: ExportContext): FileChild[] {
  const swot = one<SwotData>(ctx.data, SWOT_KIND)?.data;
  const rows = swotTableRows(swot);
  if (!rows.length) return [ctx.pending("situation")];
  return [
    caption(ctx.t("doc.table", { n: ctx.tableNo(), title: ctx.t("doc.tables.t8") })),
    tableFromDefinition(swotTable, rows, ctx.lang, { t: ctx.t, ctx: labelContext(ctx) }),
  ];
}

export function problems(ctx: ExportContext, title: string, swotTitle: string | null): FileChild[] {
  const out: FileChild[] = [ctx.section(title), ...problemsPart(ctx)];
  // When the style has no separate SWOT chapter, the SWOT is a sub-section of the problems.
  if (swotTitle) out.push(ctx.sub(swotTitle), ...swotPart(ctx));
  return out;
}

export function swot(ctx: ExportContext, title: string): FileChild[] {
  return [ctx.section(title), ...swotPart(ctx)];
}

/**
 * The baseline forecast (stage 4): the table of the forecast page in its document form (filled rows
 * only), then its assumptions. Without a program-year figure there is no forecast yet: a
 * baseline-scenario sentence and the placeholder.
 */
export function forecast(ctx: ExportContext, title: string): SectionContent[] {
  if (forecastRowsFilled(ctx.data).length === 0)
    return [ctx.section(title), para(ctx.t("doc.parts.forecastText")), ctx.pending("situation")];
  const { data, lang } = ctx;
  const saved = forecastOf(data);
  const table = forecastTable(saved, {
    rows: ctx.m.passport.forecast.rows.map((r) => ({ id: r.id, label: localize(r.label, lang), unit: localize(r.unit, lang) })),
    years: forecastYears(data.program),
    finalYear: data.program.endYear,
    indicators: outcomeChoices(data),
    filledOnly: true,
  });
  const out: SectionContent[] = [
    ctx.section(title),
    para(ctx.t("doc.parts.forecastTableText")),
    ...passportTable(ctx, "doc.tables.forecast", table),
  ];
  const assumptions = paragraphsOf(saved?.assumptions);
  if (assumptions.length)
    out.push(para(ctx.t("doc.parts.forecastAssumptions"), { bold: true, indent: false, keepNext: true }), ...assumptions);
  return out;
}

export const passportElementsPresent = (ctx: ExportContext) => Object.values(PASSPORT_KINDS).some((k) => many(ctx.data, k).length > 0);
