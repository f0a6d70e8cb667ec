/**
 * ProgramContext: one program's data plus the methodology projected ONCE for one request, in one
 * language: funding sources (with budget kind), the financing rules, the strategy forms and the
 * chosen one, the passport rows, thresholds and stages. Pages, checks, DOCX and XLSX read these
 * projections from here instead of each reshaping the methodology (or reading templates/ JSON) on
 * their own. Pure: the caller passes the validated methodology (the program reader does, see
 * app/services/program-reader.server.ts), so the domain never imports a server module.
 * This module holds the types and the language-free facts (light enough for pages that ship
 * strategy.ts to the browser); program-context-build.ts puts together the labelled context.
 */
import type { Lang, Methodology, Stage, Thresholds } from "~/methodology/schema";
import type { ProgramData } from "./program-data";
import { strategyForm } from "./strategy-tree";
import type { PassportContext } from "./tables/passport-table";

/** A form of the strategy hierarchy by its shape only: its id and how many levels it has. */
export interface FormShape {
  id: string;
  levels: number;
}

/** The strategy forms of the methodology and the one a program takes before its vision picks one. */
export interface StrategyShape {
  forms: FormShape[];
  defaultForm: string;
}

/** The financing rules of the methodology (rules 14 and 16, the T13 rows). */
export interface FinancingContext {
  /** Funding sources in template order; `local` ones count against own revenue, `unidentified` ones against the limit. */
  sources: { id: string; budgetKind: "local" | "republican" | "other"; unidentified?: boolean }[];
  /** Passport budget rows (templates/passport.json) that are the municipality's own revenue. */
  ownRevenueRowIds: string[];
  /** thresholds.affordability.maxLocalShareOfOwnRevenue */
  maxLocalShare: number;
  /** thresholds.unidentifiedSourceMaxShare */
  unidentifiedMaxShare: number;
}

/** The passport's template rows as the form schemas, totals and completeness read them (no labels). */
export interface PassportRows {
  general: readonly { id: string; kind: string }[];
  economy: readonly { id: string; bySex: boolean }[];
  services: readonly { id: string }[];
  budget: readonly { id: string; group: string; ownRevenue: boolean }[];
  ageBandIds: readonly string[];
}

/** The methodology facts the pure rules need, independent of language and of any program. */
export interface MethodologyFacts {
  financing: FinancingContext;
  strategy: StrategyShape;
  passportRows: PassportRows;
  sourceIds: string[];
}

export interface FundingSourceView {
  id: string;
  label: string;
  budgetKind: "local" | "republican" | "other";
  unidentified?: boolean;
}

export interface LocalizedForm {
  id: string;
  label: string;
  levels: { id: string; label: string; plural: string }[];
}

export interface ProgramContext extends MethodologyFacts {
  data: ProgramData;
  lang: Lang;
  /** The validated methodology, for what is not projected here (lens, gender, compliance, DOCX outline). */
  methodology: Methodology;
  /** Funding sources in template order, labelled in `lang`. */
  sources: FundingSourceView[];
  /** Gender tags of actions (templates/gender.json), labelled in `lang`. */
  genderTags: { id: string; label: string }[];
  strategyForms: LocalizedForm[];
  /** The program's form (from its vision, else the default) with its level names. */
  chosenForm: LocalizedForm;
  /** Levels of the chosen form: objectives (where actions attach) are the last. */
  levels: number;
  /** The passport's template lists in `lang`, and the villages of T2. */
  passport: PassportContext;
  thresholds: Thresholds;
  stages: readonly Stage[];
}

type FactsSource = Pick<Methodology, "reference" | "passport" | "thresholds" | "strategy">;

/** The financing rules, built here only: the page, the workspace, the DOCX, XLSX and the check read them from the context. */
export function financingContextFrom(m: Pick<Methodology, "reference" | "passport" | "thresholds">): FinancingContext {
  return {
    sources: m.reference.fundingSources.map((s) => ({ id: s.id, budgetKind: s.budgetKind, unidentified: s.unidentified })),
    ownRevenueRowIds: m.passport.budget.rows.filter((r) => r.ownRevenue).map((r) => r.id),
    maxLocalShare: m.thresholds.affordability.maxLocalShareOfOwnRevenue,
    unidentifiedMaxShare: m.thresholds.unidentifiedSourceMaxShare,
  };
}

export function strategyShapeFrom(m: Pick<Methodology, "strategy">): StrategyShape {
  return { forms: m.strategy.forms.map((f) => ({ id: f.id, levels: f.levels.length })), defaultForm: m.strategy.default };
}

/** Number of levels of the program's chosen form (the default form's when the vision names none known). */
export function levelsOf(data: ProgramData, shape: StrategyShape): number {
  const id = strategyForm(data, shape.defaultForm);
  const form = shape.forms.find((f) => f.id === id) ?? shape.forms.find((f) => f.id === shape.defaultForm);
  return form?.levels ?? 3;
}

/** Facts derived from the methodology once (cached per methodology object: it is frozen and shared). */
let factsCache: WeakMap<object, MethodologyFacts> | undefined;
export function methodologyFacts(m: FactsSource): MethodologyFacts {
  factsCache ??= new WeakMap();
  let facts = factsCache.get(m);
  if (!facts) {
    const p = m.passport;
    facts = {
      financing: financingContextFrom(m),
      strategy: strategyShapeFrom(m),
      passportRows: {
        general: p.general.fields,
        economy: p.economy.rows,
        services: p.services.rows,
        budget: p.budget.rows,
        ageBandIds: m.reference.ageBands.map((b) => b.id),
      },
      sourceIds: m.reference.fundingSources.map((s) => s.id),
    };
    factsCache.set(m, facts);
  }
  return facts;
}
