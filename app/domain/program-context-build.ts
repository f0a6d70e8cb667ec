/**
 * Builds the ProgramContext (program-context.ts) of one program in one language: the labelled
 * lists (funding sources, strategy forms, passport rows) on top of the language-free facts.
 * Called by the program reader for each request (app/services/program-reader.server.ts) and by
 * the DOCX/XLSX builders when handed bare program data.
 */
import { localize, type Lang, type Methodology } from "~/methodology/schema";
import { villagesOf } from "./element-kinds";
import { levelsOf, methodologyFacts, type LocalizedForm, type ProgramContext } from "./program-context";
import type { ProgramData } from "./program-data";
import { strategyForm } from "./strategy-tree";
import type { PassportContext } from "./tables/passport-table";

export function strategyFormsIn(m: Pick<Methodology, "strategy">, lang: Lang): LocalizedForm[] {
  return m.strategy.forms.map((f) => ({
    id: f.id,
    label: localize(f.label, lang),
    levels: f.levels.map((l) => ({ id: l.id, label: localize(l.label, lang), plural: localize(l.plural, lang) })),
  }));
}

/** The passport's template lists in `lang` (the passport pages, the DOCX section and the XLSX sheets). */
export function passportLists(m: Pick<Methodology, "passport" | "reference">, lang: Lang, data: ProgramData): PassportContext {
  const { passport, reference } = m;
  const l = <T extends { id: string; label: Parameters<typeof localize>[0] }>(xs: readonly T[]) =>
    xs.map((x) => ({ id: x.id, label: localize(x.label, lang) }));
  return {
    generalFields: passport.general.fields.map((f) => ({
      id: f.id,
      label: localize(f.label, lang),
      unit: f.unit ? localize(f.unit, lang) : null,
      kind: f.kind,
    })),
    ageBands: l(reference.ageBands),
    vulnerableGroups: l(reference.vulnerableGroups),
    economyRows: passport.economy.rows.map((r) => ({
      id: r.id,
      label: localize(r.label, lang),
      unit: localize(r.unit, lang),
      bySex: r.bySex,
    })),
    serviceRows: l(passport.services.rows),
    budgetRows: passport.budget.rows.map((r) => ({ id: r.id, label: localize(r.label, lang), group: r.group, ownRevenue: r.ownRevenue })),
    villages: villagesOf(data).map((v) => ({ id: v.id, label: v.name })),
  };
}

/** The context of one program in one language. */
export function programContextFrom(data: ProgramData, m: Methodology, lang: Lang): ProgramContext {
  const facts = methodologyFacts(m);
  const strategyForms = strategyFormsIn(m, lang);
  const formId = strategyForm(data, facts.strategy.defaultForm);
  const chosenForm = strategyForms.find((f) => f.id === formId) ?? strategyForms.find((f) => f.id === facts.strategy.defaultForm)!;
  return {
    ...facts,
    data,
    lang,
    methodology: m,
    sources: m.reference.fundingSources.map((s) => ({
      id: s.id,
      label: localize(s.label, lang),
      budgetKind: s.budgetKind,
      unidentified: s.unidentified,
    })),
    genderTags: m.gender.genderTags.map((g) => ({ id: g.id, label: localize(g.label, lang) })),
    strategyForms,
    chosenForm,
    levels: levelsOf(data, facts.strategy),
    passport: passportLists(m, lang, data),
    thresholds: m.thresholds,
    stages: m.stages,
  };
}
