import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getOptionalUser } from "~/auth/authorize.server";
import { loginSchema, safeRedirect } from "~/auth/schemas";
import { login, wantsSecureCookies } from "~/auth/session.server";
import { clientAddressFrom, retryMessage } from "~/auth/throttle.server";
import { ErrorSummary, TextField } from "~/components/forms";
import { languageCookieName } from "~/i18n/config";
import { getLanguage, languageCookie } from "~/i18n/language.server";
import { savePreferredLanguage } from "~/services/account.server";
import { pageTitle } from "~/components/page-title";
import { getT } from "~/i18n/i18n.server";
import { readForm, SMALL_FORM_MAX_BYTES } from "~/http/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/");
  const { t } = await getT(request);
  return json({ title: t("login.title") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, { schema: loginSchema, maxBytes: SMALL_FORM_MAX_BYTES });
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await login(request, email, password, clientAddressFrom(context));
  if (!result.ok && result.reason === "throttled") {
    const wait = result.retryAfterSeconds;
    return json(submission.reply({ formErrors: [retryMessage(wait)], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(wait) },
    });
  }
  if (!result.ok) {
    const message = result.reason === "inactive" ? "login.inactive" : "login.invalid";
    return json(submission.reply({ formErrors: [message], hideFields: ["password"] }), { status: 401 });
  }
  // A language picked on the login page is the latest wish: it becomes the user's preference.
  // Without one, the stored preference sets the interface language.
  const picked = request.headers.get("cookie")?.includes(`${languageCookieName}=`) ? getLanguage(request) : null;
  if (picked && picked !== result.language) await savePreferredLanguage(result.userId, picked);
  const headers = new Headers();
  headers.append("Set-Cookie", result.setCookie);
  headers.append("Set-Cookie", result.deviceCookie);
  headers.append("Set-Cookie", languageCookie(picked ?? result.language, wantsSecureCookies(request)));
  return redirect(safeRedirect(redirectTo), { headers });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <div className="narrow">
      <h1>{t("login.title")}</h1>
      <p className="lead">{t("login.lead")}</p>
      <ErrorSummary form={form} labels={{ email: t("login.email"), password: t("login.password") }} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <TextField field={fields.email} label={t("login.email")} type="email" autoComplete="username" />
        <TextField field={fields.password} label={t("login.password")} type="password" autoComplete="current-password" />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="login-website">{t("login.honeypot")}</label>
          <input id="login-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" className="button">
          {t("login.submit")}
        </button>
      </Form>
    </div>
  );
}
