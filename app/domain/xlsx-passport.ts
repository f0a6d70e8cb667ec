/**
 * Passport tables T1–T6 in the workbook: which definitions make the sheets, and how an uploaded
 * sheet becomes the table's data again (cells checked one by one, rows matched by the hidden id).
 * Columns that are computed (totals) or fixed by the template (row labels, units) are not read.
 */
import { newId } from "./ids";
import type { BudgetData } from "./passport-budget";
import {
  budgetYears,
  PASSPORT_KINDS,
  type EconomyData,
  type GeneralData,
  type PopulationData,
  type ServicesData,
  type VulnerableData,
  type PassportTableId,
} from "./passport";
import { one, type ProgramData } from "./program-data";
import { budgetTable } from "./tables/passport-budget";
import { economyTable } from "./tables/passport-economy";
import { generalTable } from "./tables/passport-general";
import { populationTable } from "./tables/passport-population";
import { servicesTable } from "./tables/passport-services";
import type { PassportContext, PassportTable } from "./tables/passport-table";
import { vulnerableTable } from "./tables/passport-vulnerable";
import {
  amountCell,
  CellReader,
  choiceCell,
  countCell,
  dataRows,
  listCell,
  numberCell,
  sameData,
  textCell,
  yearCell,
  type RowChange,
  type SheetPayload,
  type SheetRow,
  type XlsxIssue,
} from "./xlsx-import";

type AnyTable = PassportTable<{ id: string }>;
/** Accessors take their own row type; the workbook only passes each table its own rows. */
const any = <R extends { id: string }>(t: PassportTable<R>) => t as unknown as AnyTable;

export function passportTables(data: ProgramData, pc: PassportContext): { key: string; id: PassportTableId; table: AnyTable }[] {
  const d = <T>(id: PassportTableId) => one<T>(data, PASSPORT_KINDS[id])?.data;
  return [
    { key: "t1", id: "general", table: any(generalTable(d<GeneralData>("general"), pc)) },
    { key: "t2", id: "population", table: any(populationTable(d<PopulationData>("population"), pc)) },
    { key: "t3", id: "vulnerable", table: any(vulnerableTable(d<VulnerableData>("vulnerable"), pc)) },
    { key: "t4", id: "economy", table: any(economyTable(d<EconomyData>("economy"), pc)) },
    { key: "t5", id: "services", table: any(servicesTable(d<ServicesData>("services"), pc)) },
    { key: "t6", id: "budget", table: any(budgetTable(d<BudgetData>("budget"), pc, budgetYears(data.program))) },
  ];
}

/** Definition id of each passport table (the "#…" mark of its sheet). */
export const PASSPORT_TABLE_IDS: Record<string, PassportTableId> = {
  "t1-general": "general",
  "t2-population": "population",
  "t3-vulnerable": "vulnerable",
  "t4-economy": "economy",
  "t5-services": "services",
  "t6-budget": "budget",
};

export interface PassportImport {
  issues: XlsxIssue[];
  changes: RowChange[];
  /** The table's new data when something changed. */
  write: { kind: string; data: unknown; expectedVersion: number } | null;
}

export interface PassportLabels {
  yes: string;
  no: string;
}

type Rows = Record<string, unknown>;
const clean = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const byLabel = (list: { id: string; label: string }[]) => Object.fromEntries(list.map((x) => [x.id, x.label]));

/** Keyed tables (template rows): each sheet row updates its row's entry; unknown rows are refused. */
function keyedRows(
  sheet: SheetPayload,
  r: CellReader,
  known: { id: string; label: string }[],
  read: (row: SheetRow, id: string) => Rows | null,
  old: Record<string, unknown>,
) {
  const next: Record<string, unknown> = { ...old };
  const changes: RowChange[] = [];
  for (const row of dataRows(sheet)) {
    const rowDef = row.id ? known.find((k) => k.id === row.id) : undefined;
    if (!rowDef) {
      r.issue(row.row, null, "files:xlsx.errors.fixedRows");
      continue;
    }
    const value = read(row, rowDef.id);
    if (!value) continue;
    if (!sameData(old[rowDef.id] ?? {}, value))
      changes.push({ sheet: sheet.name, change: "changed", label: rowDef.label, columns: changedKeys(old[rowDef.id], value, sheet) });
    next[rowDef.id] = value;
  }
  return { next, changes };
}

