import type { StageGuidance } from "~/components/stage-header";
import type { UiLanguage } from "~/i18n/config";
import { localize, methodology } from "~/methodology/templates.server";

/** The title and guidance of a stage in the UI language, for the StageHeader. Also the page title. */
export function stageGuidance(stageId: string, lang: UiLanguage): StageGuidance & { title: string } {
  const stage = methodology.stages.find((s) => s.id === stageId);
  if (!stage) throw new Error(`Unknown stage ${stageId}`);
  const title = localize(stage.title, lang);
  return {
    title,
    stageId,
    stageTitle: title,
    stageOrder: stage.order,
    guidance: {
      what: localize(stage.guidance.what, lang),
      who: localize(stage.guidance.who, lang),
      produces: localize(stage.guidance.produces, lang),
    },
  };
}
