/**
 * A program as pure data: the program's own fields plus its elements grouped by kind.
 * Domain functions (completeness, sums, checks, export) take this and nothing else.
 */
export interface ProgramMeta {
  id: number;
  title: string;
  startYear: number;
  endYear: number;
  language: "ru" | "ky";
  status: string;
  methodologyVersion: string;
  municipality: { id: number; nameRu: string; nameKy: string; kind: string; raion: string; oblast: string };
}

export interface ElementView<T = unknown> {
  id: string;
  kind: string;
  parentId: string | null;
  position: number;
  version: number;
  data: T;
}

export interface ProgramData {
  program: ProgramMeta;
  byKind: Record<string, ElementView[]>;
}

export function buildProgramData(
  program: ProgramMeta,
  rows: { id: string; kind: string; parent_id: string | null; position: number; version: number; data: string }[],
): ProgramData {
  const byKind: Record<string, ElementView[]> = {};
  for (const r of rows) {
    (byKind[r.kind] ??= []).push({
      id: r.id,
      kind: r.kind,
      parentId: r.parent_id,
      position: r.position,
      version: r.version,
      data: JSON.parse(r.data),
    });
  }
  // Plain comparison, not localeCompare: ids are ASCII and this runs on every page load.
  for (const list of Object.values(byKind)) list.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { program, byKind };
}

const derivedValues = new WeakMap<ProgramData, Map<string, unknown>>();

/**
 * A value computed from the program data once per ProgramData object (the strategy tree and its
 * numbers, indicator groups…): a page, a check run or an export asks for them many times, and a
 * large program has hundreds of elements. ProgramData is never changed after it is built (a
 * change builds a new one), so the value cannot go stale; callers treat it as read-only.
 */
export function derived<T>(data: ProgramData, key: string, compute: () => T): T {
  let values = derivedValues.get(data);
  if (!values) derivedValues.set(data, (values = new Map()));
  if (!values.has(key)) values.set(key, compute());
  return values.get(key) as T;
}

/** Elements by their parent's id (top-level ones under null), each list in the given order. */
export function byParent<T extends { parentId: string | null }>(items: readonly T[]): Map<string | null, T[]> {
  const out = new Map<string | null, T[]>();
  for (const item of items) {
    const list = out.get(item.parentId);
    if (list) list.push(item);
    else out.set(item.parentId, [item]);
  }
  return out;
}

/** The single element of a kind (stage blocks such as "startup"), if saved yet. */
export function one<T>(data: ProgramData, kind: string): ElementView<T> | undefined {
  return data.byKind[kind]?.[0] as ElementView<T> | undefined;
}

/** All elements of a kind in their order. */
export function many<T>(data: ProgramData, kind: string): ElementView<T>[] {
  return (data.byKind[kind] ?? []) as ElementView<T>[];
}

export function programYears(program: Pick<ProgramMeta, "startYear" | "endYear">): number[] {
  const years: number[] = [];
  for (let y = program.startYear; y <= program.endYear; y++) years.push(y);
  return years;
}

/** Years of actuals shown before the program in T6 and the baseline forecast. */
export const ACTUAL_YEARS = 3;
/** Three years of actuals before the program, then the program years (the forecast years). */
export function actualAndProgramYears(program: Pick<ProgramMeta, "startYear" | "endYear">) {
  const actual = Array.from({ length: ACTUAL_YEARS }, (_, i) => program.startYear - ACTUAL_YEARS + i);
  const forecast = programYears(program);
  return { actual, forecast, all: [...actual, ...forecast] };
}

/**
 * A number as written here: "1 250,5" (space or no-break space between thousands, comma before the
 * decimals) as well as "1250.5". Anything else ("1.250,5", "көп", "") is NaN. The forms, the live
 * totals and the checks all read numbers through this.
 */
export function localNumber(text: string): number {
  const s = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  // Plain digits only: Number() would also take "1e5", "0x10" or "Infinity".
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

/** A figure was given: a number, or a string that reads as one ("1 250,5"); empty or a word is not. */
export function hasNumber(v: unknown): boolean {
  return Number.isFinite(typeof v === "number" ? v : typeof v === "string" ? localNumber(v) : NaN);
}

/** Numbers while typing are strings; totals work on both saved data and live form values. Not a number → 0. */
export function num(v: unknown): number {
  const n = typeof v === "number" ? v : typeof v === "string" ? localNumber(v) : NaN;
  return Number.isFinite(n) ? n : 0;
}
