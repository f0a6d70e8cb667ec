import { rolesOf } from "./user-summary";
import type { Role } from "../../db/schema";

/** Where each role starts: the working group and deputies at their programs, the others at their desks. */
export function landingPath(user: { memberships: { role: Role }[] }): string {
  const roles = rolesOf(user);
  if (roles.includes("coordinator") || roles.includes("planner") || roles.includes("deputy")) return "/programs";
  if (roles.includes("ministry")) return "/ministry";
  if (roles.includes("admin")) return "/admin";
  return "/account/password";
}
