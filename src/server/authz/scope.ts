import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { scopeOf, type TAction, type TPrincipal } from "./matrix";

// Scope filters: the same matrix, expressed as Prisma where-clauses, so a query can
// never return rows outside the caller's scope. A role without the action matches nothing.

const NOTHING = { id: { in: [] as string[] } };

export function organizationScope(principal: TPrincipal, action: TAction): Prisma.OrganizationWhereInput {
  const scope = scopeOf(principal.role, action);
  switch (scope) {
    case "city":
      return {};
    case "district":
      return principal.regionPath ? { region: { path: { startsWith: principal.regionPath } } } : NOTHING;
    case "organization":
      return principal.organizationId ? { id: principal.organizationId } : NOTHING;
    default:
      return NOTHING;
  }
}

export function regionScope(principal: TPrincipal, action: TAction): Prisma.RegionWhereInput {
  const scope = scopeOf(principal.role, action);
  switch (scope) {
    case "city":
      return {};
    case "district":
      return principal.regionPath ? { path: { startsWith: principal.regionPath } } : NOTHING;
    default:
      return NOTHING;
  }
}

export function userScope(principal: TPrincipal, action: TAction): Prisma.UserWhereInput {
  const scope = scopeOf(principal.role, action);
  switch (scope) {
    case "city":
      return {};
    case "self":
      return { id: principal.id };
    default:
      return NOTHING;
  }
}

/** Practitioners: district by the employer's region path, organisation by employer, self by id. */
export function practitionerScope(principal: TPrincipal, action: TAction): Prisma.PractitionerWhereInput {
  const scope = scopeOf(principal.role, action);
  switch (scope) {
    case "city":
      return {};
    case "district":
      return principal.regionPath ? { regionPath: { startsWith: principal.regionPath } } : NOTHING;
    case "organization":
      return principal.organizationId ? { organizationId: principal.organizationId } : NOTHING;
    case "self":
      return principal.practitionerId ? { id: principal.practitionerId } : NOTHING;
    default:
      return NOTHING;
  }
}

/** Posts: district by the post's region path, organisation by the department or institution holding it. */
export function postScope(principal: TPrincipal, action: TAction): Prisma.PostWhereInput {
  const scope = scopeOf(principal.role, action);
  switch (scope) {
    case "city":
      return {};
    case "district":
      return principal.regionPath ? { regionPath: { startsWith: principal.regionPath } } : NOTHING;
    case "organization":
      return principal.organizationId ? { organizationId: principal.organizationId } : NOTHING;
    default:
      return NOTHING;
  }
}

/** Agency applications: district by the district they were filed in. */
export function applicationScope(principal: TPrincipal, action: TAction): Prisma.AgencyApplicationWhereInput {
  const scope = scopeOf(principal.role, action);
  switch (scope) {
    case "city":
      return {};
    case "district":
      return principal.regionPath ? { regionPath: { startsWith: principal.regionPath } } : NOTHING;
    default:
      return NOTHING;
  }
}

/**
 * Association memberships: district by where the member is (the agency's region, or the
 * practitioner's employer's region), organisation by the agency itself or its staff.
 */
export function membershipScope(principal: TPrincipal, action: TAction): Prisma.AssociationMembershipWhereInput {
  const scope = scopeOf(principal.role, action);
  switch (scope) {
    case "city":
      return {};
    case "district":
      return principal.regionPath
        ? { OR: [{ organization: { region: { path: { startsWith: principal.regionPath } } } }, { practitioner: { regionPath: { startsWith: principal.regionPath } } }] }
        : NOTHING;
    case "organization":
      return principal.organizationId ? { OR: [{ organizationId: principal.organizationId }, { practitioner: { organizationId: principal.organizationId } }] } : NOTHING;
    default:
      return NOTHING;
  }
}
