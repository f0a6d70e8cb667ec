/**
 * What the workspace tells about the review (components/workflow-notice.tsx). Server-only so the
 * workspace's client bundle does not pull in the workflow table and its zod schemas.
 */
import type { Program, Role } from "../../db/schema";
import type { WorkflowNoticeData } from "~/components/workflow-notice";
import { nextSteps, openRequest } from "~/domain/workflow";
import { listTransitions } from "./workflow.server";
import { db } from "~/db.server";

export async function workflowNotice(program: Pick<Program, "id" | "status">, roles: readonly Role[]): Promise<WorkflowNoticeData> {
  const request = openRequest(await listTransitions(db, program.id));
  return {
    status: program.status,
    request: request
      ? { action: request.action, comment: request.comment, userName: request.userName, createdAt: request.created_at }
      : null,
    ...nextSteps(program.status, roles),
  };
}
