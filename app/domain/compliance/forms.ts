/** Form schemas of the check page: a justification (working group) and a finding (ministry). */
import { optionalText, z } from "../validation";

export const justificationFormSchema = z.object({
  intent: z.literal("justify"),
  ruleId: z.string().regex(/^r\d{2}$/),
  text: optionalText(3000),
  /**
   * The justification's version the form was loaded with (0: none yet); a stale save gets a
   * conflict. Missing counts as 0, which can only ever create one, never overwrite one unseen.
   */
  version: z.number().int().min(0).default(0),
});

export const findingFormSchema = z.object({
  intent: z.literal("finding"),
  ruleId: z.string().regex(/^r\d{2}$/),
  verdict: z.enum(["agree", "disagree"], { errorMap: () => ({ message: "compliance:errors.verdictRequired" }) }),
  comment: optionalText(3000),
});

/**
 * All the ministry's verdicts of the page in one form: a verdict per rule (rules left blank are not
 * recorded) and "agree with all passed", which records agreement for every passed rule given no
 * verdict here. The rule count is the template's (35 today); 100 bounds the list.
 */
export const findingsFormSchema = z.object({
  intent: z.literal("findings"),
  agreeAllPassed: z.boolean().default(false),
  findings: z
    .array(
      z.object({ ruleId: z.string().regex(/^r\d{2}$/), verdict: z.enum(["agree", "disagree"]).optional(), comment: optionalText(3000) }),
    )
    .max(100)
    .default([]),
});

export const checkFormSchema = z.discriminatedUnion("intent", [justificationFormSchema, findingFormSchema, findingsFormSchema]);
