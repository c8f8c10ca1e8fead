import "server-only";
import { prisma } from "@/server/db";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { DomainError } from "@/domain/common/errors";
import type { TReplaceStaff } from "@/domain/contracts/schemas";
import { contractScope } from "./scope";

// Kept apart from the live staffing check (./staffing.ts), which the maintenance pass imports
// outside any request.

/**
 * The agency replaces a named person: their ContractStaff row ends today and another person of its
 * register (employed by the agency now) is named from today. Audited.
 */
export async function replaceStaff(input: TReplaceStaff): Promise<{ contractId: string }> {
  const actor: TCurrentUser = await authorize("milestones.report");
  const meta = await getRequestMeta();
  const day = todayInCity();
  return prisma.$transaction(async (tx) => {
    const row = await tx.contractStaff.findFirst({
      where: { id: input.contractStaffId, OR: [{ to: null }, { to: { gt: day } }], contract: { AND: [contractScope(actor, "milestones.report"), { status: "ACTIVE" }] } },
      select: { id: true, contractId: true, practitionerId: true, from: true, contract: { select: { organizationId: true } } },
    });
    if (!row) throw new DomainError("contracts.errors.staffNotNamed");
    // Serialise replacements on one contract, so the same person cannot be named twice at once.
    await tx.$queryRaw`SELECT "id" FROM "Contract" WHERE "id" = ${row.contractId} FOR UPDATE`;
    const person = await tx.practitioner.findFirst({ where: { id: input.practitionerId, organizationId: row.contract.organizationId }, select: { id: true, name: true } });
    if (!person) throw new DomainError("contracts.errors.notOnRegister");
    const already = await tx.contractStaff.count({ where: { contractId: row.contractId, practitionerId: person.id, OR: [{ to: null }, { to: { gt: day } }] } });
    if (already) throw new DomainError("contracts.errors.alreadyNamed");
    // Named today and replaced today: the row is called off (to = from), never a negative interval.
    await tx.contractStaff.update({ where: { id: row.id }, data: { to: row.from.getTime() > day.getTime() ? row.from : day } });
    const named = await tx.contractStaff.create({ data: { contractId: row.contractId, practitionerId: person.id, from: day }, select: { id: true } });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "contracts.replaceStaff",
      entity: "Contract",
      entityId: row.contractId,
      before: { contractStaffId: row.id, practitionerId: row.practitionerId },
      after: { contractStaffId: named.id, practitionerId: person.id, from: isoDay(day) },
      meta,
    });
    return { contractId: row.contractId };
  });
}
