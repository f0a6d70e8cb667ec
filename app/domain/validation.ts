/**
 * Zod, set up so every message is an i18n key ("errors.required", "errors.tooLong|{"max":200}").
 * The form components translate them; the schemas stay free of wording.
 */
import { z } from "zod";

export const errorMap: z.ZodErrorMap = (issue, ctx) => {
  const withParams = (key: string, params: Record<string, unknown>) => `${key}|${JSON.stringify(params)}`;
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === "undefined" || issue.received === "null") return { message: "errors.required" };
      // A fraction in a whole-number field: the general example ("12,5") would show what is refused.
      if (issue.expected === "integer") return { message: "errors.notWholeNumber" };
      if (issue.expected === "number") return { message: "errors.notNumber" };
      if (issue.expected === "date") return { message: "errors.date" };
      return { message: "errors.invalid" };
    case z.ZodIssueCode.too_small:
      if (issue.type === "string")
        return { message: Number(issue.minimum) <= 1 ? "errors.required" : withParams("errors.tooShort", { min: issue.minimum }) };
      if (issue.type === "array") return { message: withParams("errors.atLeast", { min: issue.minimum }) };
      if (issue.type === "number" && Number(issue.minimum) === 0) return { message: "errors.negative" };
      return { message: withParams("errors.tooSmall", { min: issue.minimum }) };
    case z.ZodIssueCode.too_big:
      if (issue.type === "string") return { message: withParams("errors.tooLong", { max: issue.maximum }) };
      if (issue.type === "array") return { message: withParams("errors.atMost", { max: issue.maximum }) };
      return { message: withParams("errors.tooBig", { max: issue.maximum }) };
    case z.ZodIssueCode.invalid_string:
      if (issue.validation === "email") return { message: "errors.email" };
      if (issue.validation === "url") return { message: "errors.url" };
      return { message: "errors.invalid" };
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union:
      return { message: "errors.choose" };
    case z.ZodIssueCode.invalid_date:
      return { message: "errors.date" };
    case z.ZodIssueCode.not_multiple_of:
      return { message: "errors.invalid" };
    default:
      return { message: ctx.defaultError === "Required" ? "errors.required" : "errors.invalid" };
  }
};
z.setErrorMap(errorMap);

/** Splits "key|{json}" into an i18next key and its values. */
export function parseErrorMessage(message: string): { key: string; values: Record<string, unknown> } {
  const bar = message.indexOf("|");
  if (bar < 0) return { key: message, values: {} };
  try {
    return { key: message.slice(0, bar), values: JSON.parse(message.slice(bar + 1)) };
  } catch {
    return { key: message.slice(0, bar), values: {} };
  }
}

export function errorKey(key: string, values?: Record<string, unknown>): string {
  return values ? `${key}|${JSON.stringify(values)}` : key;
}

export const TEXT_MAX = 200;
export const LONG_TEXT_MAX = 5000;

export const requiredText = (max = TEXT_MAX) => z.string().trim().min(1).max(max);
export const optionalText = (max = TEXT_MAX) => z.string().trim().max(max).optional();
/** A whole number typed by a person: text in it is told so too, not shown "12,5" as an example. */
export const wholeNumber = () => z.number({ invalid_type_error: "errors.notWholeNumber" }).int();
/** People, votes, households. */
export const count = () => wholeNumber().min(0).max(100_000_000);
export const optionalCount = () => count().optional();
/** Money in thousand som, up to one decimal place is common; allow two. */
export const amount = () => z.number().min(0).max(1e12);
export const optionalNumber = () => z.number().min(-1e12).max(1e12).optional();
export const year = () => z.number().int().min(1990).max(2100);
export const isoDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "errors.date");
/** An id that must name something that exists: a template entry, a row, an element. */
export const oneOf = (allowed: readonly string[]) =>
  z
    .string()
    .max(100)
    .refine((v) => allowed.includes(v), { message: "errors.choose" });

export { z };
