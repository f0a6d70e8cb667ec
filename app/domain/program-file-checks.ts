/**
 * The structural checks of a program file, each linear in the file's size and without recursion,
 * so a hostile or broken file is refused quickly with the error list instead of stalling or
 * crashing the server: how deeply the JSON nests (read on the text, before parsing), the
 * methodology version, which element kinds exist and how many of each, what each may hang under,
 * parent cycles, and the strategy's depth (KIND_PLACES in links.ts; the known methodology version
 * and the strategy forms come from the validated methodology as FileRules).
 * Business rules (sums, years) are not here: they are the element validators' (element-schemas.ts).
 */
import type { Methodology } from "~/methodology/schema";
import { isKind, KIND_PLACES, KINDS, type ParentPlace } from "./element-kinds";
import { parentChains } from "./parent-chains";
import { levelsOf as formLevelsOf, strategyShapeFrom, type StrategyShape } from "./program-context";
import type { ElementView, ProgramData } from "./program-data";

/**
 * Arrays and objects inside one another. A real file nests 8 deep (program → elements → element →
 * data → table → row → cell); the walkers after parsing (id remapping, JSON.stringify) recurse and
 * overflow the stack at a few thousand levels.
 */
export const PROGRAM_FILE_MAX_NESTING = 32;
/** Errors listed for one file: enough to fix a file, bounded for a file that is wrong everywhere. */
export const PROGRAM_FILE_MAX_ERRORS = 50;
/** What a file is held to from the methodology: the versions this Kadam knows and the strategy forms. */
export interface FileRules {
  knownVersions: readonly string[];
  strategy: StrategyShape;
}
export function fileRulesFrom(m: Pick<Methodology, "meta" | "strategy">): FileRules {
  return { knownVersions: [m.meta.version], strategy: strategyShapeFrom(m) };
}

export interface FileProblem {
  path: string;
  messageKey: string;
  values?: Record<string, unknown>;
}

/** Whether arrays and objects in JSON text nest deeper than `limit`; one pass over the text, strings skipped. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character (\" stays inside the string)
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Every kind at its maximum: the most elements a program holds. */
export const PROGRAM_FILE_MAX_ELEMENTS = Object.values(KIND_PLACES).reduce((sum, place) => sum + place.max, 0);

/**
 * How many elements of each kind, counted on the parsed JSON before the schema reads every element
 * (20 000 of them is the schema's work wasted): named once per kind, at the first one over the limit.
 */
export function checkCounts(elements: unknown): FileProblem[] {
  if (!Array.isArray(elements)) return [];
  if (elements.length > PROGRAM_FILE_MAX_ELEMENTS)
    return [{ path: "elements", messageKey: "files:errors.tooManyElements", values: { max: PROGRAM_FILE_MAX_ELEMENTS } }];
  const errors: FileProblem[] = [];
  const counts = new Map<string, number>();
  elements.forEach((e: unknown, i) => {
    const kind = e && typeof e === "object" ? (e as { kind?: unknown }).kind : undefined;
    if (typeof kind !== "string" || !isKind(kind)) return;
    const count = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, count);
    if (count === KIND_PLACES[kind].max + 1)
      errors.push({ path: `elements[${i}].kind`, messageKey: "files:errors.tooMany", values: { kind, max: KIND_PLACES[kind].max } });
  });
  return errors;
}

interface FileElement {
  id: string;
  kind: string;
  parentId: string | null;
  position: number;
  data: Record<string, unknown>;
}

/** The number of strategy levels of the form the file's vision chose (as the pages count them). */
function levelsOf(elements: readonly FileElement[], shape: StrategyShape): number {
  const visions = elements.filter((e) => e.kind === KINDS.vision).map((e) => ({ ...e, version: 0 }) as ElementView);
  // The level count reads only the vision; the rest of ProgramData is not built for a check.
  return formLevelsOf({ byKind: { [KINDS.vision]: visions } } as unknown as ProgramData, shape);
}

export function checkStructure(file: { methodologyVersion: string; elements: readonly FileElement[] }, rules: FileRules): FileProblem[] {
  const errors: FileProblem[] = [];
  const add = (path: string, messageKey: string, values?: Record<string, unknown>) => {
    if (errors.length < PROGRAM_FILE_MAX_ERRORS) errors.push({ path, messageKey, values });
  };
  if (!rules.knownVersions.includes(file.methodologyVersion))
    add("methodologyVersion", "files:errors.unknownMethodology", {
      version: file.methodologyVersion,
      known: rules.knownVersions.join(", "),
    });

  const { elements } = file;
  const ids = new Set<string>();
  elements.forEach((e, i) => {
    if (ids.has(e.id)) add(`elements[${i}].id`, "files:errors.duplicateId", { id: e.id });
    ids.add(e.id);
    if (!isKind(e.kind)) add(`elements[${i}].kind`, "files:errors.unknownKind", { kind: e.kind });
  });

  const chains = parentChains(elements);
  for (const i of chains.selfParents) add(`elements[${i}].parentId`, "files:errors.selfParent", { id: elements[i].id });
  for (const i of chains.cycles) add(`elements[${i}].parentId`, "files:errors.parentCycle", { id: elements[i].id });
  const levels = levelsOf(elements, rules.strategy);
  elements.forEach((e, i) => {
    if (e.parentId === null || e.parentId === e.id) return;
    if (!ids.has(e.parentId)) return add(`elements[${i}].parentId`, "files:errors.missingParent", { id: e.parentId });
    if (chains.onCycle[i] || !isKind(e.kind)) return;
    const p = chains.parent[i];
    const parent = elements[p];
    const places: ParentPlace[] =
      parent.kind === KINDS.strategyNode
        ? chains.depth[p] === levels - 1
          ? ["strategy_node", "objective"]
          : ["strategy_node"]
        : parent.kind === KINDS.action
          ? ["action"]
          : [];
    const allowed = KIND_PLACES[e.kind].parents;
    if (!places.some((place) => allowed.includes(place))) {
      // Under a strategy node of another level: the kind belongs under an objective (the last level).
      const key =
        parent.kind === KINDS.strategyNode && allowed.includes("objective") ? "files:errors.notUnderObjective" : "files:errors.wrongParent";
      return add(`elements[${i}].parentId`, key, { kind: e.kind, parentKind: parent.kind, levels });
    }
    if (e.kind === KINDS.strategyNode && chains.depth[i] >= levels) add(`elements[${i}].parentId`, "files:errors.tooDeep", { levels });
  });
  return errors;
}
