import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { scopeOf, type TAction, type TPrincipal } from "@/domain/authz/matrix";

// Contracts are scoped through their call: the city sees all; a district officer the contracts of
// calls in their district (by the call's region path); a department officer the contracts their
// department commissioned (the call's departmentId, not the organisations it supervises); an
// agency administrator their own agency's. Any other role, or a caller without the anchor, none.

const NOTHING: Prisma.ContractWhereInput = { id: { in: [] } };

export function contractScope(principal: TPrincipal, action: TAction = "contracts.read"): Prisma.ContractWhereInput {
  switch (scopeOf(principal.role, action)) {
    case "city":
      return {};
    case "district":
      return principal.regionPath ? { call: { regionPath: { startsWith: principal.regionPath } } } : NOTHING;
    case "department":
      return principal.organizationId ? { call: { departmentId: principal.organizationId } } : NOTHING;
    case "organization":
      return principal.organizationId ? { organizationId: principal.organizationId } : NOTHING;
    default:
      return NOTHING;
  }
}

/** The same scope as SQL over `"Contract" c JOIN "ServiceCall" sc`, for the live staffing query. */
export function contractScopeSql(principal: TPrincipal, action: TAction = "contracts.read"): Prisma.Sql {
  switch (scopeOf(principal.role, action)) {
    case "city":
      return Prisma.sql`TRUE`;
    case "district":
      return principal.regionPath ? Prisma.sql`starts_with(sc."regionPath", ${principal.regionPath})` : Prisma.sql`FALSE`;
    case "department":
      return principal.organizationId ? Prisma.sql`sc."departmentId" = ${principal.organizationId}` : Prisma.sql`FALSE`;
    case "organization":
      return principal.organizationId ? Prisma.sql`c."organizationId" = ${principal.organizationId}` : Prisma.sql`FALSE`;
    default:
      return Prisma.sql`FALSE`;
  }
}
