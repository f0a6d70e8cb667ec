import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { TextAreaField } from "~/components/forms";
import { requireProgram } from "~/services/program-access.server";
import { pageTitle } from "~/components/page-title";
import { StageHeader } from "~/components/stage-header";
import { ElementFormFrame } from "~/components/stage-page";
import { NARRATIVE_KIND, narrativeFormSchema, narrativeToData, type NarrativeData } from "~/domain/situation";
import { LONG_TEXT_MAX } from "~/domain/validation";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm } from "~/services/element-form.server";
import { stageGuidance } from "~/services/stage-guidance.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

const sectorIds = () => methodology.reference.sectors.map((s) => s.id);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, canEdit, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const element = await read.singleton(NARRATIVE_KIND);
  const saved = element ? (JSON.parse(element.data) as NarrativeData) : { sectors: {} };
  const guidance = stageGuidance("situation", lang);
  return json({
    ...guidance,
    title: `${t("analysis:narrative.heading")} — ${guidance.title}`,
    programId: program.id,
    canEdit,
    version: element?.version ?? 0,
    sectors: methodology.reference.sectors.map((s) => ({ id: s.id, label: localize(s.label, lang) })),
    defaultValue: { sectors: saved.sectors },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleElementForm({
    request,
    params,
    kind: NARRATIVE_KIND,
    singleton: true,
    schema: narrativeFormSchema(sectorIds()),
    toData: (value) => narrativeToData(value),
  });
}

export default function NarrativePage() {
  const { t } = useTranslation(["analysis", "common"]);
  const data = useLoaderData<typeof loader>();
  const schema = narrativeFormSchema(data.sectors.map((s) => s.id));
  const { form, fields, actionData } = useElementForm("narrative", schema, data.defaultValue);
  const sectorFields = fields.sectors.getFieldset();
  const labels = Object.fromEntries(data.sectors.map((s) => [`sectors.${s.id}`, s.label]));
  const back = (
    <p>
      <ProgramLink to={`/programs/${data.programId}/situation`}>{t("overview.back")}</ProgramLink>
    </p>
  );
  if (!data.canEdit) {
    const written = data.sectors.filter((s) => data.defaultValue.sectors[s.id]);
    return (
      <>
        <StageHeader guidance={data} />
        {back}
        <h2>{t("narrative.heading")}</h2>
        {written.length === 0 ? <p>{t("narrative.empty")}</p> : null}
        {written.map((s) => (
          <section key={s.id}>
            <h3>{s.label}</h3>
            <p className="prose">{data.defaultValue.sectors[s.id]}</p>
          </section>
        ))}
      </>
    );
  }
  return (
    <>
      <StageHeader guidance={data} />
      {back}
      <h2>{t("narrative.heading")}</h2>
      <p className="hint">{t("narrative.hint", { max: LONG_TEXT_MAX })}</p>
      <ElementFormFrame form={form} actionData={actionData} labels={labels} version={data.version} canEdit={data.canEdit}>
        {data.sectors.map((s) => {
          const field = sectorFields[s.id as keyof typeof sectorFields];
          return field ? <TextAreaField key={s.id} field={field} label={s.label} hint={t("common:forms.optional")} rows={4} /> : null;
        })}
      </ElementFormFrame>
    </>
  );
}
