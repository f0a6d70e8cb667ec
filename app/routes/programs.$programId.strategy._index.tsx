import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useCommentMarkers } from "~/components/comment-marker";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { requireProgram } from "~/services/program-access.server";
import { SavedNotice } from "~/components/element-form";
import { SelectField, TextAreaField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { StageHeader } from "~/components/stage-header";
import { ElementFormFrame } from "~/components/stage-page";
import { VISION_KIND, visionFormSchema, type VisionData } from "~/domain/strategy";
import { flattenTree, strategyTree } from "~/domain/strategy-tree";
import { one } from "~/domain/program-data";
import { KINDS } from "~/domain/element-kinds";
import { getT } from "~/i18n/i18n.server";
import { methodology } from "~/methodology/templates.server";
import { useProgramLayout } from "~/routes/programs.$programId";
import { handleElementForm } from "~/services/element-form.server";
import { moveElement, VersionConflict } from "~/services/elements.server";
import { stageGuidance } from "~/services/stage-guidance.server";
import { readForm } from "~/http/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

const formIds = () => methodology.strategy.forms.map((f) => f.id);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { lang } = await getT(request);
  const ctx = await read.context(lang);
  const data = ctx.data;
  const vision = one<VisionData>(data, VISION_KIND);
  const form = ctx.chosenForm;
  const levels = ctx.levels;
  const actionsByParent = new Map<string, number>();
  for (const a of data.byKind[KINDS.action] ?? [])
    if (a.parentId) actionsByParent.set(a.parentId, (actionsByParent.get(a.parentId) ?? 0) + 1);
  const nodes = flattenTree(strategyTree(data)).map((n, _i, all) => {
    const siblings = all.filter((s) => s.element.parentId === n.element.parentId);
    return {
      id: n.element.id,
      number: n.number,
      depth: n.depth,
      title: n.element.data.title,
      level: form.levels[n.depth]?.label ?? "",
      canAddChild: n.depth + 1 < levels,
      isObjective: n.depth === levels - 1,
      actions: actionsByParent.get(n.element.id) ?? 0,
      first: siblings[0]?.element.id === n.element.id,
      last: siblings[siblings.length - 1]?.element.id === n.element.id,
    };
  });
  return json({
    ...stageGuidance("strategy", lang),
    base: `/programs/${program.id}`,
    version: vision?.version ?? 0,
    formIds: formIds(),
    forms: ctx.strategyForms.map((f) => ({ value: f.id, label: f.label })),
    levels: form.levels,
    nodes,
    defaultValue: {
      text: vision?.data.text ?? "",
      form: vision?.data.form ?? ctx.strategy.defaultForm,
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireProgram(request, params.programId, "edit");
  const schema = visionFormSchema(formIds());
  const formData = await readForm(request, { schema });
  if (formData.get("intent") === "move") {
    const { program, user } = access;
    const direction = formData.get("direction") === "up" ? "up" : "down";
    try {
      await moveElement({
        programId: program.id,
        id: String(formData.get("id") ?? ""),
        direction,
        userId: user.id,
      });
    } catch (e) {
      if (!(e instanceof VersionConflict)) throw e;
    }
    return redirect(`/programs/${program.id}/strategy`);
  }
  return handleElementForm(
    {
      request,
      params,
      access,
      kind: VISION_KIND,
      singleton: true,
      schema,
    },
    formData,
  );
}

export default function StrategyStage() {
  const { t } = useTranslation(["plan", "common"]);
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { canEdit } = useProgramLayout();
  const marker = useCommentMarkers();
  const schema = visionFormSchema(data.formIds);
  const { form, fields, actionData } = useElementForm("vision", schema, data.defaultValue);
  const labels = { text: t("strategy.vision"), form: t("strategy.form") };
  const top = data.levels[0];
  return (
    <>
      <StageHeader guidance={data} />
      <SavedNotice />
      {params.get("deleted") ? (
        <p className="notice notice--success" role="status">
          {t("strategy.deleted", { count: Number(params.get("deleted")) })}
        </p>
      ) : null}
      <ElementFormFrame
        form={form}
        actionData={actionData}
        labels={labels}
        version={data.version}
        canEdit={canEdit}
        saveLabel={t("strategy.saveVision")}
        savedNotice={false}
      >
        <TextAreaField field={fields.text} label={labels.text} hint={t("strategy.visionHint")} rows={4} />
        <SelectField field={fields.form} label={labels.form} hint={t("strategy.formHint")} options={data.forms} />
      </ElementFormFrame>

      <h2 id="tree-title">{t("strategy.treeTitle")}</h2>
      <p className="hint">{data.levels.map((l) => l.label).join(" → ")}</p>
      {data.nodes.length === 0 ? <p>{t("strategy.empty")}</p> : null}
      <ol className="strategy-tree" aria-labelledby="tree-title">
        {data.nodes.map((n) => (
          <li key={n.id} className={`strategy-tree__node strategy-tree__node--d${Math.min(n.depth, 4)}`}>
            <span className="hint">{n.level}</span>
            <div>
              <strong>{n.number}</strong> <ProgramLink to={`${data.base}/strategy/${n.id}`}>{n.title}</ProgramLink>
              {marker(n.id)}
              {n.isObjective ? <span className="tag tag--muted">{t("strategy.actionsCount", { count: n.actions })}</span> : null}
            </div>
            {canEdit ? (
              <div className="button-group">
                <ProgramLink className="button button--secondary button--small" to={`${data.base}/strategy/${n.id}`}>
                  {t("strategy.edit")} <span className="visually-hidden">{n.number}</span>
                </ProgramLink>
                {n.canAddChild ? (
                  <ProgramLink className="button button--secondary button--small" to={`${data.base}/strategy/new?parent=${n.id}`}>
                    {t("strategy.addChild", {
                      level: data.levels[n.depth + 1]?.label ?? "",
                    })}{" "}
                    <span className="visually-hidden">{n.number}</span>
                  </ProgramLink>
                ) : null}
                {n.isObjective ? (
                  <ProgramLink className="button button--secondary button--small" to={`${data.base}/actions/new?objective=${n.id}`}>
                    {t("strategy.addAction")} <span className="visually-hidden">{n.number}</span>
                  </ProgramLink>
                ) : null}
                {(["up", "down"] as const).map((dir) =>
                  (dir === "up" ? n.first : n.last) ? null : (
                    <Form method="post" key={dir} className="inline-form">
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="id" value={n.id} />
                      <input type="hidden" name="direction" value={dir} />
                      <button type="submit" className="button button--secondary button--small">
                        {t(dir === "up" ? "strategy.moveUp" : "strategy.moveDown")} <span className="visually-hidden">{n.number}</span>
                      </button>
                    </Form>
                  ),
                )}
                <ProgramLink className="button button--warning button--small" to={`${data.base}/strategy/${n.id}?delete=1`}>
                  {t("strategy.delete")} <span className="visually-hidden">{n.number}</span>
                </ProgramLink>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {top && canEdit ? (
        <ProgramLink className="button" to={`${data.base}/strategy/new`}>
          {t("strategy.addTop", { level: top.label })}
        </ProgramLink>
      ) : null}
    </>
  );
}
