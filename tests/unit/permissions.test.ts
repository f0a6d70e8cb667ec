import { describe, expect, it } from "vitest";
import { roleHas, rolePermissions, roles } from "~/auth/permissions";
import { landingPath } from "~/auth/landing";
import { hasGlobalPermission, hasMunicipalPermission, municipalAccess } from "~/auth/authorize.server";
import type { CurrentUser } from "~/auth/session.server";
import type { Role } from "../../db/schema";

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

describe("permissions across municipalities (issue #16, defect 11)", () => {
  const SARY_BULAK = 2;
  const KOK_JAIYK = 1;
  const user = (memberships: { municipalityId: number | null; role: Role }[]): CurrentUser => ({
    id: "u",
    email: "u@example.kg",
    displayName: "U",
    language: "ru",
    mustChangePassword: false,
    memberships,
    sessionId: "s",
  });
  // Planner in Сары-Булак and council deputy in Кок-Жайык: the schema allows several memberships.
  const twoHats = user([
    { municipalityId: SARY_BULAK, role: "planner" },
    { municipalityId: KOK_JAIYK, role: "deputy" },
  ]);

  it("holds each permission only in the municipality of the membership that grants it", () => {
    expect(hasMunicipalPermission(twoHats, SARY_BULAK, "program:create")).toBe(true);
    expect(hasMunicipalPermission(twoHats, KOK_JAIYK, "program:create")).toBe(false);
    expect(hasMunicipalPermission(twoHats, KOK_JAIYK, "program:comment")).toBe(true);
    expect(hasMunicipalPermission(twoHats, 3, "program:read")).toBe(false);
  });

  it("never turns a municipal role into a permission everywhere", () => {
    expect(hasGlobalPermission(twoHats, "program:create")).toBe(false);
    expect(hasGlobalPermission(twoHats, "program:edit")).toBe(false);
    expect(hasGlobalPermission(user([{ municipalityId: null, role: "ministry" }]), "program:read-all-submitted")).toBe(true);
    expect(hasGlobalPermission(user([{ municipalityId: null, role: "admin" }]), "admin:manage")).toBe(true);
  });

  it("lets requireMunicipalPermission create programs only where the user plans", () => {
    expect(municipalAccess(twoHats, SARY_BULAK, "program:create")).toBe("ok");
    expect(municipalAccess(twoHats, KOK_JAIYK, "program:create")).toBe("forbidden");
    expect(municipalAccess(twoHats, 3, "program:create")).toBe("not-found");
    expect(municipalAccess(user([{ municipalityId: null, role: "ministry" }]), KOK_JAIYK, "program:create")).toBe("forbidden");
  });
});
