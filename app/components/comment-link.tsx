/**
 * "Comments (n)" links to an element's thread. Kept apart from comments.tsx (the threads and their
 * forms) because every stage page shows the link, and only the comments page needs the forms.
 */
import { useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Link } from "~/components/program-link";

export function commentsHref(programId: number | string, elementId: string) {
  return `/programs/${programId}/comments?element=${encodeURIComponent(elementId)}`;
}

/** "Comments (n)": link to the element's thread. */
export function CommentLink({ programId, elementId, count = 0 }: { programId: number | string; elementId: string; count?: number }) {
  const { t } = useTranslation("review");
  return (
    <Link to={commentsHref(programId, elementId)} className="comment-link">
      {t("comments.linkCount", { n: count })}
    </Link>
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
