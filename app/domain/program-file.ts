/**
 * The Kadam program file: one JSON document holding a whole program, versioned by `schemaVersion`.
 * Pure: building the file from ProgramData-like rows, validating a file, and remapping element ids.
 * Format documented in README.md ("Program file").
 */
import { z } from "zod";
import { byDepth } from "./parent-chains";
import {
  checkCounts,
  checkStructure,
  nestsDeeperThan,
  PROGRAM_FILE_MAX_ELEMENTS,
  PROGRAM_FILE_MAX_ERRORS,
  PROGRAM_FILE_MAX_NESTING,
  type FileProblem,
  type FileRules,
} from "./program-file-checks";

export const PROGRAM_FILE_FORMAT = "kadam-program";
export const PROGRAM_FILE_SCHEMA_VERSION = 1;
export const PROGRAM_FILE_MAX_BYTES = 10 * 1024 * 1024;

const elementSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z
    .string()
    .regex(/^[a-z_]+$/)
    .max(40),
  parentId: z.string().min(1).max(64).nullable(),
  position: z.number().int().min(0).max(1_000_000),
  data: z.record(z.unknown()),
});

export const programFileSchema = z.object({
  format: z.literal(PROGRAM_FILE_FORMAT),
  schemaVersion: z.literal(PROGRAM_FILE_SCHEMA_VERSION),
  exportedAt: z.string(),
  methodologyVersion: z.string().max(40),
  program: z.object({
    title: z.string().trim().min(1).max(300),
    startYear: z.number().int().min(2000).max(2100),
    endYear: z.number().int().min(2000).max(2100),
    language: z.enum(["ru", "ky"]),
    status: z.string().max(40),
  }),
  municipality: z.object({ nameRu: z.string(), nameKy: z.string(), raion: z.string(), oblast: z.string(), kind: z.string() }),
  elements: z.array(elementSchema).max(PROGRAM_FILE_MAX_ELEMENTS),
  /** Metadata only (comments, versions, …) added by later features; kept for reference. */
  extras: z.record(z.unknown()).optional(),
});
export type ProgramFile = z.infer<typeof programFileSchema>;
export type ProgramFileElement = z.infer<typeof elementSchema>;

export type ParseResult = { ok: true; file: ProgramFile } | { ok: false; errors: FileProblem[] };

/** Parses and validates a program file's text against the methodology's `rules`; every error names where it is. */
export function parseProgramFileWith(text: string, rules: FileRules): ParseResult {
  // Before parsing: JSON.parse copes with any nesting, the walkers after it do not.
  if (nestsDeeperThan(text, PROGRAM_FILE_MAX_NESTING))
    return { ok: false, errors: [{ path: "", messageKey: "files:errors.tooNested", values: { max: PROGRAM_FILE_MAX_NESTING } }] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ path: "", messageKey: "files:errors.notJson" }] };
  }
  const head = z.object({ format: z.string(), schemaVersion: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== PROGRAM_FILE_FORMAT)
    return { ok: false, errors: [{ path: "", messageKey: "files:errors.notKadam" }] };
  if (head.data.schemaVersion > PROGRAM_FILE_SCHEMA_VERSION)
    return {
      ok: false,
      errors: [{ path: "schemaVersion", messageKey: "files:errors.newerVersion", values: { version: head.data.schemaVersion } }],
    };
  const counted = checkCounts((json as { elements?: unknown }).elements);
  if (counted.length) return { ok: false, errors: counted };
  const parsed = programFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues
        .slice(0, PROGRAM_FILE_MAX_ERRORS)
        .map((i) => ({ path: formatPath(i.path), messageKey: "files:errors.invalidValue", values: { detail: i.message } })),
    };
  }
  const problems = checkStructure(parsed.data, rules);
  return problems.length ? { ok: false, errors: problems } : { ok: true, file: parsed.data };
}

function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/**
 * Gives every element a new id and rewrites every reference to an old element id inside the
 * data (links such as action → lens question or problem, parent ids), so links survive import.
 */
export function remapElementIds(elements: ProgramFileElement[], newId: () => string): ProgramFileElement[] {
  const map = new Map(elements.map((e) => [e.id, newId()]));
  const rewrite = (value: unknown): unknown => {
    if (typeof value === "string") return map.get(value) ?? value;
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [map.get(k) ?? k, rewrite(v)]));
    return value;
  };
  return elements.map((e) => ({
    ...e,
    id: map.get(e.id)!,
    parentId: e.parentId ? (map.get(e.parentId) ?? null) : null,
    data: rewrite(e.data) as Record<string, unknown>,
  }));
}

/** Parents before children, so inserts satisfy the foreign key; linear, however long the chains. */
export function parentsFirst(elements: ProgramFileElement[]): ProgramFileElement[] {
  return byDepth(elements);
}

/** The file's content with element ids replaced by their order, for comparing two exports. */
export function canonicalContent(file: ProgramFile) {
  const order = new Map(file.elements.map((e, i) => [e.id, `#${i}`]));
  const rewrite = (value: unknown): unknown => {
    if (typeof value === "string") return order.get(value) ?? value;
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [order.get(k) ?? k, rewrite(v)]));
    return value;
  };
  return {
    program: file.program,
    elements: file.elements.map((e) => ({
      ...e,
      id: order.get(e.id),
      parentId: e.parentId ? order.get(e.parentId) : null,
      data: rewrite(e.data),
    })),
  };
}
