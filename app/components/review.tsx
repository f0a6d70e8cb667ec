/** Pieces of the review pages: the form of one workflow action, dates, status tags. */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { recordsApproval, transitionFormSchema, type Requirement, type WorkflowAction } from "~/domain/workflow";
import { ErrorSummary, TextAreaField, TextField } from "./forms";
import { OpenToRole } from "~/components/can-edit";

export { StatusTag, useDateFormat, useDayFormat } from "./status-tag";

/** One allowed action as its own form: its required fields, then one button. Works without JS. */
export function TransitionForm({
  action,
  requires,
  lastResult,
  versionId,
  defaults,
}: {
  action: WorkflowAction;
  requires: Requirement;
  lastResult?: SubmissionResult<string[]> | null;
  versionId?: number;
  /** Values to start from (a correction starts from the record it corrects). */
  defaults?: Record<string, string>;
}) {
  const { t } = useTranslation("review");
  const schema = transitionFormSchema(requires);
  const [form, fields] = useForm({
    id: `transition-${action}${versionId ? `-${versionId}` : ""}`,
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const labels = {
    comment: requires === "comment" || requires === "correction" ? t(`actions.${action}.commentLabel`) : t("transition.comment"),
    resolutionNumber: t("approval.number"),
    resolutionDate: t("approval.date"),
    chairName: t("approval.chair"),
    publicationUrl: t("transition.publicationUrl"),
  };
  return (
    <section className="transition-form" aria-labelledby={`${form.id}-title`}>
      <h3 id={`${form.id}-title`}>{t(`actions.${action}.title`)}</h3>
      <p className="hint">{t(`actions.${action}.hint`)}</p>
      <ErrorSummary form={form} labels={labels} />
      <OpenToRole>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="action" value={action} />
          {versionId ? <input type="hidden" name="versionId" value={versionId} /> : null}
          {recordsApproval(requires) ? (
            <div className="two-col">
              <TextField field={fields.resolutionNumber} label={labels.resolutionNumber} />
              <TextField field={fields.resolutionDate} label={labels.resolutionDate} type="date" />
              <TextField field={fields.chairName} label={labels.chairName} />
            </div>
          ) : null}
          {requires === "publication" ? <TextField field={fields.publicationUrl} label={labels.publicationUrl} type="url" /> : null}
          <TextAreaField
            field={fields.comment}
            label={labels.comment}
            hint={requires === "comment" || requires === "correction" ? undefined : t("common:forms.optional")}
            rows={3}
          />
          <button
            type="submit"
            className={
              action === "request_changes" || action === "return" || action === "restore" || action === "withdraw_approval"
                ? "button button--secondary"
                : "button"
            }
          >
            {t(`actions.${action}.button`)}
          </button>
        </Form>
      </OpenToRole>
    </section>
  );
}
