/**
 * Passport T5, services and infrastructure: form schema and data.
 */
import { defaults, objectOf, version } from "./passport";
import { optionalText, z } from "./validation";

export function servicesFormSchema(rowIds: readonly string[] = defaults.services.map((r) => r.id)) {
  return z.object({
    version,
    rows: objectOf(rowIds, () =>
      z.object({
        villageIds: z.array(z.string().max(40)).max(60).default([]),
        coveragePct: z.number().min(0).max(100).optional(),
        gaps: optionalText(1000),
        groupsAffected: z.array(z.string().max(40)).max(30).default([]),
        pwdAccessible: z.boolean().default(false),
      }),
    ),
  });
}
export interface ServiceEntry { villageIds: string[]; coveragePct?: number; gaps?: string; groupsAffected: string[]; pwdAccessible: boolean }
export interface ServicesData { rows: Record<string, ServiceEntry> }
