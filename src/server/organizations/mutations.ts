import "server-only";
import { prisma } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { organizationScope } from "@/server/authz/scope";
import { takesSupervisingDepartment, type TSetSupervisingDepartment } from "@/domain/organizations/supervision";
import { DomainError, StaleEditError } from "@/domain/common/errors";

const ACTION = "organizations.setSupervisingDepartment" as const;

/**
 * Records which government department supervises an organisation (or none). It widens what that
 * department's officers read and manage (src/server/authz/scope.ts, the "department" scope), so
 * it is the city administrator's, audited, and refused on a stale version.
 */
export async function setSupervisingDepartment(input: TSetSupervisingDepartment) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const current = await tx.organization.findFirst({ where: { AND: [organizationScope(actor, ACTION), { id: input.id }] }, select: { id: true, kind: true, version: true, supervisingDepartmentId: true } });
    if (!current) throw new DomainError("notFound");
    if (current.version !== input.version) throw new StaleEditError();
    if (input.supervisingDepartmentId !== null) {
      if (!takesSupervisingDepartment(current.kind)) throw new DomainError("supervisingDepartmentNotAllowed", "supervisingDepartmentId");
      const department = await tx.organization.findFirst({ where: { id: input.supervisingDepartmentId, kind: "GOVERNMENT_DEPARTMENT" }, select: { id: true } });
      if (!department || department.id === current.id) throw new DomainError("supervisingDepartmentInvalid", "supervisingDepartmentId");
    }
    const result = await tx.organization.updateMany({ where: { id: current.id, version: input.version }, data: { supervisingDepartmentId: input.supervisingDepartmentId, version: { increment: 1 } } });
    if (result.count !== 1) throw new StaleEditError();
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: ACTION,
      entity: "Organization",
      entityId: current.id,
      before: { supervisingDepartmentId: current.supervisingDepartmentId },
      after: { supervisingDepartmentId: input.supervisingDepartmentId },
      meta,
    });
    return { id: current.id };
  });
}
