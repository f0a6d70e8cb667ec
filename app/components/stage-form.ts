/**
 * The one way a page sets up its Conform form: validate with the page's Zod schema in the browser
 * (the server validates the same schema again) when the form is submitted, then as the user types.
 * Not on leaving a field (GOV.UK: validate on submit): a message appearing on blur pushed the page
 * down under the pointer, so the click that caused the blur landed on something else.
 * Its own module so pages without a form do not ship Conform and zod.
 */
import { useForm, type SubmissionResult } from "@conform-to/react";
import { useActionData } from "@remix-run/react";
import { parseStageForm } from "~/domain/form-values";
import type { z } from "zod";
import type { ElementFormResult } from "~/services/element-form.server";

export function useStageForm<Schema extends z.ZodTypeAny>(options: {
  id: string;
  schema: Schema;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: unknown;
}) {
  const { schema, defaultValue, ...rest } = options;
  return useForm<z.input<Schema>, z.output<Schema>>({
    ...rest,
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseStageForm(formData, schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}

/**
 * useStageForm for a page whose action is `handleElementForm`: reads that action's reply (Conform's
 * result and, after a 409, the other person's values) so a page does not wire it by hand; pass the
 * returned `actionData` to ElementFormFrame.
 */
export function useElementForm<Schema extends z.ZodTypeAny>(id: string, schema: Schema, defaultValue: unknown) {
  const actionData = useActionData<ElementFormResult>();
  const [form, fields] = useStageForm({ id, schema, lastResult: actionData?.result, defaultValue });
  return { form, fields, actionData };
}
