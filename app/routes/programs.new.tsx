import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMunicipalPermission } from "~/auth/authorize.server";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { db } from "~/db.server";
import { programMetaSchema } from "~/domain/program-schemas";
import { getT } from "~/i18n/i18n.server";
import { methodology } from "~/methodology/templates.server";
import { getMunicipality } from "~/models/program.server";
import { createProgram } from "~/services/programs.server";
import { readForm } from "~/http/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "programs.create");

const limits = () => methodology.thresholds.programYears;

export async function loader({ request }: LoaderFunctionArgs) {
  const municipalityParam = new URL(request.url).searchParams.get("municipality") ?? undefined;
  const { municipalityId } = await requireMunicipalPermission(request, municipalityParam, "program:create");
  const { t, lang } = await getT(request);
  const municipality = (await getMunicipality(db, municipalityId))!;
  const name = lang === "ky" ? municipality.name_ky : municipality.name_ru;
  const start = new Date().getFullYear() + 1;
  return json({
    title: t("programs.create"),
    municipalityId,
    municipalityName: name,
    limits: limits(),
    defaults: { title: t("programs.defaultTitle", { name, start, end: start + 4 }), startYear: String(start), endYear: String(start + 4), language: "ky" },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const municipalityParam = new URL(request.url).searchParams.get("municipality") ?? undefined;
  const { user, municipalityId } = await requireMunicipalPermission(request, municipalityParam, "program:create");
  const schema = programMetaSchema(limits());
  const submission = parseWithZod(await readForm(request, { schema }), { schema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const id = await createProgram(db, { municipalityId, userId: user.id, ...submission.value });
  return redirect(`/programs/${id}`);
}

export default function NewProgramPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-program",
    lastResult,
    defaultValue: data.defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: programMetaSchema(data.limits) }),
    shouldValidate: "onSubmit",
  });
  const labels = { title: t("programs.titleLabel"), startYear: t("programs.startYear"), endYear: t("programs.endYear"), language: t("programs.documentLanguage") };
  return (
    <>
      <p className="breadcrumbs">{data.municipalityName}</p>
      <h1>{t("programs.create")}</h1>
      <ErrorSummary form={form} labels={labels} />
      <Form method="post" {...getFormProps(form)}>
        <TextField field={fields.title} label={labels.title} hint={t("programs.titleHint")} />
        <div className="two-col">
          <TextField field={fields.startYear} label={labels.startYear} type="number" inputMode="numeric" />
          <TextField field={fields.endYear} label={labels.endYear} type="number" inputMode="numeric" hint={t("programs.periodHint", data.limits)} />
        </div>
        <SelectField
          field={fields.language}
          label={labels.language}
          hint={t("programs.documentLanguageHint")}
          options={[
            { value: "ky", label: t("docLanguage.ky") },
            { value: "ru", label: t("docLanguage.ru") },
          ]}
        />
        <button type="submit" className="button">
          {t("programs.createSubmit")}
        </button>
      </Form>
    </>
  );
}
