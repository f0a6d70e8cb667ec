/**
 * T9 "Inclusive lens results" (one row per answered question) and the per-block summary, as table
 * definitions for the exports. The lens pages show the same facts as forms and a summary table.
 * Pure: question texts and answer labels are resolved by the caller in the document language.
 */
import type { LensSummaryRow } from "../lens";
import type { TableDefinition } from "./problems";

export interface LensResultRow {
  number: number;
  question: string;
  answer: string;
  evidence: string;
  /** Linked problems and actions (titles or numbers), or the justification of a gap without them. */
  links: string;
}

type Ctx = { t: (key: string) => string };

export const lensResultsTable: TableDefinition<LensResultRow, Ctx> = {
  id: "t9-lens",
  title: "export:doc.tables.t9",
  columns: [
    { id: "number", header: "export:doc.col.number", kind: "text", accessor: (r) => String(r.number) },
    { id: "question", header: "export:doc.col.question", kind: "text", accessor: (r) => r.question },
    { id: "answer", header: "export:doc.col.answer", kind: "text", accessor: (r) => r.answer },
    { id: "evidence", header: "export:doc.col.evidence", kind: "text", accessor: (r) => r.evidence },
    { id: "links", header: "export:doc.col.links", kind: "text", accessor: (r) => r.links },
  ],
};

export type LensSummaryTableRow = LensSummaryRow & { title: string };

export const lensSummaryTable: TableDefinition<LensSummaryTableRow, Ctx> = {
  id: "lens-summary",
  title: "export:doc.tables.lensSummary",
  columns: [
    { id: "block", header: "export:doc.col.block", kind: "text", accessor: (r) => r.title },
    { id: "questions", header: "export:doc.col.questions", kind: "number", accessor: (r) => r.questions },
    { id: "answered", header: "export:doc.col.answered", kind: "number", accessor: (r) => r.answered },
    { id: "gaps", header: "export:doc.col.gapsCount", kind: "number", accessor: (r) => r.gaps },
    { id: "linked", header: "export:doc.col.linked", kind: "number", accessor: (r) => r.linked },
    { id: "justified", header: "export:doc.col.justified", kind: "number", accessor: (r) => r.justified },
    { id: "open", header: "export:doc.col.open", kind: "number", accessor: (r) => r.open },
  ],
};
