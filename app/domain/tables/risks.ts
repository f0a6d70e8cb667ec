/**
 * T15 "Risks" and the joint M&E group members as table definitions for the exports (and the
 * review page once it lists them). Pure: level and group labels come through the context.
 */
import type { MonitoringData, RisksData } from "../monitoring";
import type { TableDefinition } from "./problems";

export type RiskRow = RisksData["rows"][number];
export type MonitoringMember = MonitoringData["members"][number];

export interface RiskLabels {
  t: (key: string) => string;
  group: (id: string) => string;
}

export const risksTable: TableDefinition<RiskRow, RiskLabels> = {
  id: "t15-risks",
  title: "export:doc.tables.t15",
  columns: [
    { id: "risk", header: "export:doc.col.risk", kind: "text", accessor: (r) => r.risk },
    {
      id: "probability",
      header: "export:doc.col.probability",
      kind: "text",
      accessor: (r, ctx) => ctx.t(`export:doc.levels.${r.probability}`),
    },
    { id: "impact", header: "export:doc.col.impact", kind: "text", accessor: (r, ctx) => ctx.t(`export:doc.levels.${r.impact}`) },
    { id: "mitigation", header: "export:doc.col.mitigation", kind: "text", accessor: (r) => r.mitigation },
    { id: "owner", header: "export:doc.col.owner", kind: "text", accessor: (r) => r.owner },
  ],
};

export const monitoringGroupTable: TableDefinition<MonitoringMember, RiskLabels> = {
  id: "monitoring-group",
  title: "export:doc.tables.monitoringGroup",
  columns: [
    { id: "name", header: "export:doc.col.name", kind: "text", accessor: (m) => m.name },
    { id: "sex", header: "export:doc.col.sex", kind: "text", accessor: (m, ctx) => ctx.t(`export:doc.sex.${m.sex}`) },
    { id: "organisation", header: "export:doc.col.organisation", kind: "text", accessor: (m) => m.organisation ?? "" },
    { id: "group", header: "export:doc.col.groups", kind: "text", accessor: (m, ctx) => (m.group ? ctx.group(m.group) : "") },
  ],
};
