/** URL segment of each stage page under /programs/:id/ (routing, not methodology). */
export const stagePaths: Record<string, string> = {
  startup: "startup",
  working_group: "working-group",
  passport: "passport",
  situation: "situation",
  inclusive_lens: "lens",
  gender: "gender",
  consultations: "consultations",
  strategy: "strategy",
  action_plan: "actions",
  indicators: "indicators",
  financing: "financing",
  review: "review",
};

export function stageHref(programId: number | string, stageId: string): string {
  return `/programs/${programId}/${stagePaths[stageId] ?? stageId}`;
}
