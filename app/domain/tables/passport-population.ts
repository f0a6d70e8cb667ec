/** T2 population by village, sex and age; every total is computed. */
import { populationTotals, type PopulationData, type SexTotals } from "../passport-population";
import { key, type PassportColumn, type PassportContext, type PassportTable } from "./passport-table";

export interface PopulationRow extends SexTotals {
  id: string;
  name: string;
  byBand: Record<string, SexTotals>;
  households: number | null;
  femaleHeaded: number | null;
}

export function populationTable(data: Partial<PopulationData> | undefined, ctx: PassportContext): PassportTable<PopulationRow> {
  const t = populationTotals(
    data,
    ctx.ageBands.map((b) => b.id),
  );
  const bands: PassportColumn<PopulationRow>[] = ctx.ageBands.flatMap((b) => [
    {
      id: `${b.id}.m`,
      header: key("population.bandMen", { band: b.label }),
      kind: "number" as const,
      accessor: (r: PopulationRow) => r.byBand[b.id]?.m ?? 0,
    },
    {
      id: `${b.id}.f`,
      header: key("population.bandWomen", { band: b.label }),
      kind: "number" as const,
      accessor: (r: PopulationRow) => r.byBand[b.id]?.f ?? 0,
    },
  ]);
  return {
    id: "t2-population",
    title: "stages:passport.population.title",
    columns: [
      { id: "village", header: key("population.village"), kind: "text", accessor: (r) => r.name },
      { id: "total", header: key("population.total"), kind: "number", accessor: (r) => r.total },
      { id: "m", header: key("population.men"), kind: "number", accessor: (r) => r.m },
      { id: "f", header: key("population.women"), kind: "number", accessor: (r) => r.f },
      ...bands,
      { id: "households", header: key("population.households"), kind: "number", accessor: (r) => r.households },
      { id: "femaleHeaded", header: key("population.femaleHeaded"), kind: "number", accessor: (r) => r.femaleHeaded },
    ],
    rows: t.villages.map((v) => ({ ...v })),
    footer: t.villages.length
      ? [
          {
            id: "total",
            name: "",
            byBand: t.byBand,
            m: t.m,
            f: t.f,
            total: t.total,
            households: t.households,
            femaleHeaded: t.femaleHeaded,
          },
        ]
      : [],
    footerLabels: [key("population.grandTotal")],
  };
}
