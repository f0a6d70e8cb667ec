/** T5 services: service | villages covered | population covered (%) | gaps | groups most affected | PWD access. */
import type { ServiceEntry, ServicesData } from "../passport";
import { key, names, opt, type PassportContext, type PassportTable } from "./passport-table";

export interface ServiceRowView extends Partial<ServiceEntry> {
  id: string;
  label: string;
}

export function servicesTable(data: Partial<ServicesData> | undefined, ctx: PassportContext): PassportTable<ServiceRowView> {
  return {
    id: "t5-services",
    title: "stages:passport.services.title",
    columns: [
      { id: "service", header: key("services.service"), kind: "text", accessor: (r) => r.label },
      { id: "villages", header: key("services.villages"), kind: "text", accessor: (r) => names(ctx.villages, r.villageIds) },
      { id: "coverage", header: key("services.coverage"), kind: "percent", accessor: (r) => opt(r.coveragePct) },
      { id: "gaps", header: key("services.gaps"), kind: "text", accessor: (r) => r.gaps ?? "" },
      { id: "groups", header: key("services.groups"), kind: "text", accessor: (r) => names(ctx.vulnerableGroups, r.groupsAffected) },
      { id: "pwd", header: key("services.pwd"), kind: "boolean", accessor: (r) => Boolean(r.pwdAccessible) },
    ],
    rows: ctx.serviceRows.map((row) => ({ ...(data?.rows?.[row.id] ?? {}), id: row.id, label: row.label })),
    footer: [],
  };
}
