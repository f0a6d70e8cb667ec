/** Comment counts per anchor. Apart from comments.ts (which needs zod) because every program page loads it in the browser. */
/** Threads per anchor: all of them and those still open. */
export type CommentCounts = Record<string, { n: number; open: number }>;

/**
 * The threads on an element: on its own anchor and on its rows ("<id>#<rowId>"), so an action's
 * link counts the comments on its budget lines too.
 */
export function countFor(counts: CommentCounts | undefined, elementId: string): { n: number; open: number } {
  const out = { n: 0, open: 0 };
  if (!counts) return out;
  for (const [anchor, c] of Object.entries(counts)) {
    if (anchor !== elementId && !anchor.startsWith(`${elementId}#`)) continue;
    out.n += c.n;
    out.open += c.open;
  }
  return out;
}
