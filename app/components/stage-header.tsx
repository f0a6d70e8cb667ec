import { useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommentLink } from "./comment-link";

export interface StageGuidance {
  stageId: string;
  stageTitle: string;
  stageOrder: number;
  guidance: { what: string; who: string; produces: string };
}

/** Title of a stage page with its guidance from templates/stages.json, folded away after the first read. */
export function StageHeader({ guidance }: { guidance: StageGuidance }) {
  const { t } = useTranslation("program");
  const { programId } = useParams();
  return (
    <>
      <span className="hint">{t("stage.caption", { n: guidance.stageOrder })}</span>
      <h1>{guidance.stageTitle}</h1>
      {programId ? (
        <p className="stage-comments">
          <CommentLink programId={programId} elementId={`stage:${guidance.stageId}`} />
        </p>
      ) : null}
      <details className="guidance">
        <summary>{t("stage.guidance")}</summary>
        <p>{guidance.guidance.what}</p>
        <dl className="summary-list">
          <dt>{t("workspace.who")}</dt>
          <dd>{guidance.guidance.who}</dd>
          <dt>{t("workspace.produces")}</dt>
          <dd>{guidance.guidance.produces}</dd>
        </dl>
      </details>
    </>
  );
}
