/**
 * Where every comment form posts (create, reply, change status). Success redirects back to the
 * page the form was on; a field error re-renders the comments page of that element with the
 * message (this route is also the layout of programs.$programId.comments._index).
 */
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Outlet, useActionData } from "@remix-run/react";
import { forbidden, programRoles } from "~/auth/authorize.server";
import { requireProgram } from "~/services/program-access.server";
import type { CommentActionData } from "~/components/comments";
import { commentFormSchema, commentStatusSchema, safeRedirect } from "~/domain/comments";
import { addComment, setCommentStatus } from "~/services/comments.server";
import { readForm } from "~/http/read-form.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const { program, user, canComment } = await requireProgram(request, params.programId);
  if (!canComment) throw forbidden();
  const formData = await readForm(request, { schema: [commentFormSchema, commentStatusSchema] });
  const intent = formData.get("intent");
  const elementId = String(formData.get("elementId") ?? "");
  const back = (id: string) =>
    safeRedirect(String(formData.get("redirectTo") ?? ""), `/programs/${program.id}/comments?element=${encodeURIComponent(elementId)}`) +
    `#comment-${id}`;
  // A failure the service reports (no such comment, a role that may not change it) ends the request
  // with its own status (app/http/expected-failure.ts).
  if (intent === "status") {
    const commentId = String(formData.get("commentId") ?? "");
    const submission = parseWithZod(formData, { schema: commentStatusSchema });
    if (submission.status !== "success")
      return json<CommentActionData>({ formId: `status-${commentId}`, result: submission.reply() }, { status: 400 });
    const v = submission.value;
    await setCommentStatus({
      programId: program.id,
      commentId: v.commentId,
      status: v.status,
      reason: v.reason,
      userId: user.id,
      roles: programRoles(user, program),
    });
    return redirect(back(String(v.commentId)));
  }
  const parentId = formData.get("parentId");
  const formId = parentId ? `reply-${parentId}` : "comment-new";
  const submission = parseWithZod(formData, { schema: commentFormSchema });
  if (submission.status !== "success") return json<CommentActionData>({ formId, result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const id = await addComment({
    programId: program.id,
    elementId: v.elementId,
    parentId: v.parentId ?? null,
    authorId: user.id,
    body: v.body,
  });
  return redirect(back(String(id)));
}

export type CommentsOutletContext = CommentActionData | undefined;

export default function CommentsLayout() {
  const actionData = useActionData<typeof action>();
  return <Outlet context={actionData satisfies CommentsOutletContext} />;
}
