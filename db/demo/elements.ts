import type { Kysely } from "kysely";
import type { DB } from "../schema";
import { newId } from "../../app/domain/ids";

export type AddElement = (
  kind: string,
  data: unknown,
  opts?: { parentId?: string | null; position?: number; id?: string },
) => Promise<string>;

/** Inserts demo elements directly (version 1, no revisions: the seed is the starting point). */
export function seedElements(db: Kysely<DB>, programId: number, userId: string): AddElement {
  const positions = new Map<string, number>();
  return async (kind, data, opts = {}) => {
    const id = opts.id ?? newId();
    const key = `${kind}:${opts.parentId ?? ""}`;
    const position = opts.position ?? positions.get(key) ?? 0;
    positions.set(key, position + 1);
    await db
      .insertInto("program_element")
      .values({
        id,
        program_id: programId,
        kind,
        parent_id: opts.parentId ?? null,
        position,
        data: JSON.stringify(data),
        version: 1,
        updated_at: new Date().toISOString(),
        updated_by: userId,
      })
      .execute();
    return id;
  };
}
