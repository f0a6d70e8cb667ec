import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatDate } from "~/domain/format";
import { useTranslation } from "react-i18next";
import { requireGlobalPermission } from "~/auth/authorize.server";
import { PASSWORD_MIN } from "~/auth/schemas";
import { ErrorSummary, TextField, useErrorText } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { accountActionSchema } from "~/domain/admin-schemas";
import { languageNames } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { accountById, deactivateAccount, reactivateAccount, setTemporaryPassword } from "~/services/admin.server";
import { readForm } from "~/http/read-form.server";
import { notFound } from "~/http/expected-failure";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

async function loadAccount(param: string | undefined) {
  const account = param ? await accountById(param) : undefined;
  if (!account) throw notFound();
  return account;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireGlobalPermission(request, "admin:manage");
  const account = await loadAccount(params.id);
  const { t, lang } = await getT(request);
  return json({
    title: `${account.display_name} — ${t("admin:accounts.heading")}`,
    isSelf: account.id === admin.id,
    account: {
      id: account.id,
      displayName: account.display_name,
      email: account.email,
      language: account.preferred_language,
      active: account.active === 1,
      mustChangePassword: account.must_change_password === 1,
      createdAt: account.created_at,
      roles: [...new Set(account.memberships.map((m) => m.role))],
      municipalities: account.memberships
        .filter((m) => m.municipality_id !== null)
        .map((m) => ({ id: m.municipality_id!, name: (lang === "ky" ? m.name_ky : m.name_ru) ?? "" })),
    },
  });
}

const doneByIntent = { deactivate: "deactivated", reactivate: "reactivated", setPassword: "passwordSet" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireGlobalPermission(request, "admin:manage");
  const account = await loadAccount(params.id);
  const formData = await readForm(request, { schema: accountActionSchema });
  const submission = parseWithZod(formData, { schema: accountActionSchema });
  const intent = String(formData.get("intent") ?? "");
  if (submission.status !== "success") {
    return json({ intent, result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const value = submission.value;
  const outcome =
    value.intent === "deactivate"
      ? await deactivateAccount(account.id, admin.id)
      : value.intent === "reactivate"
        ? await reactivateAccount(account.id)
        : await setTemporaryPassword(account.id, value.password);
  if (!outcome.ok) {
    return json({ intent, result: submission.reply({ formErrors: [outcome.message], hideFields: ["password"] }) }, { status: 400 });
  }
  return redirect(`/admin/accounts/${account.id}?saved=1&done=${doneByIntent[value.intent]}`);
}

export default function AccountPage() {
  const { t, i18n } = useTranslation("admin");
  const errorText = useErrorText();
  const { account, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("saved") === "1" ? searchParams.get("done") : null;
  const doneMessage =
    done === "created" || done === "deactivated" || done === "reactivated" || done === "passwordSet"
      ? t(`account.${done}`)
      : t("index.saved");

  const accessError =
    actionData && (actionData.intent === "deactivate" || actionData.intent === "reactivate")
      ? actionData.result.error?.[""]?.[0]
      : undefined;
  const [passwordForm, passwordFields] = useForm({
    id: "temporary-password",
    lastResult: actionData?.intent === "setPassword" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: accountActionSchema }),
  });

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/admin">{t("account.back")}</Link>
      </p>
      <h1>{account.displayName}</h1>
      {done ? (
        <p className="notice notice--success" role="status">
          {doneMessage}
        </p>
      ) : null}

      <h2>{t("account.details")}</h2>
      <dl className="summary-list">
        <dt>{t("accounts.email")}</dt>
        <dd>{account.email}</dd>
        <dt>{t("accounts.role")}</dt>
        <dd>{account.roles.map((r) => t(`common:roles.${r}`)).join(", ")}</dd>
        <dt>{t("accounts.municipality")}</dt>
        <dd>{account.municipalities.length ? account.municipalities.map((m) => m.name).join(", ") : t("accounts.noMunicipality")}</dd>
        <dt>{t("account.language")}</dt>
        <dd>{languageNames[account.language]}</dd>
        <dt>{t("accounts.status")}</dt>
        <dd>
          <span className={`tag ${account.active ? "tag--ok" : "tag--error"}`}>
            {account.active ? t("accounts.active") : t("accounts.inactive")}
          </span>
        </dd>
        <dt>{t("account.password")}</dt>
        <dd>{account.mustChangePassword ? t("account.passwordTemporary") : t("account.passwordOwn")}</dd>
        <dt>{t("account.createdAt")}</dt>
        <dd>{formatDate(account.createdAt, i18n.language)}</dd>
      </dl>

      <section aria-labelledby="access-heading">
        <h2 id="access-heading">{t("account.accessHeading")}</h2>
        {accessError ? (
          <div className="error-summary" role="alert" tabIndex={-1}>
            <h2>{t("common:forms.errorSummaryTitle")}</h2>
            <p>{errorText(accessError)}</p>
          </div>
        ) : null}
        {account.active ? (
          isSelf ? (
            <p>{t("account.selfNote")}</p>
          ) : (
            <Form method="post">
              <p className="hint">{t("account.deactivateHint")}</p>
              <input type="hidden" name="intent" value="deactivate" />
              <button type="submit" className="button button--warning">
                {t("account.deactivate")}
              </button>
            </Form>
          )
        ) : (
          <Form method="post">
            <p className="hint">{t("account.reactivateHint")}</p>
            <input type="hidden" name="intent" value="reactivate" />
            <button type="submit" className="button">
              {t("account.reactivate")}
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t("account.passwordHeading")}</h2>
        {isSelf ? (
          <p>
            <Link to="/account/password">{t("account.selfPassword")}</Link>
          </p>
        ) : (
          <>
            <p>{t("account.passwordHint", { min: PASSWORD_MIN })}</p>
            <ErrorSummary form={passwordForm} labels={{ password: t("account.newPassword") }} />
            <Form method="post" {...getFormProps(passwordForm)}>
              <input type="hidden" name="intent" value="setPassword" />
              <TextField field={passwordFields.password} label={t("account.newPassword")} type="text" autoComplete="off" />
              <button type="submit" className="button button--secondary">
                {t("account.setPassword")}
              </button>
            </Form>
          </>
        )}
      </section>
    </>
  );
}
