/** T3 vulnerable groups: group | total | men/boys | women/girls | of whom children | source | year. */
import type { VulnerableData, VulnerableRow } from "../passport";
import { key, nameOf, opt, type PassportContext, type PassportTable } from "./passport-table";

export function vulnerableTable(data: Partial<VulnerableData> | undefined, ctx: PassportContext): PassportTable<VulnerableRow> {
  return {
    id: "t3-vulnerable",
    title: "stages:passport.vulnerable.title",
    columns: [
      {
        id: "group",
        header: key("vulnerable.group"),
        kind: "text",
        accessor: (r) => nameOf(ctx.vulnerableGroups, r.groupId) + (r.note ? ` (${r.note})` : ""),
      },
      { id: "total", header: key("vulnerable.total"), kind: "number", accessor: (r) => opt(r.total) },
      { id: "male", header: key("vulnerable.male"), kind: "number", accessor: (r) => opt(r.male) },
      { id: "female", header: key("vulnerable.female"), kind: "number", accessor: (r) => opt(r.female) },
      { id: "children", header: key("vulnerable.children"), kind: "number", accessor: (r) => opt(r.children) },
      { id: "source", header: key("source"), kind: "text", accessor: (r) => r.source ?? "" },
      { id: "year", header: key("year"), kind: "text", accessor: (r) => r.year ?? null },
    ],
    rows: (data?.rows ?? []).filter(Boolean),
    footer: [],
  };
}
