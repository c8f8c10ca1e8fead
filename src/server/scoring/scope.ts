import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { scopeOf, type TPrincipal } from "@/domain/authz/matrix";
export { callScope } from "@/server/service-calls/scope";

// Scoring reaches calls through the calls' own scope (src/server/service-calls/scope.ts); and the
// calls on whose panel the caller sits.

const NOTHING: Prisma.ServiceCallWhereInput = { id: { in: [] } };

/** Calls on whose panel the caller sits (what /scoring lists and the score page opens). */
export function myPanelCalls(principal: TPrincipal): Prisma.ServiceCallWhereInput {
  return scopeOf(principal.role, "proposals.score") ? { panel: { some: { userId: principal.id } } } : NOTHING;
}
