import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { ElementFormFrame } from "~/components/stage-page";
import { requireProgram } from "~/services/program-access.server";
import { type ElementActionData } from "~/components/element-form";
import { requiredText, z } from "~/domain/validation";
import { conflictLabels } from "~/domain/field-labels.server";
import { getT } from "~/i18n/i18n.server";
import type { ConflictInfo } from "~/services/element-form.server";
import { VersionConflict } from "~/services/elements.server";
import { updateProgramMeta } from "~/services/programs.server";
import { readForm } from "~/http/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

const settingsSchema = z.discriminatedUnion("intent", [
  // `version`: the program's version the form was loaded with (a stale rename gets a conflict).
  z.object({ intent: z.literal("rename"), title: requiredText(300), version: z.number().int().min(0) }),
  z.object({ intent: z.literal("archive") }),
  z.object({ intent: z.literal("unarchive") }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, canEdit } = await requireProgram(request, params.programId);
  const { t } = await getT(request);
  return json({
    title: t("program:settings.title"),
    programTitle: program.title,
    version: program.version,
    archived: !!program.archived_at,
    canEdit,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { program, user } = await requireProgram(request, params.programId, "edit-or-archived");
  const submission = parseWithZod(await readForm(request, { schema: settingsSchema }), { schema: settingsSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const v = submission.value;
  if (v.intent === "rename") {
    try {
      await updateProgramMeta(program.id, { title: v.title }, user.id, v.version);
    } catch (error) {
      if (!(error instanceof VersionConflict) || !error.current) throw error;
      const conflict: ConflictInfo = {
        theirs: error.current.data,
        version: error.current.version,
        removed: false,
        labels: conflictLabels("program", [error.current.data, submission.payload], (await getT(request)).t),
      };
      return json({ ...submission.reply({ formErrors: ["errors.conflict"] }), conflict }, { status: 409 });
    }
  } else await updateProgramMeta(program.id, { archived_at: v.intent === "archive" ? new Date().toISOString() : null }, user.id);
  return redirect(v.intent === "archive" ? "/programs" : `/programs/${program.id}/settings?saved=1`);
}

export default function ProgramSettings() {
  const { t } = useTranslation(["program", "common"]);
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "rename",
    lastResult,
    defaultValue: { title: data.programTitle, intent: "rename" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: settingsSchema }),
  });
  // A 409 reply carries the other editor's values beside the form's (see the action).
  const conflictReply: ElementActionData = {
    result: lastResult,
    conflict: lastResult && "conflict" in lastResult ? (lastResult.conflict as ConflictInfo) : null,
  };
  if (!data.canEdit && !data.archived) return <p>{t("common:programs.readOnly")}</p>;
  return (
    <>
      <h1>{t("settings.title")}</h1>
      {/* An archived program cannot be renamed (unarchiving comes back here with «saved»). */}
      {!data.archived ? (
        <ElementFormFrame
          form={form}
          actionData={conflictReply}
          labels={{ title: t("common:programs.titleLabel") }}
          version={data.version}
          canEdit={data.canEdit}
          saveLabel={t("settings.rename")}
          hidden={<input type="hidden" name="intent" value="rename" />}
        >
          <TextField field={fields.title} label={t("common:programs.titleLabel")} />
        </ElementFormFrame>
      ) : null}
      <h2>{t("settings.archiveTitle")}</h2>
      <p>{data.archived ? t("settings.archivedHint") : t("settings.archiveHint")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value={data.archived ? "unarchive" : "archive"} />
        <button type="submit" className={data.archived ? "button button--secondary" : "button button--warning"}>
          {data.archived ? t("settings.unarchive") : t("settings.archive")}
        </button>
      </Form>
    </>
  );
}
