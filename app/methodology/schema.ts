/**
 * Zod schemas and TS types for the methodology templates in /templates.
 *
 * Most of the methodology (stages, lens questions, thresholds, checks) is a reconstruction ([I] in
 * the domain brief) that must be replaced once the official MEC text is available. So it lives in
 * JSON that a methodologist can edit, and these schemas are the contract that keeps an edited file
 * usable: every text in all three languages, unique ids, consistent numbering.
 * No server code here, so client components can import the types and `localize`.
 */
import { z } from "zod";
import { lensAnswerIds } from "./lens-answers";

export const languages = ["ru", "ky", "en"] as const;
export type Lang = (typeof languages)[number];

const nonEmpty = z.string().trim().min(1, { message: "must not be empty" });

/** Localized text. Every language is required: a missing translation fails at server start. */
export const localizedText = z.object({ ru: nonEmpty, ky: nonEmpty, en: nonEmpty }).strict();
export type L = z.infer<typeof localizedText>;

/** Pick the text for one language (falls back to Russian, the default UI language). */
export function localize(text: L, lang: Lang): string {
  return text[lang] || text.ru;
}

/** Localized template text that must keep its placeholders, e.g. "{year}", in every language. */
function withPlaceholders(...names: string[]) {
  return localizedText.superRefine((t, ctx) => {
    for (const lang of languages)
      for (const name of names)
        if (!t[lang].includes(`{${name}}`)) ctx.addIssue({ code: "custom", path: [lang], message: `missing placeholder {${name}}` });
  });
}

export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, {
  message: "ids use a-z, 0-9, '_', '.', '-' and start with a letter or digit",
});

/** Refinement: no two rows share `key`. The issue points at the second row. */
function uniqueBy(key: string) {
  return (rows: unknown[], ctx: z.RefinementCtx) => {
    const seen = new Map<unknown, number>();
    rows.forEach((row, i) => {
      const value = (row as Record<string, unknown>)[key];
      const first = seen.get(value);
      if (first === undefined) seen.set(value, i);
      else ctx.addIssue({ code: "custom", path: [i, key], message: `duplicate ${key} "${String(value)}" (first at [${first}])` });
    });
  };
}

/**
 * The longest list a template may hold. Templates are the project's own data, but they size forms
 * and pages (a reference list becomes a select, lens questions become rows), so they are bounded too.
 */
const TEMPLATE_LIST_MAX = 500;

/** A non-empty list whose rows have unique ids. */
const listOf = <T extends z.ZodTypeAny>(row: T) => z.array(row).min(1).max(TEMPLATE_LIST_MAX).superRefine(uniqueBy("id"));

const item = z.object({ id: idSchema, label: localizedText }).strict();
export type Item = z.infer<typeof item>;

// ---- methodology.json -------------------------------------------------------------------------
export const methodologyMetaSchema = z.object({ version: nonEmpty, name: localizedText, note: localizedText }).strict();
export type MethodologyMeta = z.infer<typeof methodologyMetaSchema>;

// ---- stages.json: the wizard steps. Ids are fixed because routes and data hang off them. ------
export const stageIds = [
  "startup",
  "working_group",
  "passport",
  "situation",
  "inclusive_lens",
  "gender",
  "consultations",
  "strategy",
  "action_plan",
  "indicators",
  "financing",
  "review",
] as const;
export type StageId = (typeof stageIds)[number];

const stage = z
  .object({
    id: z.enum(stageIds),
    order: z.number().int().min(1).max(stageIds.length),
    title: localizedText,
    shortTitle: localizedText,
    guidance: z.object({ what: localizedText, who: localizedText, produces: localizedText }).strict(),
    durationWeeks: z.number().positive().max(52), // [I] configurable, the official deadlines are unknown
  })
  .strict();
export type Stage = z.infer<typeof stage>;

export const stagesSchema = listOf(stage).superRefine((stages, ctx) => {
  if (stages.length !== stageIds.length)
    ctx.addIssue({ code: "custom", path: [], message: `expected ${stageIds.length} stages, got ${stages.length}` });
  stages.forEach((s, i) => {
    if (s.order !== i + 1) ctx.addIssue({ code: "custom", path: [i, "order"], message: `expected ${i + 1}: list stages in order` });
  });
});

// ---- reference.json: lists the user picks from --------------------------------------------------
// `unidentified`: money from this source counts as "source not identified" (rule 16).
const fundingSource = item.extend({ budgetKind: z.enum(["local", "republican", "other"]), unidentified: z.boolean().optional() }).strict();
const legalBasis = item.extend({ reference: localizedText, default: z.boolean() }).strict();
const ageBand = item.extend({ from: z.number().int().min(0), to: z.number().int().min(0).nullable() }).strict();
export type FundingSource = z.infer<typeof fundingSource>;
export type LegalBasis = z.infer<typeof legalBasis>;
export type AgeBand = z.infer<typeof ageBand>;

