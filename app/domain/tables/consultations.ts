/**
 * Annex table "Consultations" (date, village, format, participants by sex, of whom PWD / youth,
 * key priorities), shared by the web page and the exporters. Pure.
 */
import { meetingsByDate, type Meeting } from "../consultations";
import type { LabelContext, TableDefinition } from "./problems";

export interface ConsultationLabels extends LabelContext {
  format: (id: string) => string;
  /** Text for a meeting held for all villages. */
  allVillages: string;
  /** The meeting's day in the reader's language (formatDate in ~/domain/format). */
  date: (iso: string) => string;
}

export const consultationsTable: TableDefinition<Meeting, ConsultationLabels> = {
  id: "annex-consultations",
  title: "analysis:consultations.tableTitle",
  columns: [
    { id: "date", header: "analysis:consultations.date", kind: "text", accessor: (m, ctx) => ctx.date(m.date) },
    {
      id: "village",
      header: "analysis:consultations.village",
      kind: "text",
      accessor: (m, ctx) => (m.villageId ? ctx.village(m.villageId) : ctx.allVillages),
    },
    { id: "format", header: "analysis:consultations.format", kind: "text", accessor: (m, ctx) => ctx.format(m.format) },
    { id: "men", header: "analysis:consultations.men", kind: "number", accessor: (m) => m.men },
    { id: "women", header: "analysis:consultations.women", kind: "number", accessor: (m) => m.women },
    { id: "total", header: "analysis:consultations.total", kind: "number", accessor: (m) => m.men + m.women },
    { id: "pwd", header: "analysis:consultations.pwdColumn", kind: "number", accessor: (m) => m.pwd },
    { id: "youth", header: "analysis:consultations.youthColumn", kind: "number", accessor: (m) => m.youth },
    {
      id: "priorities",
      header: "analysis:consultations.priorities",
      kind: "text",
      accessor: (m) => (m.priorities ?? []).map((p) => p.text).join("; "),
    },
  ],
};

/** Rows of the annex table: meetings in date order. */
export function consultationTableRows(meetings: readonly Meeting[]): Meeting[] {
  return meetingsByDate(meetings);
}
