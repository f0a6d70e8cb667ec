/**
 * Stage 4, the baseline forecast: where the territory's key figures go without the program, year
 * by year — three years of actuals, then the program years (the methodology's "development
 * forecast, baseline scenario", rule r05). The indicators are template rows
 * (templates/passport.json → forecast); a row may name the program's outcome indicator it informs,
 * so the check can compare that indicator's final target with the forecast. Pure.
 */
import { KINDS } from "./element-kinds";
import { actualAndProgramYears, hasNumber, num, one, type ProgramData, type ProgramMeta } from "./program-data";
import { LONG_TEXT_MAX, oneOf, optionalNumber, optionalText, z } from "./validation";

export const FORECAST_KIND = KINDS.forecast;

export interface ForecastEntry {
  values: Record<string, number | undefined>;
  /** The outcome indicator whose target this forecast row informs. */
  indicatorId?: string;
}
export interface ForecastData {
  rows: Record<string, ForecastEntry>;
  /** What the baseline scenario assumes (trends, known plans outside the program). */
  assumptions?: string;
}

/** The same years as the budget table T6: three actual years, then the program years. */
export const forecastYears = (program: Pick<ProgramMeta, "startYear" | "endYear">) => actualAndProgramYears(program);

/** `indicatorIds`: the program's outcome indicators, the only ones a forecast row may be linked to. */
export function forecastFormSchema(years: readonly number[], rowIds: readonly string[], indicatorIds: readonly string[]) {
  const entry = z.object({
    values: z.object(Object.fromEntries(years.map((y) => [String(y), optionalNumber()]))).default({}),
    indicatorId: oneOf(indicatorIds).optional(),
  });
  return z.object({
    version: z.number().int().min(0),
    rows: z.object(Object.fromEntries(rowIds.map((id) => [id, entry.default({ values: {} })]))),
    assumptions: optionalText(LONG_TEXT_MAX),
  });
}

export function forecastOf(data: ProgramData): ForecastData | undefined {
  return one<ForecastData>(data, FORECAST_KIND)?.data;
}

/** Rows with a value for at least one program year: the forecast proper. */
export function forecastRowsFilled(data: ProgramData): string[] {
  const f = forecastOf(data);
  const years = forecastYears(data.program).forecast;
  return Object.entries(f?.rows ?? {})
    .filter(([, e]) => years.some((y) => hasNumber(e?.values?.[y])))
    .map(([id]) => id);
}

export interface TargetCheck {
  rowId: string;
  indicatorId: string;
  year: number;
  forecast: number;
  target: number;
  /** (target − forecast) / |forecast| */
  deviation: number;
}

/**
 * For each forecast row linked to an indicator: the indicator's target for the final program year
 * next to the forecast for that year. Rows without either value are left out.
 */
export function targetChecks(data: ProgramData, targetOf: (indicatorId: string, year: number) => number | undefined): TargetCheck[] {
  const f = forecastOf(data);
  const year = data.program.endYear;
  const out: TargetCheck[] = [];
  for (const [rowId, e] of Object.entries(f?.rows ?? {})) {
    if (!e?.indicatorId || !hasNumber(e.values?.[year])) continue;
    const target = targetOf(e.indicatorId, year);
    if (target === undefined) continue;
    const forecast = num(e.values[year]);
    out.push({
      rowId,
      indicatorId: e.indicatorId,
      year,
      forecast,
      target,
      deviation: forecast === 0 ? (target === 0 ? 0 : Infinity) : (target - forecast) / Math.abs(forecast),
    });
  }
  return out;
}