export const referenceSchema = z
  .object({
    sectors: listOf(item),
    vulnerableGroups: listOf(item),
    consultationFormats: listOf(item),
    // The affordability check (rule 14) needs to know which source is the local budget.
    fundingSources: listOf(fundingSource).refine((rows) => rows.some((r) => r.budgetKind === "local"), {
      message: 'one funding source must have budgetKind "local"',
    }),
    nationalPrograms: listOf(item),
    legalBasis: listOf(legalBasis),
    // T2 columns: bands must be contiguous so every person falls in exactly one band.
    ageBands: listOf(ageBand).superRefine((bands, ctx) => {
      bands.forEach((b, i) => {
        const next = bands[i + 1];
        if (b.to !== null && b.to < b.from) ctx.addIssue({ code: "custom", path: [i, "to"], message: "must be ≥ from" });
        if (b.to === null && next) ctx.addIssue({ code: "custom", path: [i, "to"], message: "only the last band may be open-ended" });
        if (next && b.to !== null && next.from !== b.to + 1)
          ctx.addIssue({ code: "custom", path: [i + 1, "from"], message: `expected ${b.to + 1}: bands must be contiguous` });
      });
    }),
    workingGroupRoles: listOf(item),
    sexes: listOf(item.extend({ id: z.enum(["f", "m"]) }).strict()),
    // M&E (T14): how often an indicator is measured; units are suggestions, the unit stays free text.
    indicatorFrequencies: listOf(item),
    indicatorUnits: listOf(item).optional(),
  })
  .strict();
export type Reference = z.infer<typeof referenceSchema>;

// ---- geography.json: oblasts and raions ([I]-style editable reference data) ----------------------
// Not methodology but the territorial division, which reforms change (§10.3 of the domain brief).
// Municipalities store these codes, so a code never changes; a raion's code starts with its
// oblast's ("naryn.kochkor"), which keeps codes unique across oblasts. `aliases` are other
// spellings met in stored free text (matched when old values and program files are read).
const placeAliases = z.array(nonEmpty).max(10).optional();
const raion = z.object({ id: idSchema, name: localizedText, aliases: placeAliases }).strict();
const oblast = z
  .object({
    id: idSchema.refine((id) => !id.includes("."), { message: "an oblast code has no '.'" }),
    // A city of republican significance (Bishkek, Osh): its districts, if any, are its raions.
    city: z.boolean().optional(),
    name: localizedText,
    aliases: placeAliases,
    raions: z.array(raion).max(TEMPLATE_LIST_MAX).superRefine(uniqueBy("id")),
  })
  .strict()
  .superRefine((o, ctx) => {
    o.raions.forEach((r, i) => {
      if (!r.id.startsWith(`${o.id}.`)) ctx.addIssue({ code: "custom", path: ["raions", i, "id"], message: `must start with "${o.id}."` });
    });
  });
export const geographySchema = z.object({ note: localizedText, oblasts: listOf(oblast) }).strict();
export type Geography = z.infer<typeof geographySchema>;
export type Oblast = z.infer<typeof oblast>;

// ---- thresholds.json: numbers behind the checks ([I], no official figures were found) -----------
const share = z.number().min(0).max(1);
const count = z.number().int().min(0);
export const thresholdsSchema = z
  .object({
    workingGroup: z
      .object({
        minWomenShare: share,
        minYouthShare: share,
        minPwdMembers: count,
        youthMaxAge: z.number().int().min(14).max(40),
      })
      .strict(),
    affordability: z.object({ maxLocalShareOfOwnRevenue: share }).strict(),
    unidentifiedSourceMaxShare: share,
    minGenderResponsiveActions: count,
    programYears: z
      .object({ min: z.number().int().min(1).max(30), max: z.number().int().min(1).max(30) })
      .strict()
      .refine((p) => p.min <= p.max, { path: ["max"], message: "must be ≥ min" }),
    // Share of problems, ranked by citizens' score, that count as "top" for the traceability check (rule 12).
    traceability: z.object({ highPriorityShare: share }).strict(),
  })
  .strict();
export type Thresholds = z.infer<typeof thresholdsSchema>;

