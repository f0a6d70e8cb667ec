/**
 * The rules element data must follow when it arrives from outside a form (program file import,
 * CLI). Each rule reuses the stage's own checks, so a file is held to the same rules as a form.
 */
import { z } from "zod";
import { actionIssues } from "./actions";
import { parseErrorMessage } from "./validation";

export interface ElementIssue {
  path: string;
  messageKey: string;
  values?: Record<string, unknown>;
}

type PeriodContext = { startYear: number; endYear: number };
type Validator = (data: unknown, ctx: PeriodContext) => ElementIssue[];

const money = z.number().min(0);
const actionShape = z.object({
  title: z.string().trim().min(1).max(500),
  startYear: z.number().int(),
  endYear: z.number().int(),
  totalCost: money,
  funding: z.record(money),
  byYear: z.record(money),
});

function fromZod(error: z.ZodError): ElementIssue[] {
  return error.issues.map((i) => ({ path: i.path.join("."), messageKey: "files:errors.invalidValue", values: { detail: i.message } }));
}

const validators: Record<string, Validator> = {
  action: (data, ctx) => {
    const shape = actionShape.safeParse(data);
    if (!shape.success) return fromZod(shape.error);
    return actionIssues(shape.data, { start: ctx.startYear, end: ctx.endYear }, "ru").map((i) => {
      const { key, values } = parseErrorMessage(i.message);
      return { path: i.path.join("."), messageKey: key.includes(":") ? key : `common:${key}`, values };
    });
  },
};

export function validateElementData(kind: string, data: unknown, ctx: PeriodContext): ElementIssue[] {
  return validators[kind]?.(data, ctx) ?? [];
}
