/**
 * Role → permission map. Pure, shared by server checks and by the UI (to hide buttons),
 * but only the server decides: see authorize.server.ts.
 */
import type { Role } from "../../db/schema";

export const permissions = [
  "program:read",
  "program:edit",
  "program:create",
  "program:submit",
  "program:comment",
  "program:read-all-submitted",
  "compliance:record",
  "team:manage",
  "admin:manage",
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  planner: ["program:read", "program:edit", "program:create", "program:comment"],
  coordinator: ["program:read", "program:edit", "program:create", "program:comment", "program:submit", "team:manage"],
  deputy: ["program:read", "program:comment"],
  ministry: ["program:read-all-submitted", "program:comment", "compliance:record"],
  admin: ["admin:manage"],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** Roles whose membership names a municipality. Ministry and admin act across municipalities. */
export function isMunicipalRole(role: Role): boolean {
  return role === "planner" || role === "coordinator" || role === "deputy";
}

export const roles: readonly Role[] = ["planner", "coordinator", "deputy", "ministry", "admin"];
