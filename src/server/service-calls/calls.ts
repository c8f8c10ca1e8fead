import "server-only";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { scopeOf } from "@/domain/authz/matrix";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import { formatCallReference, weightsComplete } from "@/domain/service-calls/rules";
import type { TCallRef, TCreateCall, TUpdateCall } from "@/domain/service-calls/schemas";
import { callScope } from "./scope";
import { closeLocked } from "./close";

// Calls for proposals (项目征集): drafted by the commissioning department (or the city), published,
// cancelled, closed at the deadline (by hand, or by the hourly maintenance pass) — when every
// submitted proposal's eligibility is checked again and a failing one becomes INELIGIBLE with the
// lines as they stood.

const ACTION = "serviceCalls.manage" as const;

const auditSelect = {
  id: true,
  reference: true,
  title: true,
  type: true,
  practiceField: true,
  targetGroups: true,
  departmentId: true,
  regionId: true,
  budgetFen: true,
  budgetLineId: true,
  termStart: true,
  termEnd: true,
  minQualifiedStaff: true,
  minQualifiedPercent: true,
  minRating: true,
  deadline: true,
  status: true,
  version: true,
} as const;

/** The commissioning department: a department officer's own; the city's choice (blank: the city itself). */
async function departmentFor(tx: TTx, actor: TCurrentUser, chosen: string | undefined): Promise<string | null> {
  if (scopeOf(actor.role, ACTION) === "department") {
    if (!actor.organizationId) throw new DomainError("serviceCalls.validation.notDepartment", "departmentId");
    return actor.organizationId;
  }
  if (!chosen) return null;
  const d = await tx.organization.findFirst({ where: { id: chosen, kind: "GOVERNMENT_DEPARTMENT" }, select: { id: true } });
  if (!d) throw new DomainError("serviceCalls.validation.notDepartment", "departmentId");
  return d.id;
}

async function columns(tx: TTx, input: TCreateCall) {
  const region = await tx.region.findFirst({ where: { id: input.regionId, level: { in: ["CITY", "DISTRICT"] } }, select: { id: true, path: true } });
  if (!region) throw new DomainError("serviceCalls.validation.notDistrict", "regionId");
  if (input.budgetLineId) {
    const line = await tx.budgetLine.findUnique({ where: { id: input.budgetLineId }, select: { kind: true } });
    if (!line || line.kind !== "PURCHASED_SERVICES") throw new DomainError("serviceCalls.validation.lineNotServices", "budgetLineId");
  }
  return {
    title: input.title,
    description: input.description,
    type: input.type,
    practiceField: input.practiceField,
    targetGroups: [...new Set(input.targetGroups)],
    regionId: region.id,
    regionPath: region.path,
    budgetFen: input.budget,
    budgetLineId: input.budgetLineId ?? null,
    termStart: input.termStart,
    termEnd: input.termEnd,
    minQualifiedStaff: input.minQualifiedStaff,
    minQualifiedPercent: input.minQualifiedPercent,
    minRating: input.minRating ?? null,
    deadline: input.deadline,
  };
}

const criteriaRows = (input: TCreateCall) => input.criteria.map((c, i) => ({ number: i + 1, name: c.name, weight: c.weight, maxScore: c.maxScore }));

/** The next reference of the year, under a lock so two calls never share one. */
async function nextReference(tx: TTx, year: number): Promise<string> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('serviceCall.reference'))::text`;
  const rows = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT max(substring(reference from 9)::int) AS max FROM "ServiceCall"
     WHERE reference LIKE ${`FW-${year}-%`} AND substring(reference from 9) ~ '^[0-9]{1,9}$'`;
  return formatCallReference(year, Number(rows[0]?.max ?? 0) + 1);
}

/** A new call, as a draft. */
export async function createCall(input: TCreateCall) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const departmentId = await departmentFor(tx, actor, input.departmentId);
    const data = await columns(tx, input);
    const reference = await nextReference(tx, todayInCity().getUTCFullYear());
    const call = await tx.serviceCall.create({
      data: { ...data, departmentId, reference, status: "DRAFT", createdById: actor.id, criteria: { create: criteriaRows(input) } },
      select: auditSelect,
    });
    await recordAudit(tx, { actor: auditActor(actor), action: "serviceCalls.create", entity: "ServiceCall", entityId: call.id, before: null, after: { ...call, criteria: criteriaRows(input) }, meta });
    return call;
  });
}

