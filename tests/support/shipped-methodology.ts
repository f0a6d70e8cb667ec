/**
 * The pure domain functions with the shipped methodology (templates/, validated at load) bound
 * where the app passes it from the ProgramContext. The domain no longer falls back to template
 * defaults (issue #18); unit tests that check a rule against the methodology as shipped import
 * these, so their assertions read as before.
 */
import type { FinancingContext } from "~/domain/financing";
import * as financing from "~/domain/financing";
import * as indicators from "~/domain/indicators";
import * as meMatrix from "~/domain/tables/me-matrix";
import * as budget from "~/domain/passport-budget";
import * as completeness from "~/domain/passport-completeness";
import * as economy from "~/domain/passport-economy";
import * as general from "~/domain/passport-general";
import * as population from "~/domain/passport-population";
import { levelsOf, methodologyFacts } from "~/domain/program-context";
import type { ProgramData } from "~/domain/program-data";
import * as stages from "~/domain/stage-completeness";
import * as strategy from "~/domain/strategy";
import { methodology } from "~/methodology/templates.server";

const facts = methodologyFacts(methodology);
const rows = facts.passportRows;
const levels = (data: ProgramData) => levelsOf(data, facts.strategy);

/** A fresh copy of the financing rules, for tests that change one of them. */
export const defaultFinancingContext = (): FinancingContext => ({
  ...facts.financing,
  sources: [...facts.financing.sources],
  ownRevenueRowIds: [...facts.financing.ownRevenueRowIds],
});
export const financingCompleteness = (data: ProgramData, ctx: FinancingContext = facts.financing) =>
  financing.financingCompleteness(data, ctx);
export const strategyCompleteness = (data: ProgramData) => strategy.strategyCompleteness(data, facts.strategy);
export const stageCompleteness = (stageId: string, data: ProgramData) => stages.stageCompleteness(stageId, data, methodology);

export const indicatorsCompleteness = (data: ProgramData) => indicators.indicatorsCompleteness(data, levels(data));
export const objectivesMissingIndicator = (data: ProgramData) => indicators.objectivesMissingIndicator(data, levels(data));
export const indicatorParents = (data: ProgramData, numbers?: Record<string, string>) =>
  indicators.indicatorParents(data, levels(data), numbers);
export const meMatrixRows = (data: ProgramData, pre?: Parameters<typeof meMatrix.meMatrixRows>[2]) =>
  meMatrix.meMatrixRows(data, levels(data), pre);

export const passportCompleteness = (data: ProgramData) => completeness.passportCompleteness(data, rows);
export const generalFormSchema = (fields: Parameters<typeof general.generalFormSchema>[0] = rows.general) =>
  general.generalFormSchema(fields);
export const economyFormSchema = (ids: readonly string[] = rows.economy.map((r) => r.id)) => economy.economyFormSchema(ids);
export const economyFlags = (
  data: Parameters<typeof economy.economyFlags>[0],
  list: Parameters<typeof economy.economyFlags>[1] = rows.economy,
) => economy.economyFlags(data, list);
export const populationFormSchema = (bandIds: readonly string[] = rows.ageBandIds) => population.populationFormSchema(bandIds);
export const populationTotals = (data: Parameters<typeof population.populationTotals>[0], bandIds: readonly string[] = rows.ageBandIds) =>
  population.populationTotals(data, bandIds);
export const populationFlags = (data: Parameters<typeof population.populationFlags>[0], bandIds: readonly string[] = rows.ageBandIds) =>
  population.populationFlags(data, bandIds);
export const budgetFormSchema = (years: readonly number[], ids: readonly string[] = rows.budget.map((r) => r.id)) =>
  budget.budgetFormSchema(years, ids);
export const budgetTotals = (
  data: Parameters<typeof budget.budgetTotals>[0],
  years: readonly number[],
  list: Parameters<typeof budget.budgetTotals>[2] = rows.budget,
) => budget.budgetTotals(data, years, list);
export const ownRevenueForecast = (data: ProgramData, list: Parameters<typeof budget.ownRevenueForecast>[1] = rows.budget) =>
  budget.ownRevenueForecast(data, list);
