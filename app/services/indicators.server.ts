/**
 * Loaders and action of the indicator pages. The "new indicator" and "indicator" pages share the
 * form, the validation and the loader; only the element id differs. The program is loaded once
 * (loadProgramData, two queries). The list page's loader is here too (indicatorsListLoader).
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireProgram } from "./program-access.server";
import { db } from "~/db.server";
import {
  INDICATOR_KIND,
  indicatorDataFromForm,
  indicatorFormSchema,
  indicatorNumbers,
  indicatorParents,
  indicatorsByParent,
  indicatorsOf,
  isCompleteOutcome,
  MAX_BASELINE_AGE,
  type IndicatorData,
  type IndicatorView,
} from "~/domain/indicators";
import { formatNumber as formatNumberIn } from "~/domain/format";
import { programYears } from "~/domain/program-data";
import { stageHref } from "~/domain/stage-paths";
import { numbering } from "~/domain/strategy-tree";
import { meMatrixRows, meMatrixTable } from "~/domain/tables/me-matrix";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm } from "./element-form.server";
import { deleteElement, VersionConflict } from "./elements.server";
import { loadProgramData } from "./program-data.server";
import { strategyLevels } from "./program-reader.server";
import { stageGuidance } from "./stage-guidance.server";
import { readForm } from "~/http/read-form.server";
import { notFound } from "~/http/expected-failure";

const frequencyIds = () => methodology.reference.indicatorFrequencies.map((f) => f.id);

export async function indicatorFormLoader({ request, params }: LoaderFunctionArgs, indicatorId?: string) {
  const { read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const { data, levels } = await read.context(lang);
  const existing = indicatorId ? indicatorsOf(data).find((i) => i.id === indicatorId) : undefined;
  if (indicatorId && !existing) throw notFound();
  const parents = indicatorParents(data, levels);
  const requested = new URL(request.url).searchParams.get("parent");
  const parentId = existing?.parentId ?? (parents.some((p) => p.id === requested) ? requested : "");
  const guidance = stageGuidance("indicators", lang);
  const heading = existing ? t("monitoring:form.editTitle") : t("monitoring:form.newTitle");
  return json({
    ...guidance,
    title: `${heading} — ${guidance.title}`,
    heading,
    isNew: !existing,
    version: existing?.version ?? 0,
    period: {
      startYear: data.program.startYear,
      endYear: data.program.endYear,
      minBaselineYear: data.program.startYear - MAX_BASELINE_AGE,
    },
    years: programYears(data.program),
    parents,
    frequencies: methodology.reference.indicatorFrequencies.map((f) => ({ value: f.id, label: localize(f.label, lang) })),
    units: (methodology.reference.indicatorUnits ?? []).map((u) => localize(u.label, lang)),
    defaultValue: existing ? { ...existing.data, parentId } : { parentId, bySex: false, targets: {}, targetsWomen: {}, targetsMen: {} },
  });
}

export async function indicatorFormAction({ request, params }: ActionFunctionArgs, indicatorId?: string) {
  const access = await requireProgram(request, params.programId, "edit");
  const data = await loadProgramData(db, access.program.id);
  const parents = indicatorParents(data, strategyLevels(data));
  const schema = indicatorFormSchema({
    startYear: data.program.startYear,
    endYear: data.program.endYear,
    parentIds: parents.map((p) => p.id),
    frequencies: frequencyIds(),
  });
  const formData = await readForm(request, { schema });
  const listUrl = `/programs/${access.program.id}/indicators`;
  if (indicatorId && formData.get("intent") === "delete") {
    try {
      await deleteElement({
        programId: access.program.id,
        id: indicatorId,
        expectedVersion: Number(formData.get("version")),
        userId: access.user.id,
      });
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      // Changed or deleted meanwhile: show the current state instead of deleting blind.
      return redirect(error.current ? `${listUrl}/${indicatorId}` : listUrl);
    }
    return redirect(`${listUrl}?deleted=1`);
  }
  const years = programYears(data.program);
  return handleElementForm(
    {
      request,
      params,
      access,
      kind: INDICATOR_KIND,
      schema,
      elementId: () => indicatorId,
      parentId: (v) => v.parentId,
      toData: (v): IndicatorData => indicatorDataFromForm(v, parents.find((p) => p.id === v.parentId)!.type, years),
      redirectTo: () => listUrl,
    },
    formData,
  );
}

/**
 * An interpolated message as a function of its values, translated once: the page formats the same
 * two messages for every indicator, and i18next's interpolation per call was a visible cost.
 * (Interpolation does not escape values: escapeValue is false, see i18n/config.ts.)
 */
