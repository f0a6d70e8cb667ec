import type { Role } from "../../db/schema";

/** The distinct roles of a user, in a stable order, for the header and the landing page. */
export function rolesOf(user: { memberships: { role: Role }[] }): Role[] {
  const order: Role[] = ["coordinator", "planner", "deputy", "ministry", "admin"];
  const held = new Set(user.memberships.map((m) => m.role));
  return order.filter((r) => held.has(r));
}
