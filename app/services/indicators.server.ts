/**
 * Loader and action shared by the "new indicator" and "indicator" pages: the same form, the same
 * validation; only the element id differs. The program is loaded once (loadProgramData, two queries).
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireProgram, notFound } from "~/auth/authorize.server";
import { db } from "~/db.server";
import {
  INDICATOR_KIND,
  indicatorDataFromForm,
  indicatorFormSchema,
  indicatorParents,
  indicatorsOf,
  MAX_BASELINE_AGE,
  type IndicatorData,
} from "~/domain/indicators";
import { programYears } from "~/domain/program-data";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm } from "./element-form.server";
import { deleteElement, VersionConflict } from "./elements.server";
import { loadProgramData } from "./program-data.server";
import { stageGuidance } from "./stage-guidance.server";

const frequencyIds = () => methodology.reference.indicatorFrequencies.map((f) => f.id);

export async function indicatorFormLoader({ request, params }: LoaderFunctionArgs, indicatorId?: string) {
  const { program, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const data = await read.programData();
  const existing = indicatorId ? indicatorsOf(data).find((i) => i.id === indicatorId) : undefined;
  if (indicatorId && !existing) throw notFound();
  const parents = indicatorParents(data);
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
    period: { startYear: data.program.startYear, endYear: data.program.endYear, minBaselineYear: data.program.startYear - MAX_BASELINE_AGE },
    years: programYears(data.program),
    parents,
    frequencies: methodology.reference.indicatorFrequencies.map((f) => ({ value: f.id, label: localize(f.label, lang) })),
    units: (methodology.reference.indicatorUnits ?? []).map((u) => localize(u.label, lang)),
    defaultValue: existing ? { ...existing.data, parentId } : { parentId, bySex: false, targets: {}, targetsWomen: {}, targetsMen: {} },
  });
}

export async function indicatorFormAction({ request, params }: ActionFunctionArgs, indicatorId?: string) {
  const formData = await request.formData();
  const access = await requireProgram(request, params.programId, "edit");
  const listUrl = `/programs/${access.program.id}/indicators`;
  if (indicatorId && formData.get("intent") === "delete") {
    try {
      await deleteElement(db, { programId: access.program.id, id: indicatorId, expectedVersion: Number(formData.get("version")), userId: access.user.id });
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      // Changed or deleted meanwhile: show the current state instead of deleting blind.
      return redirect(error.current ? `${listUrl}/${indicatorId}` : listUrl);
    }
    return redirect(`${listUrl}?deleted=1`);
  }
  const data = await loadProgramData(db, access.program.id);
  const parents = indicatorParents(data);
  const years = programYears(data.program);
  return handleElementForm(
    {
      request,
      params,
      kind: INDICATOR_KIND,
      schema: indicatorFormSchema({ startYear: data.program.startYear, endYear: data.program.endYear, parentIds: parents.map((p) => p.id), frequencies: frequencyIds() }),
      elementId: () => indicatorId,
      parentId: (v) => v.parentId,
      toData: (v): IndicatorData => indicatorDataFromForm(v, parents.find((p) => p.id === v.parentId)!.type, years),
      redirectTo: () => listUrl,
    },
    formData,
  );
}