// ---- passport.json: rows and fields of tables T1 and T4–T6, and the baseline forecast's indicators ----
const passportField = item.extend({ unit: localizedText.nullable(), kind: z.enum(["text", "number"]) }).strict();
const economyRow = item.extend({ unit: localizedText, bySex: z.boolean() }).strict();
const budgetRow = item
  .extend({ group: z.enum(["revenue", "expenditure"]), ownRevenue: z.boolean() })
  .strict()
  .refine((r) => !r.ownRevenue || r.group === "revenue", { path: ["ownRevenue"], message: "only revenue rows can be own revenue" });
export type PassportField = z.infer<typeof passportField>;
export type EconomyRow = z.infer<typeof economyRow>;
export type BudgetRow = z.infer<typeof budgetRow>;
/** An indicator of the baseline forecast (stage 4): actual years, then the program years. [I] */
const forecastRow = item.extend({ unit: localizedText }).strict();
export type ForecastRow = z.infer<typeof forecastRow>;

export const passportSchema = z
  .object({
    general: z.object({ fields: listOf(passportField) }).strict(),
    economy: z.object({ rows: listOf(economyRow) }).strict(),
    services: z.object({ rows: listOf(item) }).strict(),
    budget: z.object({ rows: listOf(budgetRow) }).strict(),
    forecast: z.object({ rows: listOf(forecastRow) }).strict(),
  })
  .strict();
export type Passport = z.infer<typeof passportSchema>;

// ---- lens.json: the inclusive-lens questions (reconstructed; the poster was not found) ----------
export { lensAnswerIds, type LensAnswerId } from "./lens-answers";
const lensQuestion = z.object({ id: idSchema, number: z.number().int().min(1), text: localizedText, hint: localizedText }).strict();
const lensBlock = z
  .object({
    id: z.string().regex(/^[A-Z]$/, { message: "block ids are one capital letter" }),
    title: localizedText,
    question: localizedText,
    questions: z.array(lensQuestion).min(1).max(TEMPLATE_LIST_MAX),
  })
  .strict();
export type LensQuestion = z.infer<typeof lensQuestion>;
export type LensBlock = z.infer<typeof lensBlock>;

export const lensSchema = z
  .object({
    answers: listOf(z.object({ id: z.enum(lensAnswerIds), label: localizedText }).strict()).refine(
      (a) => a.length === lensAnswerIds.length,
      { message: `expected the ${lensAnswerIds.length} answers ${lensAnswerIds.join(", ")}` },
    ),
    blocks: listOf(lensBlock),
  })
  .strict()
  .superRefine((lens, ctx) => {
    // Questions are numbered 1..n across blocks (the number is shown to users) and ids are unique.
    const seen = new Map<string, string>();
    let n = 0;
    lens.blocks.forEach((block, b) =>
      block.questions.forEach((q, i) => {
        const path = ["blocks", b, "questions", i];
        n += 1;
        if (q.number !== n)
          ctx.addIssue({ code: "custom", path: [...path, "number"], message: `expected ${n}: number questions 1..n in order` });
        if (seen.has(q.id))
          ctx.addIssue({ code: "custom", path: [...path, "id"], message: `duplicate id "${q.id}" (first in block ${seen.get(q.id)})` });
        else seen.set(q.id, block.id);
      }),
    );
  });
export type Lens = z.infer<typeof lensSchema>;

// ---- gender.json: Harvard / Moser frameworks -----------------------------------------------------
const activity = item.extend({ profile: z.enum(["productive", "reproductive", "community"]) }).strict();
export type GenderActivity = z.infer<typeof activity>;
const profileRow = item
  .extend({
    source: z.enum(["population_by_age", "female_headed", "economy", "vulnerable"]),
    /** Economy row id (templates/passport.json) or vulnerable group id (templates/reference.json). */
    rowId: idSchema.optional(),
  })
  .strict()
  .refine((r) => (r.source === "economy" || r.source === "vulnerable") === Boolean(r.rowId), {
    path: ["rowId"],
    message: "rowId is needed for economy and vulnerable rows only",
  });
export type GenderProfileRow = z.infer<typeof profileRow>;
export const genderSchema = z
  .object({
    activities: listOf(activity),
    resources: listOf(item),
    whoDoesIt: listOf(item),
    needTypes: listOf(item),
    genderTags: listOf(item),
    gapDomains: listOf(item),
    decisionBodies: listOf(item),
    // Rows of the sex-disaggregated profile and where in the passport each one is read from.
    profileRows: listOf(profileRow),
  })
  .strict();
export type Gender = z.infer<typeof genderSchema>;

// ---- strategy.json: real programs name and nest strategy levels differently ----------------------
const strategyLevel = item.extend({ plural: localizedText }).strict();
const strategyForm = item.extend({ levels: listOf(strategyLevel) }).strict();
export type StrategyLevel = z.infer<typeof strategyLevel>;
export type StrategyForm = z.infer<typeof strategyForm>;
export const strategySchema = z
  .object({ forms: listOf(strategyForm), default: idSchema })
  .strict()
  .refine((s) => s.forms.some((f) => f.id === s.default), { path: ["default"], message: "must be the id of a form" });
