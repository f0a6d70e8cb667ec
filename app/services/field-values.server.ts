/**
 * Names for the codes stored in a program (the value registry is ~/domain/field-values, pure): the
 * templates' reference lists in the reader's language, and the program's own rows and elements
 * (villages, problems, priorities, actions…) from the versions being shown, newest first.
 */
import { elementTitle } from "~/domain/comments";
import type { CodeName } from "~/domain/field-labels";
import type { CodeList, CodeNames } from "~/domain/field-values";
import { prioritiesOf, problemsOf, villagesOf } from "~/domain/element-kinds";
import type { ProgramData } from "~/domain/program-data";
import { numbering } from "~/domain/strategy-tree";
import type { Lang } from "~/methodology/schema";
import { localize, methodology } from "~/methodology/templates.server";

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Labelled = readonly { id: string; label: Parameters<typeof localize>[0] }[];

export interface ValueNamer {
  /** A code inside a value (see fieldValue). */
  names: CodeNames;
  /** A code inside a field's path, e.g. the source of `funding.local` (see fieldLabel). */
  codeName: CodeName;
  /** What a code reads when its row or element no longer exists. */
  unknown: string;
}

export function valueNamer(lang: Lang, t: Translate, versions: readonly ProgramData[]): ValueNamer {
  const m = methodology;
  const fromList = (list: Labelled) => new Map(list.map((x) => [x.id, localize(x.label, lang)]));
  const fixed = (prefix: string, ids: readonly string[]) => new Map(ids.map((id) => [id, t(`${prefix}${id}`)]));
  const lensQuestions = new Map(
    m.lens.blocks.flatMap((b) =>
      b.questions.map((q) => [q.id, `${t("inclusion:lens.questionN", { n: q.number })}. ${localize(q.text, lang)}`] as const),
    ),
  );
  // The program's own rows and elements: the first version that has one names it.
  const own = {
    village: new Map<string, string>(),
    problem: new Map<string, string>(),
    priority: new Map<string, string>(),
    element: new Map<string, string>(),
  };
  for (const data of versions) {
    const add = (map: Map<string, string>, id: string, name: string | null | undefined) => {
      if (name && !map.has(id)) map.set(id, name);
    };
    for (const v of villagesOf(data)) add(own.village, v.id, v.name);
    for (const p of problemsOf(data)) add(own.problem, p.id, p.title);
    for (const p of prioritiesOf(data)) add(own.priority, p.id, p.text);
    const numbers = numbering(data);
    for (const el of Object.values(data.byKind).flat()) {
      const title = elementTitle(el.data);
      add(
        own.element,
        el.id,
        title ? (numbers[el.id] ? `${numbers[el.id]} ${title}` : title) : t(`program:kinds.${el.kind}`, { defaultValue: "" }),
      );
    }
  }
  const lists: Record<CodeList, Map<string, string>> = {
    bool: new Map([
      ["true", t("common:forms.yes")],
      ["false", t("common:forms.no")],
    ]),
    sector: fromList(m.reference.sectors),
    group: fromList(m.reference.vulnerableGroups),
    village: own.village,
    problem: own.problem,
    priority: own.priority,
    element: own.element,
    lensQuestion: lensQuestions,
    lensAnswer: fromList(m.lens.answers),
    source: fromList(m.reference.fundingSources),
    meetingFormat: fromList(m.reference.consultationFormats),
    sex: fromList(m.reference.sexes),
    wgRole: fromList(m.reference.workingGroupRoles),
    frequency: fromList(m.reference.indicatorFrequencies),
    genderTag: fromList(m.gender.genderTags),
    needType: fromList(m.gender.needTypes),
    gapDomain: fromList(m.gender.gapDomains),
    whoDoesIt: fromList(m.gender.whoDoesIt),
    riskLevel: fixed("monitoring:review.level.", ["low", "medium", "high"]),
    actionType: fixed("plan:action.types.", ["project", "measure"]),
    indicatorType: fixed("monitoring:type.", ["outcome", "output"]),
    language: fixed("common:docLanguage.", ["ru", "ky"]),
    strategyForm: fromList(m.strategy.forms),
    nationalProgram: fromList(m.reference.nationalPrograms),
  };
  // Codes that name a part of a field (`funding.local`, `rows.land_tax.2026`, `activities.water`):
  // the template rows and columns of every table a program stores.
  const parts = new Map<string, string>([
    ...fromList(m.reference.fundingSources),
    ...fromList(m.reference.sectors),
    ...fromList(m.reference.vulnerableGroups),
    ...fromList(m.reference.ageBands),
    ...fromList(m.passport.general.fields),
    ...fromList(m.passport.economy.rows),
    ...fromList(m.passport.services.rows),
    ...fromList(m.passport.budget.rows),
    ...fromList(m.passport.forecast.rows),
    ...fromList(m.gender.activities),
    ...fromList(m.gender.resources),
    ...fromList(m.gender.decisionBodies),
    ...fixed("plan:action.ben.", ["total", "women", "men", "pwd"]),
    ...fixed("plan:action.tagNames.", ["inclusive", "gender", "climate"]),
  ]);
  return {
    names: (list, code) => lists[list].get(code),
    codeName: (code) => parts.get(code),
    unknown: t("common:fieldValues.removed"),
  };
}
