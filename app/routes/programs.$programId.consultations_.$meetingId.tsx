import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { SelectField, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { RowList } from "~/components/row-list";
import { ElementFormFrame } from "~/components/stage-page";
import { requireProgram, type ProgramAccess } from "~/services/program-access.server";
import { CONSULTATIONS_KIND, consultationsOf, meetingFormSchema, type Meeting, type MeetingLimits } from "~/domain/consultations";
import { newId } from "~/domain/ids";
import { problemsOf, villagesOf } from "~/domain/element-kinds";
import { one, type ProgramData } from "~/domain/program-data";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm, withRowIds } from "~/services/element-form.server";
import { notFound } from "~/http/expected-failure";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

function limitsOf(data: ProgramData): MeetingLimits {
  return {
    endYear: data.program.endYear,
    formatIds: methodology.reference.consultationFormats.map((f) => f.id),
    villageIds: villagesOf(data).map((v) => v.id),
    problemIds: problemsOf(data).map((p) => p.id),
  };
}

/** "new" adds a meeting; any other id must be an existing meeting (404 otherwise). */
function findMeeting(data: ProgramData, meetingId: string | undefined): Meeting | null {
  if (meetingId === "new") return null;
  const meeting = consultationsOf(data).find((m) => m.id === meetingId);
  if (!meeting) throw notFound();
  return meeting;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, canEdit, read } = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const data = await read.programData();
  const meeting = findMeeting(data, params.meetingId);
  const heading = meeting ? t("analysis:consultations.editTitle", { date: meeting.date }) : t("analysis:consultations.newTitle");
  return json({
    title: heading,
    heading,
    programId: program.id,
    canEdit,
    version: one(data, CONSULTATIONS_KIND)?.version ?? 0,
    limits: limitsOf(data),
    villages: villagesOf(data).map((v) => ({ value: v.id, label: v.name })),
    problems: problemsOf(data).map((p) => ({ value: p.id, label: p.title })),
    formats: methodology.reference.consultationFormats.map((f) => ({ value: f.id, label: localize(f.label, lang) })),
    defaultValue: meeting ?? { priorities: [] },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireProgram(request, params.programId, "edit");
  const data = await access.read.programData();
  const existing = findMeeting(data, params.meetingId);
  const meetings = consultationsOf(data);
  return handleElementForm({
    request,
    params,
    kind: CONSULTATIONS_KIND,
    singleton: true,
    schema: meetingFormSchema(limitsOf(data)),
    toData: ({ version: _v, id: _id, ...value }, _a: ProgramAccess) => {
      const meeting: Meeting = { ...value, id: existing?.id ?? newId(), priorities: withRowIds(value.priorities, newId) };
      // The whole stage is one element: replace this meeting in place, or append a new one.
      return { meetings: existing ? meetings.map((m) => (m.id === existing.id ? meeting : m)) : [...meetings, meeting] };
    },
    redirectTo: () => `/programs/${access.program.id}/consultations`,
  });
}

export default function MeetingPage() {
  const { t } = useTranslation(["analysis", "common"]);
  const data = useLoaderData<typeof loader>();
  const { form, fields, actionData } = useElementForm("meeting", meetingFormSchema(data.limits), data.defaultValue);
  const labels = {
    date: t("consultations.date"),
    villageId: t("consultations.village"),
    format: t("consultations.format"),
    title: t("consultations.title"),
    men: t("consultations.men"),
    women: t("consultations.women"),
    pwd: t("consultations.pwd"),
    youth: t("consultations.youth"),
    "priorities[].text": t("consultations.priorityText"),
    "priorities[].votes": t("consultations.votes"),
    "priorities[].problemId": t("consultations.problem"),
  };
  const back = (
    <p>
      <ProgramLink to={`/programs/${data.programId}/consultations`}>{t("consultations.back")}</ProgramLink>
    </p>
  );
  if (!data.canEdit) {
    return (
      <>
        {back}
        <h1>{data.heading}</h1>
      </>
    );
  }
  return (
    <>
      {back}
      <h1>{data.heading}</h1>
      <ElementFormFrame form={form} actionData={actionData} labels={labels} version={data.version} canEdit={data.canEdit}>
        <div className="two-col">
          <TextField field={fields.date} label={labels.date} type="date" hint={t("consultations.dateHint", { end: data.limits.endYear })} />
          <SelectField field={fields.format} label={labels.format} options={data.formats} placeholder={t("common:forms.choose")} />
          <SelectField
            field={fields.villageId}
            label={labels.villageId}
            options={data.villages}
            placeholder={t("consultations.allVillages")}
          />
          <TextField field={fields.title} label={labels.title} hint={t("common:forms.optional")} />
        </div>
        <p className="hint">{t("consultations.countsHint")}</p>
        <div className="two-col">
          <TextField field={fields.men} label={labels.men} type="number" inputMode="numeric" />
          <TextField field={fields.women} label={labels.women} type="number" inputMode="numeric" />
          <TextField field={fields.pwd} label={labels.pwd} type="number" inputMode="numeric" />
          <TextField field={fields.youth} label={labels.youth} type="number" inputMode="numeric" />
        </div>
        <h2>{t("consultations.prioritiesHeading")}</h2>
        <p className="hint">{data.problems.length > 0 ? t("consultations.prioritiesHint") : t("consultations.noProblems")}</p>
        <RowList
          form={form}
          name={fields.priorities.name}
          rows={fields.priorities.getFieldList()}
          addLabel={t("consultations.addPriority")}
          rowLabel={(i) => t("consultations.priorityRow", { n: i + 1 })}
        >
          {(row) => {
            const f = row.getFieldset();
            return (
              <>
                <input type="hidden" name={f.id.name} value={f.id.value ?? ""} />
                <TextField field={f.text} label={labels["priorities[].text"]} />
                <div className="two-col">
                  <SelectField
                    field={f.problemId}
                    label={labels["priorities[].problemId"]}
                    options={data.problems}
                    placeholder={t("consultations.notLinked")}
                  />
                  <TextField
                    field={f.votes}
                    label={labels["priorities[].votes"]}
                    type="number"
                    inputMode="numeric"
                    hint={t("common:forms.optional")}
                  />
                </div>
              </>
            );
          }}
        </RowList>
      </ElementFormFrame>
    </>
  );
}
