import "server-only";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import { isEligible, type TEligibilityLine } from "@/domain/service-calls/eligibility";
import type { TProposalRef, TSubmitProposal } from "@/domain/service-calls/schemas";
import { checkEligibility } from "./eligibility";

// Proposals (申报书) by agency administrators: submitted before the call's deadline after the
// eligibility check passes (refused with its lines, nothing written, when it does not), withdrawn
// before the deadline. One proposal per agency and call: a second submit, even at the same moment,
// is refused (an advisory lock per call and agency, and the unique key behind it).

const ACTION = "proposals.submit" as const;

/** Refused at the eligibility check: the lines travel back to the form. */
export class EligibilityRefusal extends DomainError {
  constructor(readonly lines: TEligibilityLine[]) {
    super("serviceCalls.errors.ineligible");
  }
}

async function ownAgency(tx: TTx, actor: TCurrentUser): Promise<string> {
  if (!actor.organizationId) throw new DomainError("serviceCalls.errors.notAgency");
  const org = await tx.organization.findFirst({ where: { id: actor.organizationId, kind: "AGENCY" }, select: { id: true } });
  if (!org) throw new DomainError("serviceCalls.errors.notAgency");
  return org.id;
}

/** The call under a share lock (closing waits for a submit in flight), if it takes proposals now. */
async function openCall(tx: TTx, callId: string, now: Date) {
  const rows = await tx.$queryRaw<{ id: string; status: string; deadline: Date; publishedAt: Date | null; budgetFen: bigint; minRating: string | null; minQualifiedStaff: number; minQualifiedPercent: number }[]>`
    SELECT id, status::text AS status, deadline, "publishedAt", "budgetFen", "minRating"::text AS "minRating", "minQualifiedStaff", "minQualifiedPercent"
      FROM "ServiceCall" WHERE id = ${callId} FOR SHARE`;
  const call = rows[0];
  if (!call || !call.publishedAt) throw new DomainError("notFound");
  if (call.status !== "OPEN") throw new DomainError("serviceCalls.errors.notOpen");
  if (call.deadline.getTime() <= now.getTime()) throw new DomainError("serviceCalls.errors.deadlinePassed");
  return call;
}

export async function submitProposal(input: TSubmitProposal, now = new Date()) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const agencyId = await ownAgency(tx, actor);
    const call = await openCall(tx, input.callId, now);
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`proposal:${call.id}:${agencyId}`}))::text`;
    const existing = await tx.proposal.findUnique({ where: { callId_organizationId: { callId: call.id, organizationId: agencyId } }, select: { id: true, status: true } });
    if (existing && existing.status !== "WITHDRAWN") throw new DomainError("serviceCalls.errors.alreadyProposed");
    const staffIds = [...new Set(input.staffIds)];
    const lines = await checkEligibility(tx, agencyId, staffIds, call, todayInCity(now));
    if (!isEligible(lines)) throw new EligibilityRefusal(lines);
    const totalFen = input.lines.reduce((n, l) => n + l.amount, 0n);
    if (totalFen > call.budgetFen) throw new DomainError("serviceCalls.validation.budgetExceeded", "lines");
    const data = {
      narrative: input.narrative,
      totalFen,
      status: "SUBMITTED" as const,
      eligibility: { checkedAt: now.toISOString(), eligible: true, lines },
      submittedById: actor.id,
      submittedAt: now,
      budgetLines: { create: input.lines.map((l, i) => ({ number: i + 1, item: l.item, amountFen: l.amount })) },
      staff: { create: staffIds.map((practitionerId) => ({ practitionerId })) },
    };
    let id: string;
    if (existing) {
      await tx.proposalBudgetLine.deleteMany({ where: { proposalId: existing.id } });
      await tx.proposalStaff.deleteMany({ where: { proposalId: existing.id } });
      id = (await tx.proposal.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } }, select: { id: true } })).id;
    } else {
      id = (await tx.proposal.create({ data: { ...data, callId: call.id, organizationId: agencyId }, select: { id: true } })).id;
    }
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "proposals.submit",
      entity: "Proposal",
      entityId: id,
      before: existing ? { status: existing.status } : null,
      after: { callId: call.id, organizationId: agencyId, totalFen, staff: staffIds.length, status: "SUBMITTED" },
      meta,
    });
    return { id, callId: call.id };
  });
}

export async function withdrawProposal(input: TProposalRef, now = new Date()) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const agencyId = await ownAgency(tx, actor);
    const p = await tx.proposal.findFirst({ where: { id: input.id, organizationId: agencyId }, select: { id: true, callId: true, status: true, version: true } });
    if (!p) throw new DomainError("notFound");
    await openCall(tx, p.callId, now);
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`proposal:${p.callId}:${agencyId}`}))::text`;
    const updated = await tx.proposal.updateMany({ where: { id: p.id, version: input.version, status: "SUBMITTED" }, data: { status: "WITHDRAWN", version: { increment: 1 } } });
    if (updated.count === 0) {
      const now2 = await tx.proposal.findUnique({ where: { id: p.id }, select: { status: true } });
      if (now2?.status !== "SUBMITTED") throw new DomainError("serviceCalls.errors.notWithdrawable");
      throw new StaleEditError();
    }
    await recordAudit(tx, { actor: auditActor(actor), action: "proposals.withdraw", entity: "Proposal", entityId: p.id, before: { status: p.status }, after: { status: "WITHDRAWN" }, meta });
    return { id: p.id, callId: p.callId };
  });
}
