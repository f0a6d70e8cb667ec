/**
 * "Comments (n)" links to an element's thread. Kept apart from comments.tsx (the threads and their
 * forms) because every stage page shows the link, and only the comments page needs the forms.
 */
import { useParams, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProgramLink } from "~/components/program-link";
import { countFor, type CommentCounts } from "~/domain/comment-counts";

export function commentsHref(programId: number | string, elementId: string) {
  return `/programs/${programId}/comments?element=${encodeURIComponent(elementId)}`;
}

/**
 * The threads on an element, from the counts the program layout loads for every program page
 * (one source, so no page can forget to pass them).
 */
export function useCommentCount(elementId: string) {
  const layout = useRouteLoaderData<{ comments?: CommentCounts }>("routes/programs.$programId");
  return countFor(layout?.comments, elementId);
}

/** "Comments (n)": link to the element's thread, saying how many are still open. */
export function CommentLink({ programId, elementId }: { programId: number | string; elementId: string }) {
  const { t } = useTranslation("review");
  const { n, open } = useCommentCount(elementId);
  return (
    <ProgramLink to={commentsHref(programId, elementId)} className="comment-link">
      {open > 0 ? t("comments.linkCountOpen", { n, count: open }) : t("comments.linkCount", { n })}
    </ProgramLink>
  );
}

/**
 * "Comments (n)" for the element a page edits: the action, node or indicator id in the URL
 * (nothing on a "new" page, where the element does not exist yet).
 */
export function ElementComments() {
  const params = useParams();
  const elementId = params.actionId ?? params.nodeId ?? params.indicatorId;
  if (!params.programId || !elementId || elementId === "new") return null;
  return (
    <p className="stage-comments">
      <CommentLink programId={params.programId} elementId={elementId} />
    </p>
  );
}
