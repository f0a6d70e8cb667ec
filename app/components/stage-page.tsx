/**
 * The frame every stage page that edits an element repeats, written once: the heading of a
 * stage's sub-page, and around the page's own fields the success notice, the conflict panel,
 * the error summary, the form with its version (and local draft) and the save button. A page
 * passes only what is its own: its title, its notes above the form, its fields.
 */
import { Form } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { useCanEdit } from "./can-edit";
import { ConflictPanel, formVersion, SaveButton, SavedNotice, VersionInput, type ElementActionData } from "./element-form";
import { ErrorSummary } from "./forms";
import type { AnyForm } from "./field-types";
import { ProgramLink } from "./program-link";

/**
 * Heading of a page inside a stage (a passport table, a lens block, the gender gaps): the stage it
 * belongs to above the title (plain or a link back), then what the page puts under its title (a
 * sub-navigation like the passport's, a lead).
 */
export function StageSubPageHeading({ stage, title, children }: { stage: ReactNode; title: ReactNode; children?: ReactNode }) {
  return (
    <>
      <span className="hint">{stage}</span>
      <h1>{title}</h1>
      {children}
    </>
  );
}

export interface ElementFormFrameProps {
  form: AnyForm;
  /** What the page's action returned: its Conform reply and, after a 409, the other person's values. */
  actionData: ElementActionData;
  /** Field labels for the error summary (name → label). */
  labels?: Record<string, string>;
  /** The element's version the page was loaded with. */
  version: number;
  /** Whether to show the save button; the program layout's answer by default. */
  canEdit?: boolean;
  /** Another label for the save button («Save the vision»). */
  saveLabel?: string;
  /** A link beside the save button to the page's delete confirmation (an existing node or action). */
  deleteLink?: { to: string; label: string } | null;
  /** Between the notices and the form: hints, plausibility flags, a totals table. */
  intro?: ReactNode;
  /** False where the page shows the «saved» notice itself, higher up (above a results table). */
  savedNotice?: boolean;
  /** The form's own hidden fields that go before the version (a second form on the page says which it is). */
  hidden?: ReactNode;
  children: ReactNode;
}

/** Notices, error summary and the form around an element's fields, with its version and save button. */
export function ElementFormFrame(props: ElementFormFrameProps) {
  const { form, actionData, labels, version, intro, hidden, children, savedNotice = true } = props;
  return (
    <>
      {savedNotice ? <SavedNotice /> : null}
      <ConflictPanel actionData={actionData} form={form} />
      <ErrorSummary form={form} labels={labels} />
      {intro}
      <Form method="post" {...getFormProps(form)}>
        {hidden}
        <VersionInput version={formVersion(version, actionData)} />
        {children}
        <FormButtons show={props.canEdit} saveLabel={props.saveLabel} deleteLink={props.deleteLink} />
      </Form>
    </>
  );
}

function FormButtons({
  show,
  saveLabel,
  deleteLink,
}: {
  show?: boolean;
  saveLabel?: string;
  deleteLink?: { to: string; label: string } | null;
}) {
  const layoutCanEdit = useCanEdit();
  if (!(show ?? layoutCanEdit)) return null;
  if (!deleteLink) return <SaveButton show label={saveLabel} />;
  return (
    <div className="button-group">
      <SaveButton show label={saveLabel} />
      <ProgramLink to={deleteLink.to} className="button button--warning">
        {deleteLink.label}
      </ProgramLink>
    </div>
  );
}
