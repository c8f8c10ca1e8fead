import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { scopeOf, type TAction, type TPrincipal } from "@/domain/authz/matrix";

// Which calls a caller reaches for an action: the city every call, a district officer the calls of
// their district (regionPath), a department officer the calls their department commissioned, an
// expert ("self") the calls on whose panel they sit. Proposals and contracts follow their call.

const NOTHING: Prisma.ServiceCallWhereInput = { id: { in: [] } };

export function callScope(principal: TPrincipal, action: TAction): Prisma.ServiceCallWhereInput {
  switch (scopeOf(principal.role, action)) {
    case "city":
      return {};
    case "district":
      return principal.regionPath ? { regionPath: { startsWith: principal.regionPath } } : NOTHING;
    case "department":
      return principal.organizationId ? { departmentId: principal.organizationId } : NOTHING;
    case "self":
      return { panel: { some: { userId: principal.id } } };
    default:
      return NOTHING;
  }
}

/** Calls on whose panel the caller sits (what /scoring lists and the score page opens). */
export function myPanelCalls(principal: TPrincipal): Prisma.ServiceCallWhereInput {
  return scopeOf(principal.role, "proposals.score") ? { panel: { some: { userId: principal.id } } } : NOTHING;
}
