/**
 * Element-by-element comparison of two frozen versions: which elements were added, removed or
 * changed, and for a change the old and new value of every field that differs (nested fields
 * and table rows flattened to paths like "rows[prob-water].title", keyed by row id so that
 * reordering rows is not reported as a change of every row).
 */
export interface SnapshotElement {
  id: string;
  kind: string;
  parent_id: string | null;
  position: number;
  version: number;
  data: string;
}
export interface SnapshotProgram {
  id: number;
  title: string;
  start_year: number;
  end_year: number;
  language: string;
  status: string;
  [k: string]: unknown;
}
export interface Snapshot {
  program: SnapshotProgram;
  elements: SnapshotElement[];
}

export interface FieldChange {
  path: string;
  before: string | null;
  after: string | null;
}
export interface ElementDiff {
  id: string;
  kind: string;
  change: "added" | "removed" | "changed";
  fields: FieldChange[];
}

/** Flattens JSON to path → printable value. Arrays of objects with ids are keyed by id. */
export function flattenValue(value: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (value === null || value === undefined) {
    if (prefix) out[prefix] = "";
    return out;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) {
      out[prefix] = value.map((v) => String(v)).join(", ");
      return out;
    }
    value.forEach((v, i) => {
      const key = v && typeof v === "object" && typeof (v as { id?: unknown }).id === "string" ? (v as { id: string }).id : String(i);
      flattenValue(v, `${prefix}[${key}]`, out);
    });
    return out;
  }
  if (typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flattenValue(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  out[prefix] = String(value);
  return out;
}

export function diffValues(before: unknown, after: unknown): FieldChange[] {
  const a = flattenValue(before);
  const b = flattenValue(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .filter((k) => (a[k] ?? "") !== (b[k] ?? ""))
    .map((k) => ({ path: k, before: k in a ? a[k] : null, after: k in b ? b[k] : null }));
}

function parseData(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

const PROGRAM_FIELDS = ["title", "start_year", "end_year", "language"] as const;

/** Differences from version `a` (older) to version `b` (newer). Status is not compared: it always differs. */
export function diffSnapshots(a: Snapshot, b: Snapshot): { program: FieldChange[]; elements: ElementDiff[] } {
  const pick = (p: SnapshotProgram) => Object.fromEntries(PROGRAM_FIELDS.map((k) => [k, p[k]]));
  const program = diffValues(pick(a.program), pick(b.program));
  const before = new Map(a.elements.map((e) => [e.id, e]));
  const after = new Map(b.elements.map((e) => [e.id, e]));
  const elements: ElementDiff[] = [];
  for (const e of b.elements) {
    const old = before.get(e.id);
    if (!old) {
      elements.push({ id: e.id, kind: e.kind, change: "added", fields: diffValues(undefined, parseData(e.data)) });
      continue;
    }
    const fields = diffValues(parseData(old.data), parseData(e.data));
    if (old.parent_id !== e.parent_id) fields.push({ path: "parent", before: old.parent_id, after: e.parent_id });
    if (old.position !== e.position) fields.push({ path: "position", before: String(old.position + 1), after: String(e.position + 1) });
    if (fields.length > 0) elements.push({ id: e.id, kind: e.kind, change: "changed", fields });
  }
  for (const e of a.elements) {
    if (!after.has(e.id)) elements.push({ id: e.id, kind: e.kind, change: "removed", fields: diffValues(parseData(e.data), undefined) });
  }
  const order = { changed: 0, added: 1, removed: 2 } as const;
  elements.sort((x, y) => x.kind.localeCompare(y.kind) || order[x.change] - order[y.change] || x.id.localeCompare(y.id));
  return { program, elements };
}
