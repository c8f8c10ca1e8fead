import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TAction, TPrincipal } from "@/domain/authz/matrix";
import { organizationScope, practitionerScope } from "@/server/authz/scope";

// Rotation lists belong to government departments; a list (and its entries) is in a caller's scope
// when its department is: the city any, a district those in it, a department officer their own
// department (rotation.manage: organisation) or their department and those it supervises
// (rotation.read: department). The matrix decides which; organizationScope writes the filter.

/** Government departments whose lists the caller may read (rotation.read) or keep (rotation.manage). */
export function rotationDepartmentScope(principal: TPrincipal, action: TAction): Prisma.OrganizationWhereInput {
  return { AND: [{ kind: "GOVERNMENT_DEPARTMENT" }, organizationScope(principal, action)] };
}

/** Entries of the lists in the caller's scope. */
export function rotationEntryScope(principal: TPrincipal, action: TAction): Prisma.RotationListEntryWhereInput {
  return { organization: rotationDepartmentScope(principal, action) };
}

/**
 * Whom a caller may put on a department's list: people employed by that department, within the
 * caller's scope for rotation.manage (a department officer: their own department's staff).
 */
export function listablePeople(principal: TPrincipal, departmentId: string): Prisma.PractitionerWhereInput {
  return { AND: [practitionerScope(principal, "rotation.manage"), { organizationId: departmentId }] };
}
