/**
 * One action of the plan (T12 row): new (/actions/new?objective=…), edit (/actions/:id) and
 * delete with confirmation (/actions/:id?delete=1). The money checks live in the form schema
 * (app/domain/actions.ts), so the browser and the server say the same thing.
 */
import { ElementComments } from "~/components/comment-link";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { formLabels } from "~/domain/field-labels.server";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { DeleteConfirmPage } from "~/components/element-form";
import { SelectField, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { CheckboxField, CheckboxGroup } from "~/components/checkboxes";
import { MoneySplit } from "~/components/plan-fields";
import { ElementFormFrame } from "~/components/stage-page";
import { requireProgram } from "~/services/program-access.server";
import {
  ACTION_KIND,
  actionDataFromForm,
  actionFormSchema,
  normalizeAction,
  type ActionData,
  type ActionFormContext,
} from "~/domain/actions";
import { KINDS, prioritiesOf, problemsOf, vulnerableGroupsPresent } from "~/domain/element-kinds";
import { one, programYears, type ProgramData } from "~/domain/program-data";
import { leafLevelNodes, numbering, strategyTree } from "~/domain/strategy-tree";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { useProgramLayout } from "~/routes/programs.$programId";
import { handleElementForm } from "~/services/element-form.server";
import { deleteElement, descendantIds, VersionConflict } from "~/services/elements.server";
import { programContext } from "~/services/program-reader.server";
import type { ProgramContext } from "~/domain/program-context";
import { readForm } from "~/http/read-form.server";
import { notFound } from "~/http/expected-failure";

// The objectives actions attach to, as strategy.ts's objectives(): built from strategy-tree here,
// because importing strategy.ts would add its chunk to this page's first-load JavaScript.
const objectives = (data: ProgramData, levels: number) => leafLevelNodes(strategyTree(data), levels);

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

function formContext({ data, lang, levels, sourceIds, genderTags }: ProgramContext): ActionFormContext {
  return {
    sourceIds,
    years: programYears(data.program),
    genderTagIds: genderTags.map((g) => g.id),
    objectiveIds: objectives(data, levels).map((o) => o.element.id),
    lang,
  };
}

/** Lens questions answered other than "yes": the gaps an action may close. Read defensively. */
function lensGaps(data: ProgramData, lang: "ru" | "ky" | "en") {
  const answers = one<{ answers?: Record<string, { answer?: string } | undefined> }>(data, KINDS.lens)?.data?.answers ?? {};
  return methodology.lens.blocks.flatMap((b) =>
    b.questions
      .filter((q) => answers[q.id]?.answer && answers[q.id]?.answer !== "yes")
      .map((q) => ({ value: q.id, label: `${q.number}. ${localize(q.text, lang)}` })),
  );
}

const str = (n: number | undefined | null) => (n === undefined || n === null ? "" : String(n));

function toDefaults(a: ActionData | undefined, objectiveId: string, program: { startYear: number; endYear: number }) {
  return {
    objectiveId,
    title: a?.title ?? "",
    type: a?.type ?? "project",
    responsible: a?.responsible ?? "",
    partners: a?.partners ?? "",
    startYear: str(a?.startYear ?? program.startYear),
    endYear: str(a?.endYear ?? program.endYear),
    totalCost: str(a?.totalCost),
    funding: Object.fromEntries(Object.entries(a?.funding ?? {}).map(([k, v]) => [k, str(v)])),
    byYear: Object.fromEntries(Object.entries(a?.byYear ?? {}).map(([k, v]) => [k, str(v)])),
    output: a?.output ?? "",
    beneficiaries: Object.fromEntries(Object.entries(a?.beneficiaries ?? {}).map(([k, v]) => [k, str(v)])),
    tags: { inclusive: a?.tags.inclusive ? "on" : "", gender: a?.tags.gender ? "on" : "", climate: a?.tags.climate ? "on" : "" },
    genderTag: a?.genderTag ?? "",
    addsUnpaidCare: a?.addsUnpaidCare ? "on" : "",
    nextBudget: a?.nextBudget ? "on" : "",
    targetGroups: a?.targetGroups ?? [],
    problemIds: a?.problemIds ?? [],
    lensQuestionIds: a?.lensQuestionIds ?? [],
    priorityIds: a?.priorityIds ?? [],
  };
}

function findAction(data: ProgramData, id: string) {
  if (id === "new") return undefined;
  const el = (data.byKind[ACTION_KIND] ?? []).find((a) => a.id === id);
  if (!el) throw notFound();
  return { ...el, data: normalizeAction(el.data as Partial<ActionData>) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const pctx = await read.context(lang);
  const data = pctx.data;
  const form = pctx.chosenForm;
  const levels = pctx.levels;
  const action = findAction(data, params.actionId!);
  const url = new URL(request.url);
  const numbers = numbering(data);
  const objectiveId = action?.parentId ?? url.searchParams.get("objective") ?? "";
  const present = new Set(vulnerableGroupsPresent(data));
  let impact = null;
  if (action && url.searchParams.get("delete") === "1") {
    const rows = Object.values(data.byKind)
      .flat()
      .map((e) => ({ id: e.id, parent_id: e.parentId }));
    const below = new Set(descendantIds(rows, action.id).slice(1));
    impact = Object.values(data.byKind)
      .flat()
      .filter((e) => below.has(e.id))
      .map((e) => ({ id: e.id, title: String((e.data as { title?: string }).title ?? e.kind) }));
  }
  return json({
    // Form labels from the registry, resolved here so it stays out of the page's JavaScript.
    labels: formLabels("action", t),
    title: action ? `${numbers[action.id] ?? ""} ${action.data.title}` : t("action.newTitle", { ns: "plan" }),
    base: `/programs/${program.id}`,
    number: action ? (numbers[action.id] ?? "") : null,
    actionTitle: action?.data.title ?? null,
    impact,
    version: action?.version ?? 0,
    lang,
    ctx: formContext(pctx),
    objectiveLevel: form.levels[levels - 1]?.label ?? "",
    options: {
      objectives: objectives(data, levels).map((o) => ({ value: o.element.id, label: `${o.number} ${o.element.data.title}` })),
      sources: pctx.sources.map((s) => ({ value: s.id, label: s.label })),
      years: programYears(data.program).map((y) => ({ value: String(y), label: String(y) })),
      genderTags: pctx.genderTags.map((g) => ({ value: g.id, label: g.label })),
      groups: methodology.reference.vulnerableGroups.map((g) => ({
        value: g.id,
        label: localize(g.label, lang),
        hint: present.has(g.id) ? t("action.groupPresent", { ns: "plan" }) : undefined,
      })),
      problems: problemsOf(data).map((p) => ({ value: p.id, label: p.title })),
      priorities: prioritiesOf(data).map((p) => ({ value: p.id, label: p.text })),
      lens: lensGaps(data, lang),
    },
    defaultValue: toDefaults(action?.data, objectiveId, data.program),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireProgram(request, params.programId, "edit");
  const { lang } = await getT(request);
  const data = await access.read.programData();
  const existing = findAction(data, params.actionId!);
  const schema = actionFormSchema(formContext(programContext(data, lang)));
  const formData = await readForm(request, { schema });
  const back = `/programs/${access.program.id}/actions`;
  if (formData.get("intent") === "delete" && existing) {
    try {
      await deleteElement({
        programId: access.program.id,
        id: existing.id,
        expectedVersion: Number(formData.get("version")),
        userId: access.user.id,
      });
      return redirect(`${back}?deleted=1`);
    } catch (e) {
      if (!(e instanceof VersionConflict)) throw e;
      return json({ deleteConflict: true, result: undefined, conflict: null }, { status: 409 });
    }
  }
  return handleElementForm(
    {
      request,
      params,
      access,
      kind: ACTION_KIND,
      schema,
      elementId: () => existing?.id,
      parentId: (v) => v.objectiveId,
      toData: (v) => actionDataFromForm(v),
      redirectTo: () => back,
    },
    formData,
  );
}

export default function ActionPage() {
  const { t } = useTranslation(["plan", "common"]);
  const data = useLoaderData<typeof loader>();
  const { canEdit } = useProgramLayout();
  const schema = actionFormSchema(data.ctx);
  const { form, fields, actionData } = useElementForm("action", schema, data.defaultValue);
  const ben = fields.beneficiaries.getFieldset();
  const tags = fields.tags.getFieldset();
  const labels: Record<string, string> = { ...data.labels, objectiveId: data.objectiveLevel };
  for (const s of data.options.sources) labels[`funding.${s.value}`] = `${labels.funding}: ${s.label}`;
  for (const y of data.options.years) labels[`byYear.${y.value}`] = `${labels.byYear}: ${y.label}`;

  if (data.impact && data.number !== null) {
    return (
      <DeleteConfirmPage
        title={t("deleteAction.title", { name: `${data.number} ${data.actionTitle}` })}
        version={data.version}
        confirmLabel={t("deleteAction.confirm")}
        cancelTo={`${data.base}/actions`}
        canEdit={canEdit}
      >
        {data.impact.length > 0 ? (
          <>
            <p className="notice notice--warning">{t("deleteNode.alsoDeleted")}</p>
            <ul>
              {data.impact.map((i) => (
                <li key={i.id}>{i.title}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("deleteNode.nothingElse")}</p>
        )}
      </DeleteConfirmPage>
    );
  }

  return (
    <>
      <p className="hint">
        <ProgramLink to={`${data.base}/actions`}>{t("action.back")}</ProgramLink>
      </p>
      <h1>{data.number ? `${data.number} ${data.actionTitle}` : t("action.newTitle")}</h1>
      <ElementComments />
      <ElementFormFrame
        form={form}
        actionData={actionData}
        labels={labels}
        version={data.version}
        canEdit={canEdit}
        deleteLink={data.number !== null ? { to: "?delete=1", label: t("strategy.delete") } : null}
        intro={data.options.objectives.length === 0 ? <p className="notice notice--warning">{t("action.noObjectives")}</p> : null}
      >
        <SelectField
          field={fields.objectiveId}
          label={labels.objectiveId}
          options={data.options.objectives}
          placeholder={t("common:forms.choose")}
        />
        <TextField field={fields.title} label={labels.title} />
        <SelectField
          field={fields.type}
          label={labels.type}
          options={[
            { value: "project", label: t("action.types.project") },
            { value: "measure", label: t("action.types.measure") },
          ]}
        />
        <div className="two-col">
          <TextField field={fields.responsible} label={labels.responsible} hint={t("action.responsibleHint")} />
          <TextField field={fields.partners} label={labels.partners} hint={t("common:forms.optional")} />
        </div>
        <div className="two-col">
          <TextField field={fields.startYear} label={labels.startYear} type="number" inputMode="numeric" />
          <TextField field={fields.endYear} label={labels.endYear} type="number" inputMode="numeric" />
        </div>
        <TextField field={fields.totalCost} label={labels.totalCost} type="number" hint={t("action.moneyHint")} />
        <MoneySplit
          field={fields.funding}
          legend={labels.funding}
          hint={t("action.fundingHint")}
          rows={data.options.sources}
          totalLabel={t("action.sumLabel")}
          unit={t("unit")}
        />
        <MoneySplit
          field={fields.byYear}
          legend={labels.byYear}
          hint={t("action.byYearHint")}
          rows={data.options.years}
          totalLabel={t("action.sumLabel")}
          unit={t("unit")}
        />
        <TextField field={fields.output} label={labels.output} hint={t("action.outputHint")} />
        <fieldset className="field">
          <legend>{t("action.beneficiaries")}</legend>
          <div className="two-col">
            {(["total", "women", "men", "pwd"] as const).map((k) => (
              <TextField key={k} field={ben[k]} label={t(`action.ben.${k}`)} type="number" inputMode="numeric" />
            ))}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t("action.tags")}</legend>
          {(["inclusive", "gender", "climate"] as const).map((k) => (
            <CheckboxField key={k} field={tags[k]} label={t(`action.tagNames.${k}`)} />
          ))}
          <CheckboxField field={fields.addsUnpaidCare} label={t("action.addsUnpaidCare")} />
          <CheckboxField field={fields.nextBudget} label={t("action.nextBudget")} />
        </fieldset>
        <SelectField
          field={fields.genderTag}
          label={labels.genderTag}
          options={data.options.genderTags}
          placeholder={t("common:forms.choose")}
        />
        <CheckboxGroup
          field={fields.problemIds}
          legend={t("action.problems")}
          options={data.options.problems}
          empty={t("node.noProblems")}
        />
        <CheckboxGroup
          field={fields.priorityIds}
          legend={t("action.priorities")}
          options={data.options.priorities}
          empty={t("node.noPriorities")}
        />
        <CheckboxGroup field={fields.targetGroups} legend={t("action.targetGroups")} options={data.options.groups} />
        <CheckboxGroup
          field={fields.lensQuestionIds}
          legend={t("action.lens")}
          hint={t("action.lensHint")}
          options={data.options.lens}
          empty={t("action.noLensGaps")}
        />
      </ElementFormFrame>
    </>
  );
}
