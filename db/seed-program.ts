import type { Db } from "./client";

/** The demo program of Кок-Жайык; filled stage by stage as the stages are built. */
export async function seedDemoProgram(_db: Db, _municipalityId: number): Promise<void> {}