export type Strategy = z.infer<typeof strategySchema>;

// ---- compliance.json: the reviewer's checks; `evaluator` names the code that runs each one ------
export const complianceGroupIds = [
  "format",
  "data",
  "participation",
  "logic",
  "budget",
  "responsibility",
  "inclusivity",
  "gender",
  "climate",
  "alignment",
  "me",
  "approval",
] as const;
export type ComplianceGroupId = (typeof complianceGroupIds)[number];
const rule = z
  .object({
    id: z.string().regex(/^r\d{2}$/, { message: 'rule ids look like "r01"' }),
    number: z.number().int().min(1).max(99),
    group: z.enum(complianceGroupIds),
    severity: z.enum(["blocker", "warning"]),
    text: localizedText,
    evaluator: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, { message: "must be a camelCase function name" }),
    params: z.record(z.union([z.number(), z.string(), z.boolean()])),
  })
  .strict()
  .refine((r) => r.id === `r${String(r.number).padStart(2, "0")}`, { path: ["id"], message: "must match number" });
export type ComplianceRule = z.infer<typeof rule>;

export const complianceSchema = z
  .object({
    rules: listOf(rule)
      .superRefine(uniqueBy("evaluator"))
      .superRefine((rules, ctx) => {
        rules.forEach((r, i) => {
          if (r.number !== i + 1) ctx.addIssue({ code: "custom", path: [i, "number"], message: `expected ${i + 1}: list rules in order` });
        });
      }),
    groups: listOf(item.extend({ id: z.enum(complianceGroupIds) }).strict()),
  })
  .strict()
  .superRefine((c, ctx) => {
    const groups = new Set<string>(c.groups.map((g) => g.id));
    c.rules.forEach((r, i) => {
      if (!groups.has(r.group))
        ctx.addIssue({ code: "custom", path: ["rules", i, "group"], message: `group "${r.group}" has no entry in groups` });
    });
  });
export type Compliance = z.infer<typeof complianceSchema>;

// ---- docx.json: outline and layout variants seen in real programs --------------------------------
const docxStyle = item
  .extend({
    headingNumbering: z.enum(["bolum", "razdel", "roman", "none"]),
    titlePage: z.enum(["resolution_line", "signature_blocks", "annex_line"]),
    introduction: z.boolean(),
    abbreviations: z.boolean(),
    slogan: z.boolean(),
    swotOwnSection: z.boolean(),
  })
  .strict();
const docxSection = z
  .object({
    id: idSchema,
    title: localizedText,
    optional: z.boolean(),
    landscape: z.boolean(),
    parts: z.array(idSchema).max(TEMPLATE_LIST_MAX),
  })
  .strict();
const months = z.array(nonEmpty).length(12);
export type DocxStyle = z.infer<typeof docxStyle>;
export type DocxSection = z.infer<typeof docxSection>;

export const docxSchema = z
  .object({
    styles: listOf(docxStyle),
    defaultStyle: idSchema,
    sections: listOf(docxSection),
    wording: z
      .object({
        draftMark: localizedText,
        agreed: localizedText,
        approve: localizedText,
        councilChair: localizedText,
        aoHead: localizedText,
        resolutionLine: withPlaceholders("council", "year", "day", "month", "number"),
        annexLine: withPlaceholders("council", "year", "day", "month", "number"),
        pageOf: withPlaceholders("page", "pages"),
        titleTemplate: withPlaceholders("municipality", "start", "end"),
        contents: localizedText,
        // The word of numbered section headings: «РАЗДЕЛ 1.» / «1-БӨЛҮМ.» (ky puts the number first).
        sectionWord: localizedText,
        // ky holds the form used after the day ("7-апрелиндеги"): the suffix follows vowel harmony.
        months: z.object({ ru: months, ky: months, en: months }).strict(),
      })
      .strict(),
  })
  .strict()
  .refine((d) => d.styles.some((s) => s.id === d.defaultStyle), { path: ["defaultStyle"], message: "must be the id of a style" });
export type Docx = z.infer<typeof docxSchema>;

/** Everything in /templates, validated. Field names follow the file names. */
export type Methodology = {
  meta: MethodologyMeta;
  stages: Stage[];
  reference: Reference;
  geography: Geography;
  thresholds: Thresholds;
  passport: Passport;
  lens: Lens;
  gender: Gender;
  strategy: Strategy;
  compliance: Compliance;
  docx: Docx;
};
