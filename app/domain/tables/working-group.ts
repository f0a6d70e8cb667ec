/**
 * Annex "Working group members" as a table definition (the web page edits members as a row list,
 * the DOCX/XLSX exports show this table). Pure: labels come through the context.
 */
import type { Member } from "../working-group";
import type { TableDefinition } from "./problems";

export interface WorkingGroupLabels {
  t: (key: string) => string;
  role: (id: string | undefined) => string;
  group: (id: string) => string;
}

export const workingGroupTable: TableDefinition<Member, WorkingGroupLabels> = {
  id: "annex-working-group",
  title: "export:doc.tables.workingGroup",
  columns: [
    { id: "fullName", header: "export:doc.col.fullName", kind: "text", accessor: (m) => m.fullName },
    { id: "position", header: "export:doc.col.position", kind: "text", accessor: (m) => m.position ?? "" },
    { id: "organisation", header: "export:doc.col.organisation", kind: "text", accessor: (m) => m.organisation ?? "" },
    { id: "sex", header: "export:doc.col.sex", kind: "text", accessor: (m, ctx) => ctx.t(`export:doc.sex.${m.sex}`) },
    { id: "role", header: "export:doc.col.role", kind: "text", accessor: (m, ctx) => (m.roleId ? ctx.role(m.roleId) : "") },
    { id: "groups", header: "export:doc.col.groups", kind: "text", accessor: (m, ctx) => (m.groups ?? []).map(ctx.group).join(", ") },
  ],
};
