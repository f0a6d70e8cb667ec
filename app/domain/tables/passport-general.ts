/** T1 general characteristics: field | value | unit | source | year. */
import type { GeneralData } from "../passport";
import { key, type PassportContext, type PassportTable } from "./passport-table";

export interface GeneralRow {
  id: string;
  label: string;
  value: string | number | null;
  unit: string;
  source: string;
  year: number | null;
}

export function generalTable(data: Partial<GeneralData> | undefined, ctx: PassportContext): PassportTable<GeneralRow> {
  return {
    id: "t1-general",
    title: "stages:passport.general.title",
    columns: [
      { id: "field", header: key("general.field"), kind: "text", accessor: (r) => r.label },
      { id: "value", header: key("general.value"), kind: "text", accessor: (r) => r.value },
      { id: "unit", header: key("general.unit"), kind: "text", accessor: (r) => r.unit },
      { id: "source", header: key("source"), kind: "text", accessor: (r) => r.source },
      { id: "year", header: key("year"), kind: "text", accessor: (r) => r.year },
    ],
    rows: ctx.generalFields.map((f) => {
      const e = data?.fields?.[f.id];
      return { id: f.id, label: f.label, value: e?.value ?? null, unit: f.unit ?? "", source: e?.source ?? "", year: e?.year ?? null };
    }),
    footer: [],
  };
}
