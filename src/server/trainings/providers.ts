import "server-only";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { providerScope } from "@/server/authz/scope";
import { namedSelect } from "@/server/select";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import { approvalCovers, isCurrentApproval } from "@/domain/trainings/rules";
import type { TApproveProvider, TRevokeApproval } from "@/domain/trainings/schemas";
import type { TTrainingScope } from "@/domain/trainings/enums";

// Commissioned training providers (委托具有培训资质的专业机构): organisations of kind
// TRAINING_PROVIDER, approved by the city for a period and scopes. A provider publishes (and
// saves) programmes only of a scope within an approval in force that day.

const approvalSelect = { id: true, scopes: true, validFrom: true, validTo: true, revokedAt: true, revokedReason: true, version: true, createdAt: true } as const;

/** Every provider the caller may see, with its approvals (newest first), the one in force, and its programmes' count. */
export async function listProviders(user: TCurrentUser, today = todayInCity()) {
  const providers = await prisma.organization.findMany({
    where: providerScope(user, "trainingProviders.read"),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { ...namedSelect, region: { select: namedSelect }, providerApprovals: { orderBy: [{ validTo: "desc" }, { createdAt: "desc" }], select: approvalSelect }, _count: { select: { trainings: true } } },
  });
  return providers.map((p) => ({ ...p, current: p.providerApprovals.find((a) => isCurrentApproval(a, today)) ?? null }));
}

/** One provider with its approvals, or null outside the caller's scope. */
export async function getProvider(user: TCurrentUser, id: string, today = todayInCity()) {
  const p = await prisma.organization.findFirst({
    where: { AND: [providerScope(user, "trainingProviders.read"), { id }] },
    select: { ...namedSelect, region: { select: namedSelect }, providerApprovals: { orderBy: [{ validTo: "desc" }, { createdAt: "desc" }], select: approvalSelect } },
  });
  return p ? { ...p, current: p.providerApprovals.find((a) => isCurrentApproval(a, today)) ?? null } : null;
}

/** Refuses (trainings.errors.noApproval) unless the provider holds an approval in force today covering `scope`. */
export async function assertApproved(tx: TTx, providerId: string, scope: TTrainingScope, today = todayInCity()): Promise<void> {
  const approvals = await tx.providerApproval.findMany({ where: { organizationId: providerId }, select: { scopes: true, validFrom: true, validTo: true, revokedAt: true } });
  if (!approvalCovers(approvals, scope, today)) throw new DomainError("trainings.errors.noApproval");
}

/** The city approves a provider for a period and scopes. */
export async function approveProvider(input: TApproveProvider) {
  const actor = await authorize("trainingProviders.approve");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const org = await tx.organization.findFirst({ where: { AND: [providerScope(actor, "trainingProviders.approve"), { id: input.organizationId }] }, select: { id: true } });
    if (!org) throw new DomainError("trainings.validation.notProviderKind", "organizationId");
    const approval = await tx.providerApproval.create({
      data: { organizationId: org.id, scopes: [...new Set(input.scopes)], validFrom: input.validFrom, validTo: input.validTo, approvedById: actor.id },
      select: { id: true, organizationId: true, scopes: true, validFrom: true, validTo: true },
    });
    await recordAudit(tx, { actor: auditActor(actor), action: "trainingProviders.approve", entity: "ProviderApproval", entityId: approval.id, before: null, after: approval, meta });
    return approval;
  });
}

/** Revokes an approval, with the reason. Programmes already published stay as they are; new ones need another approval. */
export async function revokeApproval(input: TRevokeApproval) {
  const actor = await authorize("trainingProviders.approve");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const before = await tx.providerApproval.findFirst({
      where: { id: input.id, organization: providerScope(actor, "trainingProviders.approve") },
      select: { id: true, organizationId: true, version: true, revokedAt: true },
    });
    if (!before) throw new DomainError("notFound");
    if (before.revokedAt) throw new DomainError("trainings.errors.approvalRevoked");
    if (before.version !== input.version) throw new StaleEditError();
    const res = await tx.providerApproval.updateMany({ where: { id: before.id, version: input.version, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: input.reason, version: { increment: 1 } } });
    if (res.count !== 1) throw new StaleEditError();
    await recordAudit(tx, { actor: auditActor(actor), action: "trainingProviders.revoke", entity: "ProviderApproval", entityId: before.id, before: { revokedAt: null }, after: { revokedAt: new Date(), revokedReason: input.reason }, meta });
    return { id: before.id, organizationId: before.organizationId };
  });
}
