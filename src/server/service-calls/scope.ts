import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { scopeOf, type TAction, type TPrincipal } from "@/domain/authz/matrix";

// Scope filters of calls and proposals (the shape of src/server/authz/scope.ts): district by the
// call's region path, department by the commissioning department (ServiceCall.departmentId), an
// agency its own proposals, an expert (self) only the calls whose panel they sit on.

const NOTHING = { id: { in: [] as string[] } };

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

/**
 * The calls the caller may read: within serviceCalls.read, and drafts only where they may manage
 * them (an agency's "city" scope is every published call, never a draft).
 */
export function visibleCalls(principal: TPrincipal): Prisma.ServiceCallWhereInput {
  const read = callScope(principal, "serviceCalls.read");
  const manage = scopeOf(principal.role, "serviceCalls.manage");
  if (!manage) return { AND: [read, { publishedAt: { not: null } }] };
  // (An empty where inside OR matches nothing in Prisma: the city's "everything" is spelled out.)
  if (manage === "city") return read;
  return { AND: [read, { OR: [{ publishedAt: { not: null } }, callScope(principal, "serviceCalls.manage")] }] };
}

export function proposalScope(principal: TPrincipal, action: TAction): Prisma.ProposalWhereInput {
  switch (scopeOf(principal.role, action)) {
    case "city":
      return {};
    case "district":
      return principal.regionPath ? { call: { regionPath: { startsWith: principal.regionPath } } } : NOTHING;
    case "department":
      return principal.organizationId ? { call: { departmentId: principal.organizationId } } : NOTHING;
    case "organization":
      return principal.organizationId ? { organizationId: principal.organizationId } : NOTHING;
    case "self":
      return { call: { panel: { some: { userId: principal.id } } } };
    default:
      return NOTHING;
  }
}
