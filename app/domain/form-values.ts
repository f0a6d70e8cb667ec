/**
 * How the stage forms read what people type, in the browser and again on the server: numbers as
 * they are written here — "1 250,5" (space or no-break space between thousands, comma before the
 * decimals) as well as "1250.5". Conform's own coercion only knows Number("1250.5"), so a
 * specialist who typed "76,4" from a statistics report got "not a number".
 */
import { parseWithZod, unstable_coerceFormValue as coerceFormValue } from "@conform-to/zod";
import type { z } from "zod";
import { localNumber } from "./program-data";

// Conform strips empty strings before this runs; other types keep Conform's defaults.
const number = (value: unknown) => (typeof value === "string" ? localNumber(value) : value);

// The coerced schema is a new object: keep one per schema (pages build theirs once per render).
const coerced = new WeakMap<z.ZodTypeAny, z.ZodTypeAny>();

/** parseWithZod with the local number format; the one parser of stage forms. */
export function parseStageForm<Schema extends z.ZodTypeAny>(formData: FormData | URLSearchParams, schema: Schema) {
  let withCoercion = coerced.get(schema);
  if (!withCoercion) coerced.set(schema, (withCoercion = coerceFormValue(schema, { defaultCoercion: { number } })));
  return parseWithZod(formData, { schema: withCoercion as Schema, disableAutoCoercion: true });
}
