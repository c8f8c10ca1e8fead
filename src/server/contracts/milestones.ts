import "server-only";
import { prisma } from "@/server/db";
import { authorize } from "@/server/auth/session";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { withStoredScan, type TScanUpload } from "@/server/storage/upload";
import { releaseRestOfCommitment } from "@/server/funds/ledger";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import type { TCloseContract, TDecideMilestone, TReportMilestone } from "@/domain/contracts/schemas";
import { contractScope } from "./scope";

// A milestone's way: PENDING → REPORTED (the agency's report: a note and a file) → ACCEPTED, or
// RETURNED with a reason (the commissioning department or the city) → REPORTED again … Each step
// checks the milestone's version, so two people cannot decide the same report at once.

const auditSelect = { id: true, contractId: true, number: true, status: true, reportNote: true, reportFileKey: true, returnReason: true, version: true } as const;

/** The agency reports a milestone of its own active contract: a note and the deliverable's file (PDF, JPEG or PNG). */
export async function reportMilestone(input: TReportMilestone, file: TScanUpload | null): Promise<{ contractId: string }> {
  const actor = await authorize("milestones.report");
  const meta = await getRequestMeta();
  const current = await prisma.milestone.findFirst({ where: { id: input.milestoneId, contract: contractScope(actor, "milestones.report") }, select: { ...auditSelect, contract: { select: { status: true } } } });
  if (!current) throw new DomainError("notFound");
  if (current.contract.status !== "ACTIVE") throw new DomainError("contracts.errors.notActive");
  if (current.status !== "PENDING" && current.status !== "RETURNED") throw new DomainError("contracts.errors.milestoneNotReportable");
  if (current.version !== input.version) throw new StaleEditError();
  return withStoredScan(file, actor.id, async (tx, fileId) => {
    const result = await tx.milestone.updateMany({
      where: { id: current.id, version: input.version, status: { in: ["PENDING", "RETURNED"] } },
      data: { status: "REPORTED", reportNote: input.note, reportFileKey: fileId, reportedAt: new Date(), reportedById: actor.id, returnReason: null, version: { increment: 1 } },
    });
    if (result.count !== 1) throw new StaleEditError();
    const before = { ...current, contract: undefined };
    const after = await tx.milestone.findUniqueOrThrow({ where: { id: current.id }, select: auditSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: "milestones.report", entity: "Milestone", entityId: current.id, before, after, meta });
    return { contractId: current.contractId };
  });
}

/** The commissioning department or the city accepts a reported milestone, or returns it with a reason. */
export async function decideMilestone(input: TDecideMilestone): Promise<{ contractId: string }> {
  const actor = await authorize("milestones.accept");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const current = await tx.milestone.findFirst({ where: { id: input.milestoneId, contract: contractScope(actor, "milestones.accept") }, select: { ...auditSelect, contract: { select: { status: true } } } });
    if (!current) throw new DomainError("notFound");
    if (current.contract.status !== "ACTIVE") throw new DomainError("contracts.errors.notActive");
    if (current.status !== "REPORTED") throw new DomainError("contracts.errors.milestoneNotReported");
    if (current.version !== input.version) throw new StaleEditError();
    const accept = input.decision === "ACCEPT";
    const result = await tx.milestone.updateMany({
      where: { id: current.id, version: input.version, status: "REPORTED" },
      data: { status: accept ? "ACCEPTED" : "RETURNED", decidedAt: new Date(), decidedById: actor.id, returnReason: accept ? null : input.reason, version: { increment: 1 } },
    });
    if (result.count !== 1) throw new StaleEditError();
    const before = { ...current, contract: undefined };
    const after = await tx.milestone.findUniqueOrThrow({ where: { id: current.id }, select: auditSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: accept ? "milestones.accept" : "milestones.return", entity: "Milestone", entityId: current.id, before, after, meta });
    return { contractId: current.contractId };
  });
}

/**
 * Closes an active contract whose milestones are all accepted, none of whose payments waits for
 * a second approval, and whose final evaluation is FINAL (its grade is recorded on the contract);
 * what its commitment still holds goes back to the line.
 */
export async function closeContract(input: TCloseContract): Promise<{ contractId: string; releasedFen: bigint }> {
  const actor = await authorize("contracts.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const current = await tx.contract.findFirst({ where: { AND: [contractScope(actor, "contracts.manage"), { id: input.contractId }] }, select: { id: true, status: true, version: true, closedOn: true } });
    if (!current) throw new DomainError("notFound");
    if (current.status !== "ACTIVE") throw new DomainError("contracts.errors.notActive");
    if (current.version !== input.version) throw new StaleEditError();
    const open = await tx.milestone.count({ where: { contractId: current.id, status: { not: "ACCEPTED" } } });
    const waiting = await tx.disbursement.count({ where: { milestone: { contractId: current.id }, status: "REQUESTED" } });
    if (open > 0 || waiting > 0) throw new DomainError("contracts.errors.openMilestones");
    // The project's final evaluation must be FINAL (issue 14); the close records its grade.
    const evaluation = await tx.evaluation.findFirst({ where: { contractId: current.id, kind: "PROJECT_FINAL", status: "FINAL" }, orderBy: { finalAt: "desc" }, select: { id: true, reference: true, grade: true } });
    if (!evaluation?.grade) throw new DomainError("contracts.errors.finalEvaluationNotFinal");
    const closedOn = todayInCity();
    const result = await tx.contract.updateMany({ where: { id: current.id, version: input.version, status: "ACTIVE" }, data: { status: "CLOSED", closedOn, closedGrade: evaluation.grade, version: { increment: 1 } } });
    if (result.count !== 1) throw new StaleEditError();
    const releasedFen = await releaseRestOfCommitment(tx, `contract:${current.id}`, actor.id, "closed");
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "contracts.close",
      entity: "Contract",
      entityId: current.id,
      before: { status: current.status, version: current.version },
      after: { status: "CLOSED", closedOn, closedGrade: evaluation.grade, evaluation: evaluation.reference, releasedFen: releasedFen.toString(), version: current.version + 1 },
      meta,
    });
    return { contractId: current.id, releasedFen };
  });
}
