/**
 * "Comments and how they were addressed" as a table definition: the comments page and the DOCX
 * annex render the same columns. Rows come from commentTableRows() over the program's threads
 * (services/comments.server.ts listThreads) and the ProgramData of the version being exported.
 */
import { describeAnchor, type AnchorInfo, type Thread } from "../comments";
import type { ProgramData } from "../program-data";
import { numbering } from "../strategy-tree";

export interface CommentTableRow {
  id: number;
  elementId: string;
  anchor: AnchorInfo;
  author: string;
  body: string;
  status: Thread["root"]["status"];
  reason: string | null;
  decidedBy: string | null;
  replies: string[];
}

export interface CommentLabelContext {
  /** Translates a namespaced key ("review:comments.status.open", "program:kinds.action"). */
  t: (key: string, values?: Record<string, unknown>) => string;
  /** Localized stage title from the methodology. */
  stageTitle: (stageId: string) => string;
}

export interface CommentColumn {
  id: string;
  header: string;
  kind: "text";
  accessor: (row: CommentTableRow, ctx: CommentLabelContext) => string;
}

export function anchorText(a: AnchorInfo, ctx: CommentLabelContext): string {
  if (a.removed) return ctx.t("review:comments.elementRemoved");
  if (a.kind === "stage") return ctx.t("review:comments.stage", { title: ctx.stageTitle(a.stageId ?? "") });
  return `${ctx.t(`program:kinds.${a.kind}`)}${a.number ? ` ${a.number}` : ""}${a.title ? `: ${a.title}` : ""}`;
}

export const commentsTable: { id: string; title: string; columns: CommentColumn[] } = {
  id: "comments",
  title: "review:comments.title",
  columns: [
    { id: "element", header: "review:comments.element", kind: "text", accessor: (r, ctx) => anchorText(r.anchor, ctx) },
    { id: "comment", header: "review:comments.comment", kind: "text", accessor: (r) => r.body },
    { id: "author", header: "review:comments.author", kind: "text", accessor: (r) => r.author },
    {
      id: "status",
      header: "review:comments.statusLabel",
      kind: "text",
      accessor: (r, ctx) => ctx.t(`review:comments.status.${r.status}`),
    },
    {
      id: "howAddressed",
      header: "review:comments.howAddressed",
      kind: "text",
      accessor: (r) => (r.status === "open" ? "—" : [r.decidedBy, r.reason].filter(Boolean).join(": ")),
    },
  ],
};

/** One row per thread, anchored against the given program data (live or a version's). */
export function commentTableRows(threads: readonly Thread[], data: ProgramData, stageIds: readonly string[]): CommentTableRow[] {
  const numbers = numbering(data);
  return threads.map(({ root, replies }) => ({
    id: root.id,
    elementId: root.elementId,
    anchor: describeAnchor(root.elementId, data, stageIds, numbers),
    author: root.authorName,
    body: root.body,
    status: root.status,
    reason: root.statusReason,
    decidedBy: root.statusByName,
    replies: replies.map((r) => `${r.authorName}: ${r.body}`),
  }));
}