/** Locks the call's row if the caller may manage it; another department's call reads as missing. */
async function managed(tx: TTx, actor: TCurrentUser, id: string, version?: number) {
  const found = await tx.serviceCall.findFirst({ where: { AND: [{ id }, callScope(actor, ACTION)] }, select: { id: true } });
  if (!found) throw new DomainError("notFound");
  await tx.$queryRaw`SELECT id FROM "ServiceCall" WHERE id = ${id} FOR UPDATE`;
  const call = await tx.serviceCall.findUniqueOrThrow({ where: { id }, select: { ...auditSelect, criteria: { select: { weight: true } } } });
  if (version !== undefined && call.version !== version) throw new StaleEditError();
  return call;
}

/** Edits a draft (criteria replaced as a whole). */
export async function updateCall(input: TUpdateCall) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const before = await managed(tx, actor, input.id, input.version);
    if (before.status !== "DRAFT") throw new DomainError("serviceCalls.errors.notEditable");
    const departmentId = scopeOf(actor.role, ACTION) === "department" ? before.departmentId : await departmentFor(tx, actor, input.departmentId);
    const data = await columns(tx, input);
    await tx.callCriterion.deleteMany({ where: { callId: input.id } });
    const after = await tx.serviceCall.update({
      where: { id: input.id },
      data: { ...data, departmentId, version: { increment: 1 }, criteria: { create: criteriaRows(input) } },
      select: auditSelect,
    });
    await recordAudit(tx, { actor: auditActor(actor), action: "serviceCalls.update", entity: "ServiceCall", entityId: after.id, before: { ...before, criteria: before.criteria.length }, after: { ...after, criteria: criteriaRows(input) }, meta });
    return after;
  });
}

/** Publishes a draft: weights add up to 100 and the deadline is still ahead. */
export async function publishCall(input: TCallRef, now = new Date()) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const before = await managed(tx, actor, input.id, input.version);
    if (before.status !== "DRAFT") throw new DomainError("serviceCalls.errors.notEditable");
    if (!weightsComplete(before.criteria)) throw new DomainError("serviceCalls.errors.noCriteria");
    if (before.deadline.getTime() <= now.getTime()) throw new DomainError("serviceCalls.errors.deadlineInPast");
    const after = await tx.serviceCall.update({ where: { id: input.id }, data: { status: "OPEN", publishedAt: now, version: { increment: 1 } }, select: auditSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: "serviceCalls.publish", entity: "ServiceCall", entityId: after.id, before: { status: before.status }, after: { status: after.status }, meta });
    return after;
  });
}

/** Cancels a draft or an open call (its proposals stay as they were, for the record). */
export async function cancelCall(input: TCallRef) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const before = await managed(tx, actor, input.id, input.version);
    if (before.status !== "DRAFT" && before.status !== "OPEN") throw new DomainError("serviceCalls.errors.notCancellable");
    const after = await tx.serviceCall.update({ where: { id: input.id }, data: { status: "CANCELLED", version: { increment: 1 } }, select: auditSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: "serviceCalls.cancel", entity: "ServiceCall", entityId: after.id, before: { status: before.status }, after: { status: after.status }, meta });
    return after;
  });
}

/** Closes a call by hand once its deadline has passed (the maintenance pass does it too). */
export async function closeCall(input: TCallRef, now = new Date()) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const before = await managed(tx, actor, input.id, input.version);
    if (before.status !== "OPEN") throw new DomainError("serviceCalls.errors.notOpen");
    if (before.deadline.getTime() > now.getTime()) throw new DomainError("serviceCalls.errors.deadlineNotPassed");
    const out = await closeLocked(tx, input.id, now);
    if (!out) throw new DomainError("serviceCalls.errors.notOpen");
    await recordAudit(tx, { actor: auditActor(actor), action: "serviceCalls.close", entity: "ServiceCall", entityId: input.id, before: { status: "OPEN" }, after: { status: "CLOSED", ...out }, meta });
    return out;
  });
}
