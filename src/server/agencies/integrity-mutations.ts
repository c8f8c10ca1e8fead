import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { organizationScope } from "@/server/authz/scope";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { integrityRecordSelect } from "./select";
import { recomputeAgencyRating } from "./rating";
import type { TAddIntegrityRecord, TAddRating, TEndIntegrityRecord, TUpdateIntegrityRecord } from "@/domain/agencies/schemas";

// Integrity records and ratings of agencies (plan.md T4): integrity.manage, in the caller's scope.

const recordAuditSelect = { ...integrityRecordSelect, organizationId: true } satisfies Prisma.IntegrityRecordSelect;

async function assertAgency(tx: TTx, actor: TCurrentUser, organizationId: string) {
  const org = await tx.organization.findFirst({ where: { AND: [organizationScope(actor, "integrity.manage"), { id: organizationId, kind: "AGENCY" }] }, select: { id: true } });
  if (!org) throw new DomainError("notFound");
}

async function recordInScope(tx: TTx, actor: TCurrentUser, id: string) {
  const row = await tx.integrityRecord.findFirst({
    where: { id, organization: { AND: [organizationScope(actor, "integrity.manage"), { kind: "AGENCY" }] } },
    select: recordAuditSelect,
  });
  if (!row) throw new DomainError("notFound");
  return row;
}

export async function addIntegrityRecord(input: TAddIntegrityRecord) {
  const actor = await authorize("integrity.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    await assertAgency(tx, actor, input.organizationId);
    const created = await tx.integrityRecord.create({
      data: { organizationId: input.organizationId, kind: input.kind, occurredOn: input.occurredOn, source: input.source, description: input.description, endsOn: input.endsOn, createdById: actor.id },
      select: recordAuditSelect,
    });
    await recordAudit(tx, { actor: auditActor(actor), action: "integrity.add", entity: "IntegrityRecord", entityId: created.id, before: null, after: created, meta });
    return { id: created.id, organizationId: input.organizationId };
  });
}

export async function updateIntegrityRecord(input: TUpdateIntegrityRecord) {
  const actor = await authorize("integrity.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const before = await recordInScope(tx, actor, input.id);
    if (before.version !== input.version) throw new StaleEditError();
    const result = await tx.integrityRecord.updateMany({
      where: { id: input.id, version: input.version },
      data: { kind: input.kind, occurredOn: input.occurredOn, source: input.source, description: input.description, endsOn: input.endsOn, version: { increment: 1 } },
    });
    if (result.count !== 1) throw new StaleEditError();
    const after = await tx.integrityRecord.findUniqueOrThrow({ where: { id: input.id }, select: recordAuditSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: "integrity.update", entity: "IntegrityRecord", entityId: input.id, before, after, meta });
    return { id: input.id, organizationId: before.organizationId };
  });
}

/** Ends a record that is still running (no end date, or one after today): it stops counting from `endsOn`. */
export async function endIntegrityRecord(input: TEndIntegrityRecord, today = todayInCity()) {
  const actor = await authorize("integrity.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const before = await recordInScope(tx, actor, input.id);
    if (before.version !== input.version) throw new StaleEditError();
    if (before.endsOn && before.endsOn.getTime() <= today.getTime()) throw new DomainError("agencies.errors.alreadyEnded");
    if (input.endsOn.getTime() < before.occurredOn.getTime()) throw new DomainError("agencies.validation.endsBeforeOccurred", "endsOn");
    const result = await tx.integrityRecord.updateMany({ where: { id: input.id, version: input.version }, data: { endsOn: input.endsOn, version: { increment: 1 } } });
    if (result.count !== 1) throw new StaleEditError();
    const after = await tx.integrityRecord.findUniqueOrThrow({ where: { id: input.id }, select: recordAuditSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: "integrity.end", entity: "IntegrityRecord", entityId: input.id, before, after, meta });
    return { id: input.id, organizationId: before.organizationId };
  });
}

export async function addRating(input: TAddRating) {
  const actor = await authorize("integrity.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    await assertAgency(tx, actor, input.organizationId);
    const before = await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { rating: true, ratingDate: true } });
    const created = await tx.agencyRating.create({
      data: { organizationId: input.organizationId, rating: input.rating, ratedOn: input.ratedOn, source: input.source, createdById: actor.id },
      select: { id: true },
    });
    await recomputeAgencyRating(tx, input.organizationId);
    const after = await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { rating: true, ratingDate: true } });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "integrity.addRating",
      entity: "Organization",
      entityId: input.organizationId,
      before,
      after: { ...after, added: { id: created.id, rating: input.rating, ratedOn: isoDay(input.ratedOn), source: input.source } },
      meta,
    });
    return { id: created.id, organizationId: input.organizationId };
  });
}
