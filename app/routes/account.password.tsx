import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/authorize.server";
import { changePasswordSchema, PASSWORD_MIN } from "~/auth/schemas";
import { changePassword } from "~/auth/session.server";
import { retryMessage } from "~/auth/throttle.server";
import { ErrorSummary, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { getT } from "~/i18n/i18n.server";
import { readForm, SMALL_FORM_MAX_BYTES } from "~/http/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "password.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t } = await getT(request);
  return json({ title: t("password.title"), mustChange: user.mustChangePassword });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readForm(request, { schema: changePasswordSchema, maxBytes: SMALL_FORM_MAX_BYTES }), {
    schema: changePasswordSchema,
  });
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: ["currentPassword", "newPassword", "confirmPassword"] }) }, { status: 400 });
  }
  const outcome = await changePassword(request, user, submission.value.currentPassword, submission.value.newPassword);
  if (!outcome.ok) {
    const wait = outcome.retryAfterSeconds;
    const message = wait === undefined ? "errors.wrongPassword" : retryMessage(wait);
    return json(
      {
        result: submission.reply({
          fieldErrors: { currentPassword: [message] },
          hideFields: ["currentPassword", "newPassword", "confirmPassword"],
        }),
      },
      wait === undefined ? { status: 400 } : { status: 429, headers: { "Retry-After": String(wait) } },
    );
  }
  // Every session of the account ended with the old password; this browser continues on a new
  // one. A redirect, not a page: without JavaScript the page's loaders would run in this same
  // request with the old (ended) session and send the person to the login page.
  return redirect("/account/password?done=1", { headers: { "Set-Cookie": outcome.setCookie } });
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { mustChange } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const done = useSearchParams()[0].get("done") === "1" && !actionData;
  const [form, fields] = useForm({
    id: "password",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="narrow">
      <h1>{t("password.title")}</h1>
      {mustChange && !done ? <p className="notice notice--warning">{t("password.mustChange")}</p> : null}
      {done ? (
        <p className="notice notice--success" role="status">
          {t("password.done")}
        </p>
      ) : null}
      <ErrorSummary
        form={form}
        labels={{ currentPassword: t("password.current"), newPassword: t("password.new"), confirmPassword: t("password.confirm") }}
      />
      <Form method="post" {...getFormProps(form)}>
        <TextField field={fields.currentPassword} label={t("password.current")} type="password" autoComplete="current-password" />
        <TextField
          field={fields.newPassword}
          label={t("password.new")}
          hint={t("password.newHint", { min: PASSWORD_MIN })}
          type="password"
          autoComplete="new-password"
        />
        <TextField field={fields.confirmPassword} label={t("password.confirm")} type="password" autoComplete="new-password" />
        <button type="submit" className="button">
          {t("password.submit")}
        </button>
      </Form>
    </div>
  );
}