/** Header texts of the columns whose value differs (column ids equal data keys where they can). */
function changedKeys(a: unknown, b: Rows, sheet: SheetPayload, alias: Record<string, string> = {}): string[] {
  const av = (a ?? {}) as Rows;
  const keys = new Set([...Object.keys(av), ...Object.keys(b)]);
  return [...keys].filter((k) => !sameData(av[k], b[k])).map((k) => sheet.headers[alias[k] ?? k] ?? k);
}

/** List tables (villages, vulnerable groups): matched by id, new rows get ids, missing rows are removed. */
function listRows<T extends { id: string }>(
  sheet: SheetPayload,
  r: CellReader,
  old: T[],
  read: (row: SheetRow, base: T | undefined) => T | null,
  label: (x: T) => string,
) {
  const byId = new Map(old.map((x) => [x.id, x]));
  const seen = new Set<string>();
  const next: T[] = [];
  const changes: RowChange[] = [];
  for (const row of dataRows(sheet)) {
    const base = row.id && !seen.has(row.id) ? byId.get(row.id) : undefined;
    const value = read(row, base);
    if (!value) continue;
    if (base) {
      seen.add(base.id);
      if (!sameData(base, value))
        changes.push({
          sheet: sheet.name,
          change: "changed",
          label: label(value),
          columns: changedKeys(base, value as unknown as Rows, sheet),
        });
    } else changes.push({ sheet: sheet.name, change: "added", label: label(value) });
    next.push(value);
  }
  for (const x of old) if (!seen.has(x.id)) changes.push({ sheet: sheet.name, change: "removed", label: label(x) });
  return { next, changes };
}

