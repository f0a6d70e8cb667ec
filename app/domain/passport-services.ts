/**
 * Passport T5, services and infrastructure: form schema and data.
 */
import { objectOf, version } from "./passport";
import { oneOf, optionalText, z } from "./validation";

/** `allowed`: the villages of T2 and the template's vulnerable groups, the only ids a row may name. */
export function servicesFormSchema(rowIds: readonly string[], allowed: { villageIds: readonly string[]; groupIds: readonly string[] }) {
  return z.object({
    version,
    rows: objectOf(rowIds, () =>
      z.object({
        villageIds: z.array(oneOf(allowed.villageIds)).max(60).default([]),
        coveragePct: z.number().min(0).max(100).optional(),
        gaps: optionalText(1000),
        groupsAffected: z.array(oneOf(allowed.groupIds)).max(30).default([]),
        pwdAccessible: z.boolean().default(false),
      }),
    ),
  });
}
export interface ServiceEntry {
  villageIds: string[];
  coveragePct?: number;
  gaps?: string;
  groupsAffected: string[];
  pwdAccessible: boolean;
}
export interface ServicesData {
  rows: Record<string, ServiceEntry>;
}
