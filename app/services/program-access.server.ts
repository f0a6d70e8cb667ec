/**
 * What a program page starts from: the signed-in user, the program they may see, what they may
 * do with it (decided in app/auth/authorize.server.ts, the one place) and where to read its
 * elements from (live, or the frozen version named by `?version=`).
 */
import type { Program } from "../../db/schema";
import { authorizeProgram, requireUser } from "~/auth/authorize.server";
import type { CurrentUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { findProgram } from "~/models/program.server";
import { liveReader, versionReader, type ProgramReader } from "./program-reader.server";
import { notFound } from "~/http/expected-failure";

export interface ProgramAccess {
  user: CurrentUser;
  program: Program;
  canEdit: boolean;
  canComment: boolean;
  /** Where to read the program's elements: live, or the frozen version named by `?version=`. */
  read: ProgramReader;
}

/**
 * Loads a program the user may read; 404 otherwise. With `need: "edit"` a reader who may
 * not edit gets 403. A GET with `?version=<id>` reads that frozen version instead (title,
 * period and status as they were, nothing editable); an id of another program is a 404.
 */
export async function requireProgram(
  request: Request,
  programIdParam: string | undefined,
  need: "read" | "edit" | "edit-or-archived" = "read",
): Promise<ProgramAccess> {
  const user = await requireUser(request);
  const id = Number(programIdParam);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const { program: live, canEdit, canComment } = authorizeProgram(user, await findProgram(db, id), need);
  const versionParam = request.method === "GET" || request.method === "HEAD" ? new URL(request.url).searchParams.get("version") : null;
  if (versionParam === null) return { user, program: live, canEdit, canComment, read: liveReader(db, live.id) };
  const version = /^[1-9][0-9]{0,9}$/.test(versionParam) ? await versionReader(db, live.id, Number(versionParam)) : null;
  if (!version) throw notFound();
  const frozen = version.program;
  return {
    user,
    program: {
      ...live,
      title: frozen.title,
      start_year: frozen.start_year,
      end_year: frozen.end_year,
      language: frozen.language as Program["language"],
      status: version.reader.version!.status as Program["status"],
    },
    canEdit: false,
    canComment,
    read: version.reader,
  };
}
