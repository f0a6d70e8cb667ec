import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ProgramLink } from "~/components/program-link";
import { formatDateTime } from "~/domain/format";
import { useTranslation } from "react-i18next";
import { useStageForm } from "~/components/stage-form";
import { canJustifyCompliance, canRecordFinding, forbidden } from "~/auth/authorize.server";
import { requireProgram } from "~/services/program-access.server";
import { ErrorSummary, TextAreaField } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { evidenceText } from "~/domain/compliance/evidence-text";
import { checkFormSchema, justificationFormSchema } from "~/domain/compliance/forms";
import { unjustifiedBlockers } from "~/domain/compliance/run";
import { conflictLabels } from "~/domain/field-labels.server";
import { getT } from "~/i18n/i18n.server";
import { localize, methodology } from "~/methodology/templates.server";
import { compliancePage, recordFinding, recordFindings, saveJustification } from "~/services/compliance.server";
import type { ConflictInfo } from "~/services/element-form.server";
import { VersionConflict } from "~/services/elements.server";
import { ConflictPanel, formVersion, VersionInput, type ElementActionData } from "~/components/element-form";
import { readForm } from "~/http/read-form.server";
import { DownloadLink } from "~/components/download";
import { exportHref } from "~/domain/export-urls";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireProgram(request, params.programId);
  const { t, lang } = await getT(request);
  const { report, findings, versions } = await compliancePage(access.program.id);
  // "Failed and unjudged only" (?show=open): the rules that still need someone's attention.
  const openOnly = new URL(request.url).searchParams.get("show") === "open";
  const rules = report.rules.map((r) => ({
    id: r.rule.id,
    number: r.rule.number,
    group: r.rule.group,
    severity: r.rule.severity,
    text: localize(r.rule.text, lang),
    status: r.status,
    evidence: r.evidence.map((e) => ({ text: evidenceText(t, e, lang), href: e.href ?? null })),
    justification: r.justification ?? null,
    justificationVersion: versions[r.rule.id] ?? 0,
    finding: findings[r.rule.id] ?? null,
  }));
  const shown = openOnly ? rules.filter((r) => r.status === "fail" || !r.finding) : rules;
  return json({
    title: t("compliance:title"),
    programId: access.program.id,
    groups: methodology.compliance.groups.map((g) => ({ id: g.id, label: localize(g.label, lang) })),
    rules: shown,
    totalRules: rules.length,
    openOnly,
    canEdit: access.canEdit,
    blockersFailing: report.blockersFailing,
    warningsFailing: report.warningsFailing,
    unjustified: unjustifiedBlockers(report).map((r) => r.rule.number),
    canJustify: canJustifyCompliance(access.user, access.program),
    canRecordFinding: canRecordFinding(access.user, access.program),
    lang,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireProgram(request, params.programId);
  const formData = await readForm(request, { schema: checkFormSchema });
  const intent = formData.get("intent");
  if (intent === "justify" && !canJustifyCompliance(access.user, access.program)) throw forbidden();
  if ((intent === "finding" || intent === "findings") && !canRecordFinding(access.user, access.program)) throw forbidden();
  const submission = parseWithZod(formData, { schema: checkFormSchema });
  if (submission.status !== "success")
    return json({ result: submission.reply(), ruleId: String(formData.get("ruleId") ?? "") }, { status: 400 });
  const value = submission.value;
  if (value.intent === "findings") {
    const chosen = value.findings.filter((f) => f.verdict);
    const rules = new Set(methodology.compliance.rules.map((r) => r.id));
    if (chosen.some((f) => !rules.has(f.ruleId)))
      return json({ result: submission.reply({ formErrors: ["compliance:errors.unknownRule"] }), ruleId: "" }, { status: 400 });
    const findings = chosen.map((f) => ({ ruleId: f.ruleId, agree: f.verdict === "agree", comment: f.comment }));
    const recorded = await recordFindings({
      programId: access.program.id,
      userId: access.user.id,
      findings,
      agreeAllPassed: !!value.agreeAllPassed,
    });
    if (recorded === 0)
      return json({ result: submission.reply({ formErrors: ["compliance:errors.noVerdicts"] }), ruleId: "" }, { status: 400 });
    return redirect(`/programs/${access.program.id}/check?saved=finding`);
  }
  if (!methodology.compliance.rules.some((r) => r.id === value.ruleId))
    return json({ result: submission.reply({ formErrors: ["compliance:errors.unknownRule"] }), ruleId: value.ruleId }, { status: 400 });
  if (value.intent === "justify") {
    try {
      await saveJustification({
        programId: access.program.id,
        ruleId: value.ruleId,
        text: value.text ?? "",
        userId: access.user.id,
        expectedVersion: value.version,
      });
    } catch (error) {
      if (!(error instanceof VersionConflict) || !error.current) throw error;
      const conflict: ConflictInfo = {
        theirs: error.current.data,
        version: error.current.version,
        removed: false,
        labels: conflictLabels("compliance_justification", [error.current.data, submission.payload], (await getT(request)).t),
      };
      return json({ result: submission.reply({ formErrors: ["errors.conflict"] }), ruleId: value.ruleId, conflict }, { status: 409 });
    }
  } else
    await recordFinding({
      programId: access.program.id,
      ruleId: value.ruleId,
      agree: value.verdict === "agree",
      comment: value.comment,
      userId: access.user.id,
    });
  return redirect(`/programs/${access.program.id}/check?saved=${value.intent}#rule-${value.ruleId}`);
}

type Rule = ReturnType<typeof useLoaderData<typeof loader>>["rules"][number];
const statusTag = { pass: "tag--ok", fail: "tag--error", na: "tag--muted" } as const;

export default function CheckPage() {
  const { t } = useTranslation(["compliance", "common"]);
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {saved === "justify" || saved === "finding" ? (
        <p className="notice notice--success" role="status">
          {t(saved === "justify" ? "justification.saved" : "finding.saved")}
        </p>
      ) : null}
      <div className={`notice ${data.unjustified.length ? "notice--error" : "notice--success"}`}>
        <p>
          {data.blockersFailing + data.warningsFailing > 0
            ? t("summary", { blockers: data.blockersFailing, warnings: data.warningsFailing })
            : t("allPass")}
        </p>
        <p>{data.unjustified.length ? t("unjustifiedBlockers", { rules: data.unjustified.join(", ") }) : t("readyToSubmit")}</p>
      </div>
      <p>
        <DownloadLink href={exportHref(data.programId, "compliance")}>{t("exportDocx")}</DownloadLink>
      </p>
      {data.canRecordFinding ? <p className="hint">{t("finding.decisionHint")}</p> : null}
      <p className="view-switch">
        {data.openOnly ? (
          <ProgramLink to={`/programs/${data.programId}/check`}>{t("filter.all")}</ProgramLink>
        ) : (
          <ProgramLink to={`/programs/${data.programId}/check?show=open`}>{t("filter.open")}</ProgramLink>
        )}
        {data.openOnly ? <span className="hint">{t("filter.shown", { count: data.rules.length, total: data.totalRules })}</span> : null}
      </p>
      {data.canRecordFinding ? <FindingsError /> : null}
      {data.groups.map((g) => {
        const rules = data.rules.filter((r) => r.group === g.id);
        if (rules.length === 0) return null;
        const failing = rules.filter((r) => r.status === "fail").length;
        return (
          <section key={g.id} aria-labelledby={`group-${g.id}`} className="compliance-group">
            <h2 id={`group-${g.id}`}>
              {g.label} <span className="hint compliance-group__count">{t("groupCount", { failing, total: rules.length })}</span>
            </h2>
            {rules.map((r) => (
              <RuleBlock
                key={r.id}
                rule={r}
                index={data.rules.indexOf(r)}
                canEdit={data.canEdit}
                canJustify={data.canJustify}
                canRecordFinding={data.canRecordFinding}
              />
            ))}
          </section>
        );
      })}
      {data.canRecordFinding ? <FindingsForm /> : null}
    </>
  );
}

