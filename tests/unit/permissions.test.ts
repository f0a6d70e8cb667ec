import { describe, expect, it } from "vitest";
import { roleHas, rolePermissions, roles } from "~/auth/permissions";
import { landingPath } from "~/auth/landing";

describe("role → permission map", () => {
  it("lets the working group edit and deputies only read and comment", () => {
    expect(roleHas("planner", "program:edit")).toBe(true);
    expect(roleHas("coordinator", "program:edit")).toBe(true);
    expect(roleHas("coordinator", "program:submit")).toBe(true);
    expect(roleHas("planner", "program:submit")).toBe(false);
    expect(roleHas("deputy", "program:read")).toBe(true);
    expect(roleHas("deputy", "program:comment")).toBe(true);
    expect(roleHas("deputy", "program:edit")).toBe(false);
  });

  it("never lets ministry staff or admins edit a program", () => {
    for (const role of ["ministry", "admin"] as const) {
      expect(roleHas(role, "program:edit")).toBe(false);
      expect(roleHas(role, "program:create")).toBe(false);
    }
    expect(roleHas("ministry", "compliance:record")).toBe(true);
    expect(roleHas("ministry", "program:read-all-submitted")).toBe(true);
    expect(roleHas("admin", "admin:manage")).toBe(true);
  });

  it("gives only admins account management", () => {
    for (const role of roles) expect(roleHas(role, "admin:manage")).toBe(role === "admin");
    expect(Object.keys(rolePermissions).sort()).toEqual([...roles].sort());
  });

  it("sends each role to its landing page", () => {
    expect(landingPath({ memberships: [{ role: "planner" }] })).toBe("/programs");
    expect(landingPath({ memberships: [{ role: "deputy" }] })).toBe("/programs");
    expect(landingPath({ memberships: [{ role: "ministry" }] })).toBe("/ministry");
    expect(landingPath({ memberships: [{ role: "admin" }] })).toBe("/admin");
  });
});
