/**
 * What the strategy, action-plan and financing pages need from the methodology, in the UI
 * language: strategy forms and level names, funding sources, and the financing context.
 */
import { financingContextFrom, type FinancingContext } from "~/domain/financing";
import type { ProgramData } from "~/domain/program-data";
import { strategyForm } from "~/domain/strategy-tree";
import { localize, methodology, type Lang } from "~/methodology/templates.server";

export function strategyForms(lang: Lang) {
  return methodology.strategy.forms.map((f) => ({
    id: f.id,
    label: localize(f.label, lang),
    levels: f.levels.map((l) => ({ id: l.id, label: localize(l.label, lang), plural: localize(l.plural, lang) })),
  }));
}

/** The chosen form (from the vision) with its localized level names. */
export function chosenForm(data: ProgramData, lang: Lang) {
  const forms = strategyForms(lang);
  const id = strategyForm(data, methodology.strategy.default);
  return forms.find((f) => f.id === id) ?? forms.find((f) => f.id === methodology.strategy.default)!;
}

export function fundingSources(lang: Lang) {
  return methodology.reference.fundingSources.map((s) => ({ id: s.id, label: localize(s.label, lang), budgetKind: s.budgetKind }));
}

export function financingContext(): FinancingContext {
  return financingContextFrom(methodology);
}
