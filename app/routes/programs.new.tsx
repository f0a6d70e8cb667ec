import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useRef, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { requireMunicipalPermission } from "~/auth/authorize.server";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { programMetaSchema } from "~/domain/program-schemas";
import { getT } from "~/i18n/i18n.server";
import { methodology } from "~/methodology/templates.server";
import { DEFAULT_DOCUMENT_LANGUAGE, offeredPeriod, offeredTitles, titleToStore } from "~/services/new-program.server";
import { createProgram, municipalityById } from "~/services/programs.server";
import { readForm } from "~/http/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "programs.create");

const limits = () => methodology.thresholds.programYears;

export async function loader({ request }: LoaderFunctionArgs) {
  const municipalityParam = new URL(request.url).searchParams.get("municipality") ?? undefined;
  const { municipalityId } = await requireMunicipalPermission(request, municipalityParam, "program:create");
  const { t, lang } = await getT(request);
  const municipality = (await municipalityById(municipalityId))!;
  const period = offeredPeriod();
  const titles = await offeredTitles(municipality, period);
  const language = DEFAULT_DOCUMENT_LANGUAGE;
  return json({
    title: t("programs.create"),
    municipalityId,
    municipalityName: lang === "ky" ? municipality.name_ky : municipality.name_ru,
    limits: limits(),
    titles,
    defaults: { title: titles[language], startYear: String(period.startYear), endYear: String(period.endYear), language },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const municipalityParam = new URL(request.url).searchParams.get("municipality") ?? undefined;
  const { user, municipalityId } = await requireMunicipalPermission(request, municipalityParam, "program:create");
  const schema = programMetaSchema(limits());
  const submission = parseWithZod(await readForm(request, { schema }), { schema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const municipality = (await municipalityById(municipalityId))!;
  const title = await titleToStore(municipality, submission.value);
  const id = await createProgram({ municipalityId, userId: user.id, ...submission.value, title });
  return redirect(`/programs/${id}`);
}

const isDocumentLanguage = (v: string): v is "ky" | "ru" => v === "ky" || v === "ru";

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
  // The offered title follows the document language until the person edits it.
  const language = useRef(data.defaults.language);
  const followLanguage = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLSelectElement;
    if (target.name !== fields.language.name || !isDocumentLanguage(target.value)) return;
    const offered = data.titles[language.current];
    language.current = target.value;
    const title = event.currentTarget.elements.namedItem(fields.title.name) as HTMLInputElement | null;
    if (title && title.value === offered) form.update({ name: fields.title.name, value: data.titles[target.value] });
  };
  const labels = {
    title: t("programs.titleLabel"),
    startYear: t("programs.startYear"),
    endYear: t("programs.endYear"),
    language: t("programs.documentLanguage"),
  };
  return (
    <>
      <p className="breadcrumbs">{data.municipalityName}</p>
      <h1>{t("programs.create")}</h1>
      <ErrorSummary form={form} labels={labels} />
      <Form method="post" {...getFormProps(form)} onChange={followLanguage}>
        <TextField field={fields.title} label={labels.title} hint={t("programs.titleHint")} />
        <div className="two-col">
          <TextField field={fields.startYear} label={labels.startYear} type="number" inputMode="numeric" />
          <TextField
            field={fields.endYear}
            label={labels.endYear}
            type="number"
            inputMode="numeric"
            hint={t("programs.periodHint", data.limits)}
          />
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
