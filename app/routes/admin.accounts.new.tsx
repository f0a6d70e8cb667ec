import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireGlobalPermission } from "~/auth/authorize.server";
import { PASSWORD_MIN } from "~/auth/schemas";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { accountLanguages, accountRoles, accountSchema } from "~/domain/admin-schemas";
import { geoName } from "~/methodology/places.server";
import { languageNames } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { createAccount, municipalitiesWithAccountCounts } from "~/services/admin.server";
import { readForm } from "~/http/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireGlobalPermission(request, "admin:manage");
  const { t, lang } = await getT(request);
  const municipalities = await municipalitiesWithAccountCounts();
  return json({
    title: t("admin:newAccount.title"),
    municipalities: municipalities.map((m) => ({
      value: String(m.id),
      label: `${lang === "ky" ? m.name_ky : m.name_ru} (${geoName(m.raion, lang) || geoName(m.oblast, lang)})`,
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireGlobalPermission(request, "admin:manage");
  const submission = parseWithZod(await readForm(request, { schema: accountSchema }), { schema: accountSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await createAccount(submission.value);
  if (!result.ok) {
    return json(submission.reply({ fieldErrors: { [result.field]: [result.message] }, hideFields: ["password"] }), { status: 400 });
  }
  return redirect(`/admin/accounts/${result.id}?saved=1&done=created`);
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export default function NewAccountPage() {
  const { t } = useTranslation("admin");
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-account",
    lastResult,
    defaultValue: { language: "ru", role: "planner" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: accountSchema }),
  });
  const labels = {
    email: t("newAccount.email"),
    displayName: t("newAccount.displayName"),
    language: t("newAccount.language"),
    role: t("newAccount.role"),
    municipalityId: t("newAccount.municipality"),
    password: t("newAccount.password"),
  };
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to="/admin">{t("municipalities.back")}</Link>
      </p>
      <h1>{t("newAccount.title")}</h1>
      <p className="lead">{t("newAccount.lead")}</p>
      <ErrorSummary form={form} labels={labels} />
      <Form method="post" {...getFormProps(form)}>
        <TextField field={fields.email} label={labels.email} hint={t("newAccount.emailHint")} type="email" autoComplete="off" />
        <TextField field={fields.displayName} label={labels.displayName} hint={t("newAccount.displayNameHint")} autoComplete="off" />
        <SelectField
          field={fields.language}
          label={labels.language}
          options={accountLanguages.map((l) => ({ value: l, label: languageNames[l] }))}
        />
        <SelectField
          field={fields.role}
          label={labels.role}
          hint={t("newAccount.roleHint")}
          options={accountRoles.map((r) => ({ value: r, label: capitalize(t(`common:roles.${r}`)) }))}
        />
        <SelectField
          field={fields.municipalityId}
          label={labels.municipalityId}
          hint={t("newAccount.municipalityHint")}
          placeholder={t("newAccount.municipalityNone")}
          options={data.municipalities}
        />
        <TextField
          field={fields.password}
          label={labels.password}
          hint={t("newAccount.passwordHint", { min: PASSWORD_MIN })}
          type="text"
          autoComplete="off"
        />
        <button type="submit" className="button">
          {t("newAccount.submit")}
        </button>
        <Link to="/admin" className="button button--secondary">
          {t("common:forms.cancel")}
        </Link>
      </Form>
    </div>
  );
}
