import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useElementForm } from "~/components/stage-form";
import { requireProgram } from "~/services/program-access.server";
import { CheckboxField, CheckboxGroup } from "~/components/checkboxes";
import { SelectField, TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { RowList } from "~/components/row-list";
import { StageHeader } from "~/components/stage-header";
import { ElementFormFrame } from "~/components/stage-page";
import { formatNumber, formatPercent } from "~/domain/format";
import { newId } from "~/domain/ids";
import { vulnerableGroupsPresent } from "~/domain/element-kinds";
import {
  compositionCheck,
  WORKING_GROUP_KIND,
  workingGroupFormSchema,
  type Composition,
  type Member,
  type WorkingGroupData,
} from "~/domain/working-group";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { handleElementForm, withRowIds } from "~/services/element-form.server";
import { stageGuidance } from "~/services/stage-guidance.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { canEdit, read } = await requireProgram(request, params.programId);
  const { lang } = await getT(request);
  const element = await read.singleton(WORKING_GROUP_KIND);
  const saved = element ? (JSON.parse(element.data) as WorkingGroupData) : null;
  const ref = methodology.reference;
  const opts = (items: readonly { id: string; label: Parameters<typeof localize>[0] }[]) =>
    items.map((i) => ({ value: i.id, label: localize(i.label, lang) }));
  return json({
    ...stageGuidance("working_group", lang),
    canEdit,
    lang,
    version: element?.version ?? 0,
    defaultValue: saved ?? { members: [], calendar: [] },
    thresholds: methodology.thresholds.workingGroup,
    groupsPresent: vulnerableGroupsPresent(await read.programData()),
    options: { groups: opts(ref.vulnerableGroups), roles: opts(ref.workingGroupRoles), sexes: opts(ref.sexes) },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleElementForm({
    request,
    params,
    kind: WORKING_GROUP_KIND,
    singleton: true,
    schema: workingGroupFormSchema,
    toData: ({ version: _v, ...data }) => ({ members: withRowIds(data.members, newId), calendar: withRowIds(data.calendar, newId) }),
  });
}

/** Form values are strings while typing; the check needs members as data. */
function membersFromForm(value: unknown): Pick<Member, "sex" | "age" | "youth" | "pwd" | "groups">[] {
  const rows = ((value as { members?: unknown[] } | undefined)?.members ?? []) as Record<string, unknown>[];
  return rows.filter(Boolean).map((r) => {
    const age = Number(r.age);
    const groups = r.groups === undefined ? [] : Array.isArray(r.groups) ? (r.groups as string[]) : [String(r.groups)];
    const yes = (v: unknown) => v === true || v === "on";
    return {
      sex: r.sex === "f" ? "f" : "m",
      age: r.age !== "" && r.age != null && Number.isFinite(age) ? age : undefined,
      youth: yes(r.youth),
      pwd: yes(r.pwd),
      groups,
    };
  });
}

export default function WorkingGroupStage() {
  const { t } = useTranslation(["stages", "common"]);
  const data = useLoaderData<typeof loader>();
  const { form, fields, actionData } = useElementForm("working-group", workingGroupFormSchema, data.defaultValue);
  const members = fields.members.getFieldList();
  const calendar = fields.calendar.getFieldList();
  const composition = compositionCheck(membersFromForm(form.value ?? data.defaultValue), data.thresholds, data.groupsPresent);
  const labels = {
    "members[].fullName": t("wg.fullName"),
    "members[].position": t("wg.position"),
    "members[].organisation": t("wg.organisation"),
    "members[].sex": t("wg.sex"),
    "members[].roleId": t("wg.role"),
    "members[].age": t("wg.age"),
    "members[].groups": t("wg.groups"),
    "calendar[].activity": t("wg.activity"),
    "calendar[].start": t("wg.start"),
    "calendar[].end": t("wg.end"),
    "calendar[].responsible": t("wg.responsible"),
  };
  return (
    <>
      <StageHeader guidance={data} />
      <ElementFormFrame
        form={form}
        actionData={actionData}
        labels={labels}
        version={data.version}
        canEdit={data.canEdit}
        intro={<CompositionTable composition={composition} thresholds={data.thresholds} groups={data.options.groups} lang={data.lang} />}
      >
        <h2>{t("wg.membersTitle")}</h2>
        <p className="hint">{t("wg.membersHint")}</p>
        <RowList
          form={form}
          name={fields.members.name}
          rows={members}
          addLabel={t("wg.addMember")}
          rowLabel={(i) => t("wg.memberRow", { n: i + 1 })}
        >
          {(row) => {
            const f = row.getFieldset();
            return (
              <>
                <input type="hidden" name={f.id.name} value={f.id.value ?? ""} />
                <TextField field={f.fullName} label={labels["members[].fullName"]} />
                <div className="two-col">
                  <TextField field={f.position} label={labels["members[].position"]} />
                  <TextField field={f.organisation} label={labels["members[].organisation"]} />
                  <SelectField
                    field={f.sex}
                    label={labels["members[].sex"]}
                    options={data.options.sexes}
                    placeholder={t("common:forms.choose")}
                  />
                  <SelectField
                    field={f.roleId}
                    label={labels["members[].roleId"]}
                    options={data.options.roles}
                    placeholder={t("common:forms.choose")}
                  />
                  <TextField
                    field={f.age}
                    label={labels["members[].age"]}
                    type="number"
                    inputMode="numeric"
                    hint={t("common:forms.optional")}
                  />
                  <div>
                    <CheckboxField field={f.youth} label={t("wg.youthFlag", { max: data.thresholds.youthMaxAge })} />
                    <CheckboxField field={f.pwd} label={t("wg.pwd")} />
                  </div>
                </div>
                <CheckboxGroup field={f.groups} legend={labels["members[].groups"]} options={data.options.groups} />
              </>
            );
          }}
        </RowList>
        <h2>{t("wg.calendarTitle")}</h2>
        <RowList
          form={form}
          name={fields.calendar.name}
          rows={calendar}
          addLabel={t("wg.addActivity")}
          rowLabel={(i) => t("wg.activityRow", { n: i + 1 })}
        >
          {(row) => {
            const f = row.getFieldset();
            return (
              <>
                <input type="hidden" name={f.id.name} value={f.id.value ?? ""} />
                <TextField field={f.activity} label={labels["calendar[].activity"]} />
                <div className="two-col">
                  <TextField field={f.start} label={labels["calendar[].start"]} type="date" />
                  <TextField field={f.end} label={labels["calendar[].end"]} type="date" />
                </div>
                <TextField field={f.responsible} label={labels["calendar[].responsible"]} />
              </>
            );
          }}
        </RowList>
      </ElementFormFrame>
    </>
  );
}

function CompositionTable({
  composition,
  thresholds,
  groups,
  lang,
}: {
  composition: Composition;
  thresholds: { minWomenShare: number; minYouthShare: number; minPwdMembers: number };
  groups: { value: string; label: string }[];
  lang: string;
}) {
  const { t } = useTranslation("stages");
  const name = (id: string) => groups.find((g) => g.value === id)?.label ?? id;
  const list = (ids: string[]) => (ids.length ? ids.map(name).join(", ") : "—");
  const row = (id: string) => composition.checks.find((c) => c.id === id)!;
  const rows = [
    {
      id: "women",
      value: `${composition.women} (${formatPercent(row("women").value, lang)})`,
      need: `≥ ${formatPercent(thresholds.minWomenShare, lang)}`,
    },
    {
      id: "youth",
      value: `${composition.youth} (${formatPercent(row("youth").value, lang)})`,
      need: `≥ ${formatPercent(thresholds.minYouthShare, lang)}`,
    },
    { id: "pwd", value: formatNumber(composition.pwd, lang), need: `≥ ${formatNumber(thresholds.minPwdMembers, lang)}` },
    {
      id: "groups",
      value: list(composition.groupsRepresented),
      need: composition.groupsMissing.length
        ? t("wg.check.missing", { groups: list(composition.groupsMissing) })
        : t("wg.check.groupsNeed"),
    },
  ];
  return (
    <section aria-labelledby="composition-title">
      <h2 id="composition-title">{t("wg.compositionTitle")}</h2>
      <p className="hint">{t("wg.compositionHint", { n: composition.total })}</p>
      <TableScroll labelledBy="composition-title">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("wg.check.what")}</th>
              <th scope="col">{t("wg.check.value")}</th>
              <th scope="col">{t("wg.check.need")}</th>
              <th scope="col">{t("wg.check.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{t(`wg.check.${r.id}`)}</th>
                <td>{r.value}</td>
                <td>{r.need}</td>
                <td>
                  <span className={`tag ${row(r.id).ok ? "tag--ok" : "tag--warn"}`}>
                    {row(r.id).ok ? t("wg.check.ok") : t("wg.check.warning")}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
