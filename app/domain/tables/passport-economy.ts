/** T4 economy and employment: indicator | unit | total | men | women | youth | year | source. */
import type { EconomyData, EconomyEntry } from "../passport";
import { key, opt, type PassportContext, type PassportTable } from "./passport-table";

export interface EconomyRowView extends EconomyEntry {
  id: string;
  label: string;
  unit: string;
  bySex: boolean;
}

export function economyTable(data: Partial<EconomyData> | undefined, ctx: PassportContext): PassportTable<EconomyRowView> {
  return {
    id: "t4-economy",
    title: "stages:passport.economy.title",
    columns: [
      { id: "indicator", header: key("economy.indicator"), kind: "text", accessor: (r) => r.label },
      { id: "unit", header: key("general.unit"), kind: "text", accessor: (r) => r.unit },
      { id: "total", header: key("economy.total"), kind: "number", accessor: (r) => opt(r.total) },
      { id: "men", header: key("economy.men"), kind: "number", accessor: (r) => (r.bySex ? opt(r.men) : null) },
      { id: "women", header: key("economy.women"), kind: "number", accessor: (r) => (r.bySex ? opt(r.women) : null) },
      { id: "youth", header: key("economy.youth"), kind: "number", accessor: (r) => (r.bySex ? opt(r.youth) : null) },
      { id: "year", header: key("year"), kind: "text", accessor: (r) => r.year ?? null },
      { id: "source", header: key("source"), kind: "text", accessor: (r) => r.source ?? "" },
    ],
    rows: ctx.economyRows.map((row) => ({
      ...(data?.rows?.[row.id] ?? {}),
      id: row.id,
      label: row.label,
      unit: row.unit,
      bySex: row.bySex,
    })),
    footer: [],
  };
}