export function importPassportSheet(sheet: SheetPayload, data: ProgramData, pc: PassportContext, labels: PassportLabels): PassportImport {
  const id = PASSPORT_TABLE_IDS[sheet.table];
  const kind = PASSPORT_KINDS[id];
  const el = one<Record<string, unknown>>(data, kind);
  const r = new CellReader(sheet);
  const old = (el?.data ?? {}) as Record<string, unknown>;
  let next: Record<string, unknown> = old;
  let changes: RowChange[] = [];
  const read = r.read.bind(r);
  switch (id) {
    case "general": {
      const res = keyedRows(
        sheet,
        r,
        pc.generalFields,
        (row, fieldId) => {
          const f = pc.generalFields.find((x) => x.id === fieldId)!;
          const n = r.issues.length;
          const value = read<string | number | undefined>(row, "value", (v) =>
            f.kind === "number" ? numberCell(v, { max: 1e9 }) : textCell(v, { max: 500 }),
          );
          const out = clean({
            value,
            source: read(row, "source", (v) => textCell(v, { max: 300 })),
            year: read(row, "year", (v) => yearCell(v)),
          });
          return r.issues.length > n ? null : out;
        },
        (old.fields ?? {}) as Rows,
      );
      next = { ...old, fields: res.next };
      changes = res.changes;
      break;
    }
    case "economy": {
      const res = keyedRows(
        sheet,
        r,
        pc.economyRows,
        (row, rowId) => {
          const def = pc.economyRows.find((x) => x.id === rowId)!;
          const prev = ((old.rows ?? {}) as Record<string, Rows>)[rowId] ?? {};
          const n = r.issues.length;
          const bySex = def.bySex
            ? {
                men: read(row, "men", (v) => countCell(v)),
                women: read(row, "women", (v) => countCell(v)),
                youth: read(row, "youth", (v) => countCell(v)),
              }
            : { men: prev.men, women: prev.women, youth: prev.youth };
          const out = clean({
            total: read(row, "total", (v) => countCell(v)),
            ...bySex,
            year: read(row, "year", (v) => yearCell(v)),
            source: read(row, "source", (v) => textCell(v, { max: 300 })),
          });
          return r.issues.length > n ? null : out;
        },
        (old.rows ?? {}) as Rows,
      );
      next = { ...old, rows: res.next };
      changes = res.changes;
      break;
    }
    case "budget": {
      const years = budgetYears(data.program).all;
      const res = keyedRows(
        sheet,
        r,
        pc.budgetRows,
        (row) => {
          const n = r.issues.length;
          const out = clean(Object.fromEntries(years.map((y) => [String(y), read(row, String(y), (v) => amountCell(v))])));
          return r.issues.length > n ? null : out;
        },
        (old.rows ?? {}) as Rows,
      );
      next = { ...old, rows: res.next };
      changes = res.changes;
      break;
    }
    case "services": {
      const villages = byLabel(pc.villages);
      const groups = byLabel(pc.vulnerableGroups);
      const res = keyedRows(
        sheet,
        r,
        pc.serviceRows,
        (row) => {
          const n = r.issues.length;
          const out = {
            villageIds: read(row, "villages", (v) => listCell(v, villages)) ?? [],
            ...clean({
              coveragePct: read(row, "coverage", (v) => numberCell(v, { max: 100 })),
              gaps: read(row, "gaps", (v) => textCell(v, { max: 1000 })),
            }),
            groupsAffected: read(row, "groups", (v) => listCell(v, groups)) ?? [],
            pwdAccessible: read(row, "pwd", (v) => choiceCell(v, { yes: labels.yes, no: labels.no })) === "yes",
          };
          return r.issues.length > n ? null : out;
        },
        (old.rows ?? {}) as Rows,
      );
      next = { ...old, rows: res.next };
      changes = res.changes;
      break;
    }
    case "population": {
      type Village = PopulationData["villages"][number];
      const res = listRows<Village>(
        sheet,
        r,
        ((old.villages ?? []) as Village[]).filter(Boolean),
        (row, base) => {
          const n = r.issues.length;
          const name = read(row, "village", (v) => textCell(v, { max: 100, required: true }));
          const byAge = Object.fromEntries(
            pc.ageBands.map((b) => [
              b.id,
              clean({ m: read(row, `${b.id}.m`, (v) => countCell(v)), f: read(row, `${b.id}.f`, (v) => countCell(v)) }),
            ]),
          );
          const counts = clean({
            households: read(row, "households", (v) => countCell(v)),
            femaleHeaded: read(row, "femaleHeaded", (v) => countCell(v)),
          });
          if (r.issues.length > n) return null;
          return clean({ id: base?.id ?? newId(), name: name!, byAge, ...counts, totalEntered: base?.totalEntered });
        },
        (v) => v.name,
      );
      next = { ...old, villages: res.next };
      changes = res.changes;
      break;
    }
    case "vulnerable": {
      type Row = VulnerableData["rows"][number];
      const res = listRows<Row>(
        sheet,
        r,
        ((old.rows ?? []) as Row[]).filter(Boolean),
        (row, base) => {
          const n = r.issues.length;
          const group = read(row, "group", (v) => groupWithNote(v, pc.vulnerableGroups));
          const out = clean({
            id: base?.id ?? newId(),
            groupId: group?.groupId ?? "",
            note: group?.note,
            total: read(row, "total", (v) => countCell(v)),
            male: read(row, "male", (v) => countCell(v)),
            female: read(row, "female", (v) => countCell(v)),
            children: read(row, "children", (v) => countCell(v)),
            source: read(row, "source", (v) => textCell(v, { max: 300 })),
            year: read(row, "year", (v) => yearCell(v)),
          });
          return r.issues.length > n ? null : out;
        },
        (v) => pc.vulnerableGroups.find((g) => g.id === v.groupId)?.label ?? v.groupId,
      );
      next = { ...old, rows: res.next };
      changes = res.changes;
      break;
    }
  }
  const write = r.issues.length === 0 && changes.length > 0 ? { kind, data: next, expectedVersion: el?.version ?? 0 } : null;
  return { issues: r.issues, changes: r.issues.length ? [] : changes, write };
}

/** T3 shows "Group (note)": the group label, then an optional note in brackets. */
function groupWithNote(raw: string | number | boolean | null, groups: { id: string; label: string }[]) {
  const s = String(raw ?? "").trim();
  if (!s) return { ok: false as const, key: "files:xlsx.errors.required" };
  const match = [...groups]
    .sort((a, b) => b.label.length - a.label.length)
    .find((g) => s.toLowerCase().startsWith(g.label.toLowerCase()) || s.toLowerCase().startsWith(g.id.toLowerCase()));
  if (!match)
    return {
      ok: false as const,
      key: "files:xlsx.errors.unknownValue",
      values: { value: s, allowed: groups.map((g) => g.label).join(", ") },
    };
  const rest = s.slice(s.toLowerCase().startsWith(match.label.toLowerCase()) ? match.label.length : match.id.length).trim();
  const note = rest.replace(/^\((.*)\)$/s, "$1").trim();
  if (note.length > 200) return { ok: false as const, key: "files:xlsx.errors.tooLong", values: { max: 200 } };
  return { ok: true as const, value: { groupId: match.id, note: note || undefined } };
}
