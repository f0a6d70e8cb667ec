/**
 * /admin/municipalities/new creates a municipality, /admin/municipalities/:id edits one:
 * the same form, so one route.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireGlobalPermission } from "~/auth/authorize.server";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { municipalityKinds, municipalitySchema } from "~/domain/admin-schemas";
import type { Place } from "~/domain/geography";
import { geoName, placeIssues, placeOptions } from "~/methodology/places.server";
import { getT } from "~/i18n/i18n.server";
import { createMunicipality, editMunicipality, municipalityById } from "~/services/admin.server";
import { readForm } from "~/http/read-form.server";
import { notFound } from "~/http/expected-failure";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

/** "new", or the id of an existing municipality (404 otherwise). */
async function target(param: string | undefined): Promise<{ id: number | null; existing?: Awaited<ReturnType<typeof municipalityById>> }> {
  if (param === "new") return { id: null };
  const id = Number(param);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const existing = await municipalityById(id);
  if (!existing) throw notFound();
  return { id, existing };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireGlobalPermission(request, "admin:manage");
  const { id, existing } = await target(params.id);
  const { t, lang } = await getT(request);
  const places = placeOptions(lang);
  // A value kept from before the list (not a code) stays selectable, so saving keeps it.
  const kept = (value: string | undefined) =>
    value && geoName(value, lang) === value ? [{ value, label: t("admin:municipalities.keptText", { text: value }) }] : [];
  return json({
    title: t(id === null ? "admin:municipalities.newTitle" : "admin:municipalities.editTitle"),
    isNew: id === null,
    oblasts: [...kept(existing?.oblast), ...places.oblasts],
    raions: kept(existing?.raion),
    raionGroups: places.raionGroups,
    defaults: existing
      ? { name_ru: existing.name_ru, name_ky: existing.name_ky, kind: existing.kind, raion: existing.raion, oblast: existing.oblast }
      : { name_ru: "", name_ky: "", kind: "aiyl_aimak", raion: "", oblast: "" },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireGlobalPermission(request, "admin:manage");
  const { id, existing } = await target(params.id);
  const stored: Place | undefined = existing && { oblast: existing.oblast, raion: existing.raion };
  // The list and "raion of this oblast" are checked here: they need the server's templates.
  const schema = municipalitySchema.superRefine((value, ctx) => {
    for (const [path, message] of Object.entries(placeIssues(value, stored))) ctx.addIssue({ code: "custom", path: [path], message });
  });
  const submission = parseWithZod(await readForm(request, { schema: municipalitySchema }), { schema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  if (id === null) await createMunicipality(submission.value);
  else if (!(await editMunicipality(id, submission.value))) throw notFound();
  return redirect("/admin?saved=1");
}

export default function MunicipalityPage() {
  const { t } = useTranslation("admin");
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "municipality",
    lastResult,
    defaultValue: data.defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: municipalitySchema }),
  });
  const labels = {
    name_ru: t("municipalities.nameRu"),
    name_ky: t("municipalities.nameKy"),
    kind: t("municipalities.kind"),
    raion: t("municipalities.raion"),
    oblast: t("municipalities.oblast"),
  };
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to="/admin">{t("municipalities.back")}</Link>
      </p>
      <h1>{data.isNew ? t("municipalities.newTitle") : t("municipalities.editTitle")}</h1>
      <ErrorSummary form={form} labels={labels} />
      <Form method="post" {...getFormProps(form)}>
        <TextField field={fields.name_ru} label={labels.name_ru} hint={t("municipalities.nameRuHint")} />
        <TextField field={fields.name_ky} label={labels.name_ky} hint={t("municipalities.nameKyHint")} />
        <SelectField
          field={fields.kind}
          label={labels.kind}
          options={municipalityKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <SelectField field={fields.oblast} label={labels.oblast} options={data.oblasts} placeholder={t("common:forms.choose")} />
        <SelectField
          field={fields.raion}
          label={labels.raion}
          hint={t("municipalities.raionHint")}
          options={data.raions}
          groups={data.raionGroups}
          placeholder={t("municipalities.noRaion")}
        />
        <button type="submit" className="button">
          {data.isNew ? t("municipalities.createSubmit") : t("common:forms.save")}
        </button>
        <Link to="/admin" className="button button--secondary">
          {t("common:forms.cancel")}
        </Link>
      </Form>
    </div>
  );
}