function messageOf(t: (key: string, params: Record<string, string>) => string, key: string, names: string[]) {
  const marks = names.map((n) => `\u0001${n}\u0001`);
  const parts = t(key, Object.fromEntries(names.map((n, i) => [n, marks[i]])));
  return (values: Record<string, string | number>) => names.reduce((text, n, i) => text.split(marks[i]).join(String(values[n])), parts);
}

/** The indicators page: outcome and output indicators by objective, and the T14 matrix as strings. */
export async function indicatorsListLoader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const { data, levels } = await read.context(lang);
  // The tree numbering, the parents and the grouping are computed once and shared with the matrix.
  const treeNumbers = numbering(data);
  const parents = indicatorParents(data, levels, treeNumbers);
  const byParent = indicatorsByParent(data);
  const numbers = indicatorNumbers(data, byParent, treeNumbers);
  const finalYear = data.program.endYear;
  // Indicators repeat the same few values (baselines, targets): format each once.
  const formatted = new Map<number | null | undefined, string>();
  const formatNumber = (value: number | null | undefined) => {
    let text = formatted.get(value);
    if (text === undefined) formatted.set(value, (text = formatNumberIn(value, lang)));
    return text;
  };
  const baselineShort = messageOf(t, "monitoring:indicators.baselineShort", ["value", "year"]);
  const targetShort = messageOf(t, "monitoring:indicators.targetShort", ["value", "year"]);
  const item = (i: IndicatorView) => ({
    id: i.id,
    number: numbers[i.id] ?? "",
    name: i.data.name,
    unit: i.data.unit,
    baseline:
      i.data.baselineValue === undefined
        ? null
        : baselineShort({ value: formatNumber(i.data.baselineValue), year: i.data.baselineYear ?? "—" }),
    target:
      i.data.targets?.[finalYear] === undefined ? null : targetShort({ value: formatNumber(i.data.targets[finalYear]), year: finalYear }),
    complete: isCompleteOutcome(i.data, finalYear),
  });
  // Objectives with their actions, in tree order (indicatorParents lists each objective, then its actions).
  const groups: {
    id: string;
    number: string;
    title: string;
    indicators: ReturnType<typeof item>[];
    actions: { id: string; number: string; title: string; indicators: ReturnType<typeof item>[] }[];
  }[] = [];
  for (const p of parents) {
    const indicators = (byParent.get(p.id) ?? []).map(item);
    if (p.type === "outcome") groups.push({ id: p.id, number: p.number, title: p.title, indicators, actions: [] });
    else groups[groups.length - 1]?.actions.push({ id: p.id, number: p.number, title: p.title, indicators });
  }
  // T14 cells are computed here, so the page ships strings, not the definition's functions.
  const table = meMatrixTable(data.program);
  const frequencies = new Map(methodology.reference.indicatorFrequencies.map((f) => [f.id, localize(f.label, lang)]));
  // The accessors ask for the same few labels (type, "W"/"M") in every cell: look each up once.
  const labels = new Map<string, string>();
  const label = (key: string, p?: Record<string, unknown>): string => {
    if (p) return t(key, p) as string;
    let text = labels.get(key);
    if (text === undefined) labels.set(key, (text = t(key) as string));
    return text;
  };
  const ctx = { t: label, frequency: (id: string) => frequencies.get(id) ?? id, lang };
  const matrix = {
    title: t(table.title),
    columns: table.columns.map((c) => ({
      id: c.id,
      header: t(c.header, c.headerParams),
      group: c.group ? t(c.group) : null,
      numeric: c.kind !== "text",
    })),
    rows: meMatrixRows(data, levels, { parents, byParent, numbers }).map((r) => ({
      id: r.id,
      cells: table.columns.map((c) => {
        const v = c.accessor(r, ctx);
        return typeof v === "number" ? formatNumber(v) : (v ?? "");
      }),
    })),
  };
  return json({
    ...stageGuidance("indicators", lang),
    strategyHref: stageHref(program.id, "strategy"),
    groups,
    missing: groups.filter((g) => !g.indicators.some((i) => i.complete)).length,
    matrix,
  });
}
