/**
 * What a form body may carry, read from the form's own Zod schema, checked before Conform
 * parses anything. Conform turns a field name like `rows[100000].x` into an array of that length
 * before any schema runs and echoes it back in the reply, so one small request could hold the
 * server for minutes. Here every index is held to its list's `.max()`, and fields the schema does
 * not know are dropped when they carry an index (no form of ours sends one; they would only be
 * echoed back). Linear in the number of fields.
 */
import { z } from "zod";

/** A list whose schema forgot its `.max()` is still bounded (a unit test finds such schemas). */
export const UNBOUNDED_LIST_MAX = 1000;
/** Fields in one form body; the largest form (T2 population: villages × sex × age bands) sends ~1 500. */
export const MAX_FORM_FIELDS = 5000;

interface ShapeNode {
  keys: Map<string, ShapeNode>;
  /** A record: any key leads here. */
  anyKey?: ShapeNode;
  list?: { max: number; item: ShapeNode; unbounded: boolean };
}

const newNode = (): ShapeNode => ({ keys: new Map() });

function merge(into: ShapeNode, from: ShapeNode): ShapeNode {
  for (const [key, child] of from.keys) into.keys.set(key, into.keys.has(key) ? merge(into.keys.get(key)!, child) : child);
  if (from.anyKey) into.anyKey = into.anyKey ? merge(into.anyKey, from.anyKey) : from.anyKey;
  if (from.list) {
    into.list = into.list
      ? {
          max: Math.max(into.list.max, from.list.max),
          item: merge(into.list.item, from.list.item),
          unbounded: into.list.unbounded || from.list.unbounded,
        }
      : from.list;
  }
  return into;
}

/** The shape of the values a schema accepts: objects, records and lists with their maxima. */
function shapeOf(schema: z.ZodTypeAny, seen: Set<z.ZodTypeAny>): ShapeNode {
  if (seen.has(schema)) return newNode(); // a recursive (lazy) schema: stop, its fields are bounded by depth of the names
  seen.add(schema);
  try {
    const def = schema._def as { typeName?: string } & Record<string, unknown>;
    switch (def.typeName) {
      case z.ZodFirstPartyTypeKind.ZodObject: {
        const node = newNode();
        for (const [key, child] of Object.entries((schema as z.AnyZodObject).shape))
          node.keys.set(key, shapeOf(child as z.ZodTypeAny, seen));
        const catchall = (schema as z.AnyZodObject)._def.catchall as z.ZodTypeAny;
        if (!(catchall instanceof z.ZodNever)) node.anyKey = shapeOf(catchall, seen);
        return node;
      }
      case z.ZodFirstPartyTypeKind.ZodArray: {
        const array = schema as z.ZodArray<z.ZodTypeAny>;
        const limit = array._def.maxLength?.value ?? array._def.exactLength?.value;
        return {
          keys: new Map(),
          list: { max: limit ?? UNBOUNDED_LIST_MAX, item: shapeOf(array.element, seen), unbounded: limit === undefined },
        };
      }
      case z.ZodFirstPartyTypeKind.ZodRecord:
        return { keys: new Map(), anyKey: shapeOf((schema as z.ZodRecord)._def.valueType, seen) };
      case z.ZodFirstPartyTypeKind.ZodOptional:
      case z.ZodFirstPartyTypeKind.ZodNullable:
      case z.ZodFirstPartyTypeKind.ZodDefault:
      case z.ZodFirstPartyTypeKind.ZodCatch:
      case z.ZodFirstPartyTypeKind.ZodReadonly:
        return shapeOf(def.innerType as z.ZodTypeAny, seen);
      case z.ZodFirstPartyTypeKind.ZodBranded:
        return shapeOf(def.type as z.ZodTypeAny, seen);
      case z.ZodFirstPartyTypeKind.ZodEffects:
        return shapeOf(def.schema as z.ZodTypeAny, seen);
      case z.ZodFirstPartyTypeKind.ZodPipeline:
        return shapeOf(def.in as z.ZodTypeAny, seen);
      case z.ZodFirstPartyTypeKind.ZodLazy:
        return shapeOf((def.getter as () => z.ZodTypeAny)(), seen);
      case z.ZodFirstPartyTypeKind.ZodUnion:
      case z.ZodFirstPartyTypeKind.ZodDiscriminatedUnion: {
        const options = (def.options as z.ZodTypeAny[] | Map<unknown, z.ZodTypeAny>).values();
        return [...options].reduce((node, option) => merge(node, shapeOf(option, seen)), newNode());
      }
      case z.ZodFirstPartyTypeKind.ZodIntersection:
        return merge(shapeOf(def.left as z.ZodTypeAny, seen), shapeOf(def.right as z.ZodTypeAny, seen));
      default:
        return newNode(); // a leaf: string, number, enum, boolean…
    }
  } finally {
    seen.delete(schema);
  }
}

