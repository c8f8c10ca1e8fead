import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { scopeOf, type TAction, type TPrincipal } from "@/domain/authz/matrix";
import { practitionerScope } from "@/server/authz/scope";

// Exam sittings are scoped by their person, as the register is (src/server/authz/scope.ts): a
// district by the employer's region, a department by its people, an agency by its staff, a
// practitioner their own. A role without the action matches nothing.

export function sittingScope(principal: TPrincipal, action: TAction): Prisma.ExamSittingWhereInput {
  const scope = scopeOf(principal.role, action);
  if (scope === null) return { id: { in: [] } };
  if (scope === "city") return {};
  return { practitioner: practitionerScope(principal, action) };
}

/** Imports are an official's tool (exams.record at city or district scope); a practitioner records their own on their page. */
export function canImportSittings(principal: Pick<TPrincipal, "role">): boolean {
  const scope = scopeOf(principal.role, "exams.record");
  return scope === "city" || scope === "district";
}
