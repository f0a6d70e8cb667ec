/**
 * Issue #17, item 14: a municipality's oblast and raion become codes of templates/geography.json,
 * so every page and document names them in its own language (app/domain/geography.ts).
 *
 * The columns stay as they are; their values change. Free text typed before is matched by name
 * («Нарынская (пример)» → "naryn", «Кочкорский р-н» → "naryn.kochkor"); text that matches nothing
 * is kept unchanged, so no value is lost and pages show it as it was typed.
 */
import type { Kysely } from "kysely";
import { geoName, placeFromText } from "../../app/methodology/places.server";

type Row = { id: number; oblast: string; raion: string };

async function rewrite(db: Kysely<any>, change: (row: Row) => Pick<Row, "oblast" | "raion">): Promise<void> {
  const rows: Row[] = await db.selectFrom("municipality").select(["id", "oblast", "raion"]).execute();
  for (const row of rows) {
    const next = change(row);
    if (next.oblast !== row.oblast || next.raion !== row.raion)
      await db.updateTable("municipality").set(next).where("id", "=", row.id).execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await rewrite(db, (row) => placeFromText(row));
}

/** Back to Russian names (what a person would have typed); unmatched text was never changed. */
export async function down(db: Kysely<any>): Promise<void> {
  await rewrite(db, (row) => ({ oblast: geoName(row.oblast, "ru"), raion: geoName(row.raion, "ru") }));
}
