import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { organizationScope } from "@/server/authz/scope";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import { editableProfileFields } from "@/domain/agencies/profile-fields";
import { canChangeStatus } from "@/domain/agencies/status-rules";
import type { TChangeAgencyStatus, TUpdateAgencyProfile } from "@/domain/agencies/schemas";
import { agencyParticularsSelect } from "./select";

/** What the audit log keeps of an agency's profile. */
export const agencyAuditSelect = { id: true, name: true, regionId: true, ...agencyParticularsSelect } satisfies Prisma.OrganizationSelect;

export function agencySnapshot(tx: TTx, id: string) {
  return tx.organization.findUniqueOrThrow({ where: { id }, select: agencyAuditSelect });
}

/**
 * Edits an agency's profile. Only the fields the caller's role may edit are applied
 * (profile-fields.ts); anything else a request carries is ignored, so a crafted form cannot
 * rename an agency from its administrator's account.
 */
export async function updateAgencyProfile(input: TUpdateAgencyProfile) {
  const actor = await authorize("agencies.updateProfile");
  const meta = await getRequestMeta();
  const allowed = editableProfileFields(actor.role);
  const data: Prisma.OrganizationUpdateManyMutationInput = {};
  for (const field of allowed) {
    const value = input[field];
    if (value === undefined) continue;
    if (field === "serviceAreas" || field === "targetGroups") (data as Record<string, unknown>)[field] = [...new Set(value as string[])];
    else if (field === "name") data.name = value as string;
    else if (field === "isPrivate") data.isPrivate = value as boolean;
    else (data as Record<string, unknown>)[field] = value;
  }
  return prisma.$transaction(async (tx) => {
    const current = await tx.organization.findFirst({ where: { AND: [organizationScope(actor, "agencies.updateProfile"), { id: input.id, kind: "AGENCY" }] }, select: { id: true, version: true } });
    if (!current) throw new DomainError("notFound");
    if (current.version !== input.version) throw new StaleEditError();
    const before = await agencySnapshot(tx, input.id);
    const result = await tx.organization.updateMany({ where: { id: input.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (result.count !== 1) throw new StaleEditError();
    const after = await agencySnapshot(tx, input.id);
    await recordAudit(tx, { actor: auditActor(actor), action: "agencies.updateProfile", entity: "Organization", entityId: input.id, before, after, meta });
    return { id: input.id };
  });
}

/**
 * Suspends, revokes or reinstates an agency (city administrator). The change must be allowed
 * from the current status (status-rules.ts), dated no earlier than the last change and not in
 * the future; it adds a row to the dated history.
 */
export async function changeAgencyStatus(input: TChangeAgencyStatus, today = todayInCity()) {
  const actor = await authorize("agencies.changeStatus");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const current = await tx.organization.findFirst({
      where: { AND: [organizationScope(actor, "agencies.changeStatus"), { id: input.id, kind: "AGENCY" }] },
      select: { id: true, version: true, agencyStatus: true, agencyStatusSince: true, agencyStatusHistory: { select: { effectiveFrom: true }, orderBy: { effectiveFrom: "desc" }, take: 1 } },
    });
    if (!current) throw new DomainError("notFound");
    if (current.version !== input.version) throw new StaleEditError();
    if (!canChangeStatus(current.agencyStatus, input.status)) throw new DomainError("agencies.errors.invalidStatusTransition");
    if (input.effectiveFrom.getTime() > today.getTime()) throw new DomainError("dateInFuture", "effectiveFrom");
    const last = [current.agencyStatusSince, current.agencyStatusHistory[0]?.effectiveFrom].filter((d): d is Date => !!d).map((d) => d.getTime());
    if (last.length && input.effectiveFrom.getTime() < Math.max(...last)) throw new DomainError("statusDateOrder", "effectiveFrom");
    const before = await agencySnapshot(tx, input.id);
    const result = await tx.organization.updateMany({
      where: { id: input.id, version: input.version, agencyStatus: current.agencyStatus },
      data: { agencyStatus: input.status, agencyStatusSince: input.effectiveFrom, version: { increment: 1 } },
    });
    if (result.count !== 1) throw new StaleEditError();
    await tx.agencyStatusChange.create({
      data: { organizationId: input.id, status: input.status, effectiveFrom: input.effectiveFrom, reason: input.reason, actorId: actor.id, actorName: actor.name },
    });
    const after = await agencySnapshot(tx, input.id);
    await recordAudit(tx, { actor: auditActor(actor), action: "agencies.changeStatus", entity: "Organization", entityId: input.id, before: { ...before }, after: { ...after, reason: input.reason }, meta });
    return { id: input.id };
  });
}
