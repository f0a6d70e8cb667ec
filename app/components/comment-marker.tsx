/**
 * Open-comment markers on table rows. Apart from comment-link.tsx (the "Comments (n)" link every
 * stage page shows) so that only pages with tables of commentable rows load it.
 */
import { useParams, useRouteLoaderData } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { commentsHref } from "~/components/comment-link";
import { ProgramLink } from "~/components/program-link";
import { openByAnchor, type CommentCounts } from "~/domain/comment-counts";

/** The marker itself: how many threads are open, linking to them. */
function MarkerLink({ programId, anchor, open, label }: { programId: string; anchor: string; open: number; label: string }) {
  return (
    <ProgramLink to={commentsHref(programId, anchor)} className="tag tag--warn comment-marker" title={label}>
      <span aria-hidden="true">💬 {open}</span>
      <span className="visually-hidden">{label}</span>
    </ProgramLink>
  );
}

/**
 * Row markers for a whole table or list: `marker(anchor)` is the marker of an element
 * ("<id>", its rows' threads included) or of a row inside one ("<id>#<rowId>", see rowAnchor),
 * shown only when it has open threads, nothing otherwise, so a table stays quiet until someone
 * asks a question. One hook per table (not per row): the counts come from the program layout,
 * the same source as every "Comments (n)" link, so a marker and a link never disagree.
 */
export function useCommentMarkers(): (anchor: string) => ReactNode {
  const { t } = useTranslation("review");
  const { programId } = useParams();
  const layout = useRouteLoaderData<{ comments?: CommentCounts }>("routes/programs.$programId");
  const counts = layout?.comments;
  return useMemo(() => {
    const openOf = openByAnchor(counts);
    return (anchor: string) => {
      const open = openOf(anchor);
      if (open === 0 || !programId) return null;
      return <MarkerLink programId={programId} anchor={anchor} open={open} label={t("comments.openCount", { count: open })} />;
    };
  }, [counts, programId, t]);
}
