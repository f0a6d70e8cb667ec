import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { requireProgram } from "~/services/program-access.server";
import { CheckboxGroup, RadioGroup } from "~/components/checkboxes";
import { FieldError, TextAreaField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { ElementFormFrame, StageSubPageHeading } from "~/components/stage-page";
import { LENS_KIND, lensBlockFormSchema, lensLinkContext, mergeBlockAnswers, type LensAnswer, type LensData } from "~/domain/lens";
import { actionsOf, problemsOf } from "~/domain/element-kinds";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm } from "~/services/element-form.server";
import { stageGuidance } from "~/services/stage-guidance.server";
import { notFound } from "~/http/expected-failure";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

function findBlock(blockId: string | undefined) {
  const index = methodology.lens.blocks.findIndex((b) => b.id === blockId);
  if (index < 0) throw notFound();
  return { block: methodology.lens.blocks[index], index };
}

/** One block of lens questions per page (GOV.UK: one topic per page). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, read } = await requireProgram(request, params.programId);
  const { lang } = await getT(request);
  const { block, index } = findBlock(params.blockId);
  const data = await read.programData();
  const element = data.byKind[LENS_KIND]?.[0];
  const stored = element?.data as LensData | undefined;
  const blocks = methodology.lens.blocks;
  const guidance = stageGuidance("inclusive_lens", lang);
  const blockTitle = `${block.id}. ${localize(block.title, lang)}`;
  return json({
    ...guidance,
    title: `${blockTitle} — ${guidance.title}`,
    programId: program.id,
    block: { id: block.id, title: blockTitle, question: localize(block.question, lang) },
    questions: block.questions.map((q) => ({ id: q.id, number: q.number, text: localize(q.text, lang), hint: localize(q.hint, lang) })),
    answerOptions: methodology.lens.answers.map((a) => ({ id: a.id, label: localize(a.label, lang) })),
    problems: problemsOf(data).map((p) => ({ id: p.id, title: p.title })),
    actions: actionsOf(data).map((a) => ({ id: a.id, title: a.data.title })),
    questionsLinkedByActions: lensLinkContext(data).questionsLinkedByActions,
    prev: blocks[index - 1]?.id ?? null,
    next: blocks[index + 1]?.id ?? null,
    version: element?.version ?? 0,
    defaultValue: {
      answers: Object.fromEntries(block.questions.filter((q) => stored?.answers[q.id]).map((q) => [q.id, stored!.answers[q.id]])),
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { read } = await requireProgram(request, params.programId, "edit");
  const { block } = findBlock(params.blockId);
  const ids = block.questions.map((q) => q.id);
  const data = await read.programData();
  const element = await read.singleton(LENS_KIND);
  const stored = element ? (JSON.parse(element.data) as LensData) : undefined;
  return handleElementForm({
    request,
    params,
    kind: LENS_KIND,
    singleton: true,
    schema: lensBlockFormSchema(ids, { questionsLinkedByActions: lensLinkContext(data).questionsLinkedByActions }),
    // Other blocks' answers are kept; the version check refuses a save over someone else's newer one.
    toData: (value) => mergeBlockAnswers(stored, ids, value.answers as Record<string, LensAnswer | undefined>),
  });
}

export default function LensBlock() {
  const { t } = useTranslation(["inclusion", "common"]);
  const data = useLoaderData<typeof loader>();
  const ids = data.questions.map((q) => q.id);
  const { form, fields, actionData } = useElementForm(
    "lens",
    lensBlockFormSchema(ids, { questionsLinkedByActions: data.questionsLinkedByActions }),
    data.defaultValue,
  );
  const answers = fields.answers.getFieldset();
  const labels = Object.fromEntries(data.questions.map((q) => [`answers.${q.id}`, t("lens.questionN", { n: q.number })]));
  const base = `/programs/${data.programId}/lens`;
  const problemOptions = data.problems.map((p) => ({ value: p.id, label: p.title }));
  const actionOptions = data.actions.map((a) => ({ value: a.id, label: a.title }));
  return (
    <>
      <StageSubPageHeading stage={<ProgramLink to={base}>{data.stageTitle}</ProgramLink>} title={data.block.title}>
        <p className="lead">{data.block.question}</p>
      </StageSubPageHeading>
      <ElementFormFrame form={form} actionData={actionData} labels={labels} version={data.version}>
        {data.questions.map((q) => {
          const qf = answers[q.id];
          const f = qf.getFieldset();
          const linkedByAction = data.questionsLinkedByActions.includes(q.id);
          return (
            <fieldset
              key={q.id}
              id={qf.id}
              tabIndex={-1}
              className={`lens-question${qf.errors?.length ? " field--error" : ""}`}
              aria-describedby={qf.errors?.length ? qf.errorId : undefined}
            >
              <legend>
                <span className="lens-question__number">{t("lens.questionN", { n: q.number })}</span> {q.text}
              </legend>
              <span className="hint">{q.hint}</span>
              <FieldError field={qf} />
              <RadioGroup
                key={f.answer.key}
                field={f.answer}
                legend={t("lens.answer")}
                options={data.answerOptions.map((a) => ({ value: a.id, label: a.label }))}
              />
              <TextAreaField field={f.evidence} label={t("lens.evidence")} hint={t("lens.evidenceHint")} rows={2} />
              <CheckboxGroup
                key={f.problemIds.key}
                field={f.problemIds}
                legend={t("lens.linkProblems")}
                options={problemOptions}
                empty={t("empty.noProblems")}
              />
              <CheckboxGroup
                key={f.actionIds.key}
                field={f.actionIds}
                legend={t("lens.linkActions")}
                hint={linkedByAction ? t("lens.linkedByAction") : undefined}
                options={actionOptions}
                empty={t("empty.noActions")}
              />
              <TextAreaField field={f.justification} label={t("lens.justification")} hint={t("lens.justificationHint")} rows={2} />
            </fieldset>
          );
        })}
      </ElementFormFrame>
      <nav className="button-group" aria-label={t("lens.blockNav")}>
        {data.prev ? <ProgramLink to={`${base}/${data.prev}`}>{t("lens.prevBlock", { id: data.prev })}</ProgramLink> : null}
        <ProgramLink to={base}>{t("lens.backToOverview")}</ProgramLink>
        {data.next ? <ProgramLink to={`${base}/${data.next}`}>{t("lens.nextBlock", { id: data.next })}</ProgramLink> : null}
      </nav>
    </>
  );
}
