import "server-only";
import { prisma, type TTx } from "@/server/db";
import { authorize } from "@/server/auth/session";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { spendPartOfCommitment } from "@/server/funds/ledger";
import { DomainError } from "@/domain/common/errors";
import type { TDecideDisbursement, TRequestDisbursement } from "@/domain/contracts/schemas";
import { contractScope } from "./scope";

// Payments (拨付) against accepted milestones. A request is checked under the milestone's row lock
// (requests on one milestone are serialised): the milestone is ACCEPTED, and the amount fits in
// what the milestone and the contract have not yet paid or had requested. At or below the city's
// threshold it is paid at once (the ledger spends part of the contract's commitment under the
// line's lock, never beyond it); above, it waits for a second city administrator who is not the
// requester. Any refusal throws before anything is written (one transaction).

/** The city's threshold for a second approval, in fen (PlanTarget.disbursementApprovalFen). */
export async function approvalThresholdFen(tx: TTx | typeof prisma = prisma): Promise<bigint> {
  const plan = await tx.planTarget.findUnique({ where: { id: "city" }, select: { disbursementApprovalFen: true } });
  return plan?.disbursementApprovalFen ?? 10_000_000n;
}

const commitmentRef = (contractId: string) => `contract:${contractId}`;

async function pay(tx: TTx, d: { id: string; amountFen: bigint; contractId: string }, actorId: string) {
  await spendPartOfCommitment(tx, { commitmentRef: commitmentRef(d.contractId), partRef: `disbursement:${d.id}`, amountFen: d.amountFen, actorId, note: "disbursement" });
}

export async function requestDisbursement(input: TRequestDisbursement): Promise<{ id: string; status: "PAID" | "REQUESTED"; contractId: string }> {
  const actor = await authorize("disbursements.request");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const milestone = await tx.milestone.findFirst({
      where: { id: input.milestoneId, contract: contractScope(actor, "disbursements.request") },
      select: { id: true, contractId: true, contract: { select: { status: true, valueFen: true } } },
    });
    if (!milestone) throw new DomainError("notFound");
    // The lock is taken after the scope check (no lock on rows the caller may not see), then the row is read again under it.
    await tx.$queryRaw`SELECT "id" FROM "Milestone" WHERE "id" = ${milestone.id} FOR UPDATE`;
    await tx.$queryRaw`SELECT "id" FROM "Contract" WHERE "id" = ${milestone.contractId} FOR UPDATE`;
    const locked = await tx.milestone.findUniqueOrThrow({ where: { id: milestone.id }, select: { status: true, amountFen: true } });
    if (milestone.contract.status !== "ACTIVE") throw new DomainError("contracts.errors.notActive");
    if (locked.status !== "ACCEPTED") throw new DomainError("contracts.errors.notAccepted");
    const live = { status: { in: ["REQUESTED", "PAID"] as ("REQUESTED" | "PAID")[] } };
    const onMilestone = (await tx.disbursement.aggregate({ where: { milestoneId: milestone.id, ...live }, _sum: { amountFen: true } }))._sum.amountFen ?? 0n;
    if (onMilestone + input.amount > locked.amountFen) throw new DomainError("contracts.errors.beyondMilestone");
    const onContract = (await tx.disbursement.aggregate({ where: { milestone: { contractId: milestone.contractId }, ...live }, _sum: { amountFen: true } }))._sum.amountFen ?? 0n;
    if (onContract + input.amount > milestone.contract.valueFen) throw new DomainError("funds.errors.beyondCommitment");
    const atOnce = input.amount <= (await approvalThresholdFen(tx));
    const d = await tx.disbursement.create({
      data: { milestoneId: milestone.id, amountFen: input.amount, requestedById: actor.id, status: atOnce ? "PAID" : "REQUESTED", decidedAt: atOnce ? new Date() : null },
      select: { id: true, status: true, amountFen: true },
    });
    if (atOnce) await pay(tx, { id: d.id, amountFen: d.amountFen, contractId: milestone.contractId }, actor.id);
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "disbursements.request",
      entity: "Disbursement",
      entityId: d.id,
      after: { milestoneId: milestone.id, amountFen: d.amountFen.toString(), status: d.status },
      meta,
    });
    return { id: d.id, status: atOnce ? "PAID" : "REQUESTED", contractId: milestone.contractId };
    // Requests on one milestone or line queue on its row lock: wait for the pool and the lock rather than fail.
  }, { timeout: 60_000, maxWait: 30_000 });
}

/** The second approval: a city administrator other than the requester pays a waiting payment, or refuses it with a reason. */
export async function decideDisbursement(input: TDecideDisbursement): Promise<{ id: string; status: "PAID" | "REFUSED"; contractId: string }> {
  const actor = await authorize("disbursements.approve");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const found = await tx.disbursement.findFirst({
      where: { id: input.disbursementId, milestone: { contract: contractScope(actor, "disbursements.approve") } },
      select: { id: true, milestone: { select: { contractId: true } } },
    });
    if (!found) throw new DomainError("notFound");
    await tx.$queryRaw`SELECT "id" FROM "Disbursement" WHERE "id" = ${found.id} FOR UPDATE`;
    const d = await tx.disbursement.findUniqueOrThrow({ where: { id: found.id }, select: { id: true, status: true, amountFen: true, requestedById: true } });
    if (d.status !== "REQUESTED") throw new DomainError("contracts.errors.notWaiting");
    if (d.requestedById === actor.id) throw new DomainError("contracts.errors.sameOfficial");
    const approve = input.decision === "APPROVE";
    await tx.disbursement.update({ where: { id: d.id }, data: { status: approve ? "PAID" : "REFUSED", approvedById: actor.id, decidedAt: new Date(), reason: approve ? null : input.reason } });
    if (approve) await pay(tx, { id: d.id, amountFen: d.amountFen, contractId: found.milestone.contractId }, actor.id);
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: approve ? "disbursements.approve" : "disbursements.refuse",
      entity: "Disbursement",
      entityId: d.id,
      before: { status: d.status },
      after: { status: approve ? "PAID" : "REFUSED", amountFen: d.amountFen.toString(), reason: approve ? null : input.reason },
      meta,
    });
    return { id: d.id, status: approve ? "PAID" : "REFUSED", contractId: found.milestone.contractId };
  }, { timeout: 60_000, maxWait: 30_000 });
}
