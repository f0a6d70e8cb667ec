/**
 * One strategy node: new (/strategy/new?parent=…), edit (/strategy/:id) and delete with a
 * confirmation that lists exactly what goes with it (/strategy/:id?delete=1). Plain forms and
 * links, so all of it works without JavaScript.
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
import { TextAreaField, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { CheckboxGroup } from "~/components/checkboxes";
import { ElementFormFrame } from "~/components/stage-page";
import { prioritiesOf, problemsOf } from "~/domain/element-kinds";
import { requireProgram } from "~/services/program-access.server";
import type { ProgramData } from "~/domain/program-data";
import { childLevel, deletionImpact, NODE_KIND, nodeDepth, nodeFormSchema, type StrategyNodeData } from "~/domain/strategy";
import { numbering } from "~/domain/strategy-tree";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { useProgramLayout } from "~/routes/programs.$programId";
import { handleElementForm } from "~/services/element-form.server";
import { deleteElement, descendantIds, VersionConflict } from "~/services/elements.server";
import { programContext } from "~/services/program-reader.server";
import { readForm } from "~/http/read-form.server";
import { notFound } from "~/http/expected-failure";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

function allowedLinks(data: ProgramData) {
  return {
    nationalPrograms: methodology.reference.nationalPrograms.map((p) => p.id),
    priorityIds: prioritiesOf(data).map((p) => p.id),
    problemIds: problemsOf(data).map((p) => p.id),
  };
}

/** Where the page stands: a new node under `parentId`, or an existing node; 404 when neither makes sense. */
function locate(data: ProgramData, nodeId: string, url: URL, levels: number) {
  if (nodeId === "new") {
    const parentId = url.searchParams.get("parent") || null;
    const level = childLevel(data, parentId, levels);
    if (level === null) throw notFound();
    return { isNew: true, parentId, level, node: undefined };
  }
  const node = (data.byKind[NODE_KIND] ?? []).find((n) => n.id === nodeId);
  if (!node) throw notFound();
  return {
    isNew: false,
    parentId: node.parentId,
    level: nodeDepth(data, nodeId) ?? 0,
    node: node as typeof node & { data: StrategyNodeData },
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const ctx = await read.context(lang);
  const data = ctx.data;
  const form = ctx.chosenForm;
  const url = new URL(request.url);
  const here = locate(data, params.nodeId!, url, ctx.levels);
  const numbers = numbering(data);
  const levelLabel = form.levels[here.level]?.label ?? "";
  const parent = here.parentId ? (data.byKind[NODE_KIND] ?? []).find((n) => n.id === here.parentId) : undefined;
  let impact = null;
  if (here.node && url.searchParams.get("delete") === "1") {
    const rows = Object.values(data.byKind)
      .flat()
      .map((e) => ({ id: e.id, parent_id: e.parentId }));
    const groups = deletionImpact(data, descendantIds(rows, here.node.id).slice(1));
    const item = (e: { id: string; data: unknown }) => ({
      id: e.id,
      number: numbers[e.id] ?? "",
      title: String((e.data as { title?: string })?.title ?? (e.data as { name?: string })?.name ?? ""),
    });
    impact = {
      nodes: groups.nodes.map(item),
      actions: groups.actions.map(item),
      indicators: groups.indicators.map(item),
      other: groups.other.length,
    };
  }
  const title = here.node ? `${numbers[here.node.id]} ${here.node.data.title}` : t("nodeNew", { ns: "plan", level: levelLabel });
  return json({
    // Form labels from the registry, resolved here so it stays out of the page's JavaScript.
    labels: formLabels("strategy_node", t),
    title,
    base: `/programs/${program.id}`,
    isNew: here.isNew,
    levelLabel,
    parent: parent ? { number: numbers[parent.id] ?? "", title: (parent.data as StrategyNodeData).title } : null,
    node: here.node ? { id: here.node.id, number: numbers[here.node.id] ?? "", title: here.node.data.title } : null,
    impact,
    version: here.node?.version ?? 0,
    allowed: allowedLinks(data),
    options: {
      nationalPrograms: methodology.reference.nationalPrograms.map((p) => ({ value: p.id, label: localize(p.label, lang) })),
      priorities: prioritiesOf(data).map((p) => ({
        value: p.id,
        label: p.text,
        hint: p.votes ? t("priorityVotes", { ns: "plan", count: p.votes }) : undefined,
      })),
      problems: problemsOf(data).map((p) => ({ value: p.id, label: p.title })),
    },
    defaultValue: {
      parentId: here.parentId ?? "",
      title: here.node?.data.title ?? "",
      description: here.node?.data.description ?? "",
      nationalPrograms: here.node?.data.nationalPrograms ?? [],
      priorityIds: here.node?.data.priorityIds ?? [],
      problemIds: here.node?.data.problemIds ?? [],
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireProgram(request, params.programId, "edit");
  const data = await access.read.programData();
  const { lang } = await getT(request);
  const levels = programContext(data, lang).levels;
  const here = locate(data, params.nodeId!, new URL(request.url), levels);
  const schema = nodeFormSchema(allowedLinks(data));
  const formData = await readForm(request, { schema });
  const back = `/programs/${access.program.id}/strategy`;
  if (formData.get("intent") === "delete" && here.node) {
    try {
      const ids = await deleteElement({
        programId: access.program.id,
        id: here.node.id,
        expectedVersion: Number(formData.get("version")),
        userId: access.user.id,
      });
      return redirect(`${back}?deleted=${ids.length}`);
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
      kind: NODE_KIND,
      schema,
      elementId: () => here.node?.id,
      // A new node goes under the parent of the URL (checked against the form's depth above).
      parentId: () => (here.isNew ? here.parentId : undefined),
      toData: ({ version: _v, parentId: _p, ...rest }) => rest,
      redirectTo: () => back,
    },
    formData,
  );
}

export default function StrategyNode() {
  const { t } = useTranslation(["plan", "common"]);
  const data = useLoaderData<typeof loader>();
  const { canEdit } = useProgramLayout();
  const schema = nodeFormSchema(data.allowed);
  const { form, fields, actionData } = useElementForm("node", schema, data.defaultValue);
  const labels: Record<string, string> = data.labels;

  if (data.impact && data.node) {
    const { impact } = data;
    const nothing = impact.nodes.length + impact.actions.length + impact.indicators.length + impact.other === 0;
    return (
      <DeleteConfirmPage
        title={t("deleteNode.title", { name: `${data.node.number} ${data.node.title}` })}
        version={data.version}
        confirmLabel={t("deleteNode.confirm")}
        cancelTo={`${data.base}/strategy`}
        canEdit={canEdit}
      >
        {nothing ? (
          <p>{t("deleteNode.nothingElse")}</p>
        ) : (
          <>
            <p className="notice notice--warning">{t("deleteNode.alsoDeleted")}</p>
            {(["nodes", "actions", "indicators"] as const).map((k) =>
              impact[k].length > 0 ? (
                <section key={k}>
                  <h2>{t(`deleteNode.${k}`, { count: impact[k].length })}</h2>
                  <ul>
                    {impact[k].map((i) => (
                      <li key={i.id}>
                        {i.number} {i.title}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null,
            )}
            {impact.other > 0 ? <p>{t("deleteNode.other", { count: impact.other })}</p> : null}
          </>
        )}
      </DeleteConfirmPage>
    );
  }

  return (
    <>
      <p className="hint">
        <ProgramLink to={`${data.base}/strategy`}>{t("node.back")}</ProgramLink>
      </p>
      <span className="hint">{data.levelLabel}</span>
      <h1>{data.node ? `${data.node.number} ${data.node.title}` : t("nodeNew", { level: data.levelLabel })}</h1>
      <ElementComments />
      {data.parent ? <p className="hint">{t("node.under", { name: `${data.parent.number} ${data.parent.title}` })}</p> : null}
      <ElementFormFrame
        form={form}
        actionData={actionData}
        labels={labels}
        version={data.version}
        canEdit={canEdit}
        deleteLink={data.node ? { to: "?delete=1", label: t("strategy.delete") } : null}
      >
        <input type="hidden" name={fields.parentId.name} value={data.defaultValue.parentId} />
        <TextField field={fields.title} label={labels.title} />
        <TextAreaField field={fields.description} label={labels.description} hint={t("common:forms.optional")} rows={3} />
        <CheckboxGroup field={fields.problemIds} legend={labels.problemIds} options={data.options.problems} empty={t("node.noProblems")} />
        <CheckboxGroup
          field={fields.priorityIds}
          legend={labels.priorityIds}
          options={data.options.priorities}
          empty={t("node.noPriorities")}
        />
        <CheckboxGroup
          field={fields.nationalPrograms}
          legend={labels.nationalPrograms}
          hint={t("node.nationalHint")}
          options={data.options.nationalPrograms}
        />
      </ElementFormFrame>
    </>
  );
}
