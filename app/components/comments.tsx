/**
 * Comment threads on one plan element, with the forms to comment, reply and (working group)
 * decide. Every form posts to the resource route /programs/:id/comments and is redirected
 * back, so it works without JavaScript. Drop <CommentLink> (comment-link.tsx) next to any element.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { commentFormSchema, commentStatusSchema, COMMENT_STATUSES, type Thread } from "~/domain/comments";
import { ErrorSummary, FieldError, fieldInfo, TextAreaField, textareaProps } from "./forms";
import { useDateFormat } from "./status-tag";
import { OpenToRole } from "~/components/can-edit";

export { CommentLink, commentsHref, ElementComments } from "./comment-link";

/** What the comments action answers on a field error (the form it belongs to and Conform's reply). */
export interface CommentActionData {
  formId: string;
  result: SubmissionResult<string[]>;
}

const statusTone = { open: "muted", accepted: "ok", rejected: "error", resolved: "ok" } as const;

export function CommentThreads({
  programId,
  elementId,
  threads,
  canComment,
  canDecide,
  redirectTo,
  actionData,
}: {
  programId: number;
  elementId: string;
  threads: Thread[];
  canComment: boolean;
  canDecide: boolean;
  redirectTo: string;
  actionData?: CommentActionData | null;
}) {
  const { t } = useTranslation(["review", "common"]);
  const date = useDateFormat();
  const last = (formId: string) => (actionData?.formId === formId ? actionData.result : undefined);
  return (
    <section className="comments" aria-labelledby={`comments-${elementId}`} id="comments">
      <h2 id={`comments-${elementId}`}>{t("comments.threadTitle")}</h2>
      {threads.length === 0 ? <p>{t("comments.none")}</p> : null}
      <ol className="comment-threads">
        {threads.map(({ root, replies }) => (
          <li key={root.id} className="comment-thread" id={`comment-${root.id}`}>
            <article>
              <header className="comment__meta">
                <strong>{root.authorName}</strong> ({root.authorRoles.map((r) => t(`common:roles.${r}`)).join(", ")}) ·{" "}
                {date(root.createdAt)} <span className={`tag tag--${statusTone[root.status]}`}>{t(`comments.status.${root.status}`)}</span>
              </header>
              <p className="comment__body">{root.body}</p>
              {root.status !== "open" ? (
                <p className="comment__decision">
                  {t("comments.decidedBy", { name: root.statusByName ?? "—" })}
                  {root.statusReason ? `: ${root.statusReason}` : ""}
                </p>
              ) : null}
            </article>
            {replies.length > 0 ? (
              <ol className="comment-replies" aria-label={t("comments.replies")}>
                {replies.map((r) => (
                  <li key={r.id} id={`comment-${r.id}`}>
                    <header className="comment__meta">
                      <strong>{r.authorName}</strong> ({r.authorRoles.map((x) => t(`common:roles.${x}`)).join(", ")}) · {date(r.createdAt)}
                    </header>
                    <p className="comment__body">{r.body}</p>
                  </li>
                ))}
              </ol>
            ) : null}
            {canComment ? (
              <details className="comment-reply" open={actionData?.formId === `reply-${root.id}`}>
                <summary>{t("comments.reply")}</summary>
                <CommentForm
                  programId={programId}
                  elementId={elementId}
                  parentId={root.id}
                  redirectTo={redirectTo}
                  lastResult={last(`reply-${root.id}`)}
                />
              </details>
            ) : null}
            {canDecide ? (
              <StatusForm
                programId={programId}
                elementId={elementId}
                commentId={root.id}
                current={root.status}
                redirectTo={redirectTo}
                lastResult={last(`status-${root.id}`)}
              />
            ) : null}
          </li>
        ))}
      </ol>
      {canComment ? (
        <>
          <h3>{t("comments.newTitle")}</h3>
          <CommentForm programId={programId} elementId={elementId} redirectTo={redirectTo} lastResult={last("comment-new")} />
        </>
      ) : null}
    </section>
  );
}

export function CommentForm({
  programId,
  elementId,
  parentId,
  redirectTo,
  lastResult,
}: {
  programId: number;
  elementId: string;
  parentId?: number;
  redirectTo: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("review");
  const [form, fields] = useForm({
    id: parentId ? `reply-${parentId}` : "comment-new",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: commentFormSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const label = parentId ? t("comments.replyLabel") : t("comments.bodyLabel");
  return (
    <OpenToRole>
      <Form
        method="post"
        action={`/programs/${programId}/comments?element=${encodeURIComponent(elementId)}`}
        {...getFormProps(form)}
        className="comment-form"
      >
        <ErrorSummary form={form} labels={{ body: label }} />
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="elementId" value={elementId} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
        <TextAreaField field={fields.body} label={label} rows={3} />
        <button type="submit" className="button">
          {parentId ? t("comments.replySubmit") : t("comments.submit")}
        </button>
      </Form>
    </OpenToRole>
  );
}

function StatusForm({
  programId,
  elementId,
  commentId,
  current,
  redirectTo,
  lastResult,
}: {
  programId: number;
  elementId: string;
  commentId: number;
  current: string;
  redirectTo: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("review");
  const [form, fields] = useForm({
    id: `status-${commentId}`,
    lastResult,
    defaultValue: { status: current },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: commentStatusSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <OpenToRole>
      <Form
        method="post"
        action={`/programs/${programId}/comments?element=${encodeURIComponent(elementId)}`}
        {...getFormProps(form)}
        className="comment-status-form"
      >
        <ErrorSummary form={form} labels={{ reason: t("comments.reason") }} />
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name="commentId" value={commentId} />
        <input type="hidden" name="elementId" value={elementId} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <fieldset>
          <legend>{t("comments.decide")}</legend>
          <div className="field">
            <label htmlFor={fields.status.id}>{t("comments.statusLabel")}</label>
            <select id={fields.status.id} name={fields.status.name} defaultValue={current}>
              {COMMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`comments.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${fields.reason.errors?.length ? " field--error" : ""}`}>
            <label htmlFor={fields.reason.id}>{t("comments.reason")}</label>
            <span className="hint" id={`${fields.reason.id}-hint`}>
              {t("comments.reasonHint")}
            </span>
            <FieldError field={fields.reason} />
            <textarea {...textareaProps(fieldInfo(fields.reason), `${fields.reason.id}-hint`)} rows={2} />
          </div>
          <button type="submit" className="button button--secondary button--small">
            {t("comments.saveStatus")}
          </button>
        </fieldset>
      </Form>
    </OpenToRole>
  );
}
