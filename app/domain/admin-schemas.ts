/**
 * Forms of the admin pages: municipalities and accounts. Messages are i18n keys (see validation.ts).
 */
import { displayNameField, PASSWORD_MIN } from "~/auth/schemas";
import { isMunicipalRole } from "~/auth/permissions";
import type { Role } from "../../db/schema";
import { requiredText, z } from "./validation";

export const municipalityKinds = ["aiyl_aimak", "city", "district"] as const;
export const accountLanguages = ["ru", "ky", "en"] as const;
export const accountRoles = ["planner", "coordinator", "deputy", "ministry", "admin"] as const satisfies readonly Role[];

/**
 * `oblast` and `raion` are codes of templates/geography.json, picked from selects; the route also
 * checks them against the list and the raion against the oblast (domain/geography.ts, placeIssues),
 * which needs the server's templates. No raion: a city of oblast or republican significance.
 */
export const municipalitySchema = z.object({
  name_ru: requiredText(200),
  name_ky: requiredText(200),
  kind: z.enum(municipalityKinds),
  oblast: requiredText(200),
  raion: z.string().trim().max(200).default(""),
});
export type MunicipalityInput = z.infer<typeof municipalitySchema>;

const emailField = () => z.string().trim().toLowerCase().min(1).max(254).email();
const temporaryPasswordField = () => z.string().min(PASSWORD_MIN).max(200);

/**
 * A new account. Planners, coordinators and deputies belong to one municipality; ministry staff
 * and administrators act across municipalities, so they must not name one.
 */
export const accountSchema = z
  .object({
    email: emailField(),
    displayName: displayNameField(),
    language: z.enum(accountLanguages),
    role: z.enum(accountRoles),
    municipalityId: z.number().int().positive().optional(),
    password: temporaryPasswordField(),
  })
  .superRefine((v, ctx) => {
    if (isMunicipalRole(v.role) && v.municipalityId === undefined) {
      ctx.addIssue({ code: "custom", path: ["municipalityId"], message: "errors.municipalityRequired" });
    }
    if (!isMunicipalRole(v.role) && v.municipalityId !== undefined) {
      ctx.addIssue({ code: "custom", path: ["municipalityId"], message: "errors.municipalityNotAllowed" });
    }
  });
export type AccountInput = z.infer<typeof accountSchema>;

/** The small forms on an account's page; each posts its own `intent`. */
export const accountActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("setPassword"), password: temporaryPasswordField() }),
]);
export type AccountAction = z.infer<typeof accountActionSchema>;