function RuleBlock({
  rule,
  index,
  canEdit,
  canJustify,
  canRecordFinding,
}: {
  rule: Rule;
  index: number;
  canEdit: boolean;
  canJustify: boolean;
  canRecordFinding: boolean;
}) {
  const { t, i18n } = useTranslation(["compliance", "common"]);
  return (
    <article id={`rule-${rule.id}`} className="compliance-rule" aria-labelledby={`rule-${rule.id}-title`}>
      <h3 id={`rule-${rule.id}-title`}>
        {t("ruleNumber", { number: rule.number })}. {rule.text}
      </h3>
      <p className="compliance-rule__tags">
        <span className={`tag ${statusTag[rule.status]}`} data-status={rule.status}>
          {t(`status.${rule.status}`)}
        </span>{" "}
        <span className={`tag ${rule.severity === "blocker" ? "tag--warn" : "tag--muted"}`}>{t(`severity.${rule.severity}`)}</span>{" "}
        {rule.justification ? <span className="tag tag--muted">{t("justification.justified")}</span> : null}
      </p>
      {rule.evidence.length ? (
        <ul className="compliance-evidence" aria-label={t("evidenceTitle")}>
          {rule.evidence.map((e, i) => (
            <li key={i}>
              {e.text}
              {e.href && canEdit ? (
                <>
                  {" "}
                  <ProgramLink to={e.href}>
                    {t("fixLink")}
                    <span className="visually-hidden">: {e.text}</span>
                  </ProgramLink>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {rule.justification && !canJustify ? (
        <div className="compliance-note">
          <p className="label">{t("justification.title")}</p>
          <p className="prose">{rule.justification.text}</p>
        </div>
      ) : null}
      {rule.status === "fail" && canJustify ? <JustificationForm rule={rule} /> : null}
      {rule.finding ? (
        <p className="compliance-note">
          <strong>{t("finding.title")}:</strong>{" "}
          {t("finding.latest", {
            verdict: t(rule.finding.agree ? "finding.agreed" : "finding.disagreed"),
            name: rule.finding.userName,
            date: formatDateTime(rule.finding.createdAt, i18n.language),
          })}
          {rule.finding.comment ? <span className="prose"> {rule.finding.comment}</span> : null}
        </p>
      ) : null}
      {canRecordFinding ? <VerdictFields rule={rule} index={index} /> : null}
    </article>
  );
}

function JustificationForm({ rule }: { rule: Rule }) {
  const { t, i18n } = useTranslation(["compliance", "common"]);
  const actionData = useActionData<typeof action>();
  const own = actionData?.ruleId === rule.id ? actionData : undefined;
  // A 409 reply carries the other editor's text; saving again after seeing it is deliberate.
  const reply: ElementActionData = { result: own?.result, conflict: own && "conflict" in own ? (own.conflict as ConflictInfo) : null };
  const [form, fields] = useStageForm({
    id: `justify-${rule.id}`,
    schema: justificationFormSchema,
    lastResult: own?.result,
    defaultValue: { intent: "justify", ruleId: rule.id, text: rule.justification?.text ?? "", version: rule.justificationVersion },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="compliance-form">
      <ConflictPanel actionData={reply} form={form} />
      <ErrorSummary form={form} labels={{ text: t("justification.label") }} />
      <input type="hidden" name="intent" value="justify" />
      <input type="hidden" name="ruleId" value={rule.id} />
      <VersionInput version={formVersion(rule.justificationVersion, reply)} />
      <TextAreaField
        field={fields.text}
        label={`${t("justification.label")} (${t("ruleNumber", { number: rule.number })})`}
        hint={t("justification.hint")}
        rows={3}
      />
      {rule.justification?.userName ? (
        <p className="hint">
          {t("justification.by", { name: rule.justification.userName, date: formatDateTime(rule.justification.updatedAt, i18n.language) })}
        </p>
      ) : null}
      <button type="submit" className="button button--secondary button--small">
        {t("justification.save")}
      </button>
    </Form>
  );
}

const FINDINGS_FORM = "findings-form";

/** Error of the one verdicts form, shown above the rules (the form itself is at the end). */
function FindingsError() {
  const { t } = useTranslation(["compliance", "common"]);
  const actionData = useActionData<typeof action>();
  const errors = actionData && !actionData.ruleId ? (actionData.result.error?.[""] ?? []) : [];
  return errors.length ? (
    <p className="notice notice--error" role="alert">
      {errors.map((e) => t(e))}
    </p>
  ) : null;
}

/** A rule's verdict: fields of the one form at the end of the page (the `form` attribute), so 35 rules need no 35 forms. */
function VerdictFields({ rule, index }: { rule: Rule; index: number }) {
  const { t } = useTranslation(["compliance", "common"]);
  const name = `findings[${index}]`;
  return (
    <div className="compliance-form">
      <input type="hidden" form={FINDINGS_FORM} name={`${name}.ruleId`} value={rule.id} />
      <fieldset className="field">
        <legend>
          {t("finding.verdict")} ({t("ruleNumber", { number: rule.number })})
        </legend>
        <div className="radios">
          {(["agree", "disagree"] as const).map((v) => (
            <label key={v}>
              <input type="radio" form={FINDINGS_FORM} name={`${name}.verdict`} value={v} /> {t(`finding.${v}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`finding-${rule.id}-comment`}>
          {t("finding.comment")} ({t("ruleNumber", { number: rule.number })})
        </label>
        <span className="hint">{t("common:forms.optional")}</span>
        <textarea id={`finding-${rule.id}-comment`} form={FINDINGS_FORM} name={`${name}.comment`} rows={2} maxLength={3000} />
      </div>
    </div>
  );
}

/** The one form of all verdicts: the rules' fields join it by their `form` attribute (works without JavaScript). */
function FindingsForm() {
  const { t } = useTranslation(["compliance", "common"]);
  return (
    <Form method="post" id={FINDINGS_FORM} className="compliance-form findings-form">
      <input type="hidden" name="intent" value="findings" />
      <div className="field field--checkbox">
        <input type="checkbox" id="agree-all-passed" name="agreeAllPassed" value="on" />
        <label htmlFor="agree-all-passed">{t("finding.agreeAllPassed")}</label>
        <span className="hint">{t("finding.agreeAllPassedHint")}</span>
      </div>
      <button type="submit" className="button">
        {t("finding.saveAll")}
      </button>
    </Form>
  );
}