const shapes = new WeakMap<z.ZodTypeAny, ShapeNode>();
function shapeFor(schemas: readonly z.ZodTypeAny[]): ShapeNode {
  // One schema (almost every form): its shape is kept. Several (a page with more than one form):
  // merged into fresh nodes, because merging changes the node it merges into.
  if (schemas.length !== 1) return schemas.reduce((node, schema) => merge(node, shapeOf(schema, new Set())), newNode());
  let shape = shapes.get(schemas[0]);
  if (!shape) shapes.set(schemas[0], (shape = shapeOf(schemas[0], new Set())));
  return shape;
}

/** `rows[3].groups[0]` → ["rows", 3, "groups", 0]; null when the name is not of Conform's form. */
export function fieldPath(name: string): (string | number)[] | null {
  const path: (string | number)[] = [];
  const pattern = /([^.[\]]+)|\[(\d{1,9})\]|(\.)/gy;
  let match: RegExpExecArray | null;
  let expectKey = true;
  while ((match = pattern.exec(name))) {
    if (match[1] !== undefined) {
      if (!expectKey) return null;
      path.push(match[1]);
      expectKey = false;
    } else if (match[2] !== undefined) {
      path.push(Number(match[2]));
      expectKey = false;
    } else expectKey = true;
    if (pattern.lastIndex === name.length) return expectKey ? null : path;
  }
  return null;
}

export type FieldCheck = { kind: "known" } | { kind: "unknown"; indexed: boolean } | { kind: "tooMany"; list: string; max: number };

function describe(path: (string | number)[], upTo: number): string {
  return path
    .slice(0, upTo)
    .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join("");
}

function checkPath(root: ShapeNode, path: (string | number)[]): FieldCheck {
  let node: ShapeNode | undefined = root;
  const indexed = path.some((p) => typeof p === "number");
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (!node) return { kind: "unknown", indexed };
    if (typeof segment === "number") {
      if (!node.list) return { kind: "unknown", indexed };
      // Index = max is let through: the schema then says "at most N" next to the field.
      if (segment > node.list.max) return { kind: "tooMany", list: describe(path, i), max: node.list.max };
      node = node.list.item;
    } else node = node.keys.get(segment) ?? node.anyKey;
  }
  return node ? { kind: "known" } : { kind: "unknown", indexed };
}

export type BoundedForm =
  | { ok: true; fields: [string, FormDataEntryValue][] }
  | { ok: false; reason: "tooManyFields"; max: number }
  | { ok: false; reason: "tooManyRows"; list: string; max: number };

/**
 * Holds a form body's fields to the schema(s) its action parses with: too many fields or an index
 * above a list's maximum refuse the whole body; indexed fields the schemas do not know are dropped.
 */
export function boundFormFields(entries: Iterable<[string, FormDataEntryValue]>, schemas: readonly z.ZodTypeAny[]): BoundedForm {
  const shape = shapeFor(schemas);
  const fields: [string, FormDataEntryValue][] = [];
  let count = 0;
  for (const [name, value] of entries) {
    if (++count > MAX_FORM_FIELDS) return { ok: false, reason: "tooManyFields", max: MAX_FORM_FIELDS };
    const path = fieldPath(name);
    if (!path) {
      if (!/[[\]]/.test(name)) fields.push([name, value]); // a plain name Conform reads as it is
      continue;
    }
    const check = checkPath(shape, path);
    if (check.kind === "tooMany") return { ok: false, reason: "tooManyRows", list: check.list, max: check.max };
    if (check.kind === "known" || !check.indexed) fields.push([name, value]);
  }
  return { ok: true, fields };
}

/** Lists in a schema that have no `.max()`: every list a form or file can fill must have one. */
export function unboundedLists(schema: z.ZodTypeAny): string[] {
  const found: string[] = [];
  const walk = (node: ShapeNode, at: string, depth: number) => {
    if (depth > 20) return;
    for (const [key, child] of node.keys) walk(child, at ? `${at}.${key}` : key, depth + 1);
    if (node.anyKey) walk(node.anyKey, `${at}.*`, depth + 1);
    if (node.list) {
      if (node.list.unbounded) found.push(at || "(root)");
      walk(node.list.item, `${at}[]`, depth + 1);
    }
  };
  walk(shapeOf(schema, new Set()), "", 0);
  return found;
}
