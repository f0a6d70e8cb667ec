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

/** The anchor of a row inside an element (a problem, a meeting, a gender gap): "<elementId>#<rowId>". */
export function rowAnchor(elementId: string, rowId: string): string {
  return `${elementId}#${rowId}`;
}

/**
 * Open threads per anchor, for a whole table at once: an element's count includes its rows'
 * (as countFor), a row's is its own. Built once per page, then each row is a map lookup.
 */
export function openByAnchor(counts: CommentCounts | undefined): (anchor: string) => number {
  const open = new Map<string, number>();
  for (const [anchor, c] of Object.entries(counts ?? {})) {
    if (!c.open) continue;
    open.set(anchor, (open.get(anchor) ?? 0) + c.open);
    const hash = anchor.indexOf("#");
    if (hash > 0) open.set(anchor.slice(0, hash), (open.get(anchor.slice(0, hash)) ?? 0) + c.open);
  }
  return (anchor) => open.get(anchor) ?? 0;
}
