/**
 * The one way an action reads a form body. Before anything is parsed: the content type must be a
 * form's (415 otherwise: `request.formData()` threw on JSON and answered 500), the body may not
 * exceed the route's size (413, read no further), and the fields are held to the schema(s) the
 * action parses with (`boundFormFields`: list indexes, field count). What comes out is safe to
 * hand to Conform, and a reply can echo only what the schema allows.
 */
import type { z } from "zod";
import { boundFormFields } from "~/domain/form-bounds";

/** Bytes of an ordinary form: the longest stage form (lens block: ~30 long answers in URL-encoded Cyrillic) stays well under. */
export const FORM_MAX_BYTES = 1024 * 1024;
/** Login, logout, language: a few short fields. */
export const SMALL_FORM_MAX_BYTES = 16 * 1024;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export type RefusalReason = "unsupportedType" | "tooLarge" | "tooManyFields" | "tooManyRows";

/** A 4xx answer for a body refused before parsing; the error boundary shows it in the user's language. */
export function refusal(status: 413 | 415, reason: RefusalReason, values: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ reason, ...values }), { status, headers: { "Content-Type": "application/json; charset=utf-8" } });
}

export interface ReadFormOptions {
  /** The schema(s) the action will parse this body with. */
  schema: z.ZodTypeAny | readonly z.ZodTypeAny[];
  maxBytes?: number;
}

/** Reads at most `maxBytes` of the body; past that the stream is cancelled and null returned. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Read no further; once the 413 is out the server throws away a bounded rest and closes
    // (closeAfterUnreadBody). Cancelling here would drop the socket before the answer is written.
    if (size > maxBytes) return null;
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function isFormContentType(contentType: string | null): boolean {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return FORM_TYPES.includes(type);
}

/**
 * Throws a 413/415 Response for a body that is not a form, too large, or carries more rows than
 * the schema allows; returns the fields otherwise (unknown indexed fields dropped).
 */
export async function readForm(request: Request, options: ReadFormOptions): Promise<FormData> {
  const contentType = request.headers.get("content-type");
  if (!isFormContentType(contentType)) throw refusal(415, "unsupportedType");
  const maxBytes = options.maxBytes ?? FORM_MAX_BYTES;
  const bytes = await readBodyBytes(request, maxBytes);
  if (!bytes) throw refusal(413, "tooLarge", { maxKb: Math.round(maxBytes / 1024) });
  let parsed: FormData;
  try {
    parsed = await new Response(bytes, { headers: { "Content-Type": contentType! } }).formData();
  } catch {
    throw refusal(415, "unsupportedType");
  }
  const schemas = Array.isArray(options.schema) ? options.schema : [options.schema as z.ZodTypeAny];
  const bounded = boundFormFields(parsed.entries(), schemas);
  if (!bounded.ok) throw refusal(413, bounded.reason, { max: bounded.max });
  const form = new FormData();
  for (const [name, value] of bounded.fields) form.append(name, value);
  return form;
}
