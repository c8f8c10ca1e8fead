import "server-only";
import { prisma } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { fundScope } from "@/server/authz/scope";
import { DomainError } from "@/domain/common/errors";
import type { TRecordContribution } from "@/domain/funds/schemas";

// Contributions from enterprises and charities to the special fund (plan.md S3), recorded by the
// city (contributions.manage) on the fund's page. A contribution is money the fund receives: it
// raises its line's amount by exactly the amount received, in the same transaction and under the
// line's row lock (the ledger's lock, so no concurrent promise reads a stale amount).

/** Records a contribution and raises its line by its amount; audited. */
export async function recordContribution(input: TRecordContribution) {
  const actor = await authorize("contributions.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const line = await tx.budgetLine.findFirst({ where: { id: input.lineId, fund: fundScope(actor, "contributions.manage") }, select: { id: true, fundId: true } });
    if (!line) throw new DomainError("funds.errors.lineNotFound");
    const [locked] = await tx.$queryRaw<{ amountFen: bigint }[]>`SELECT "amountFen" FROM "BudgetLine" WHERE "id" = ${line.id} FOR UPDATE`;
    if (!locked) throw new DomainError("funds.errors.lineNotFound");
    const contribution = await tx.contribution.create({
      data: { lineId: line.id, source: input.source, donor: input.donor, amountFen: input.amount, restrictions: input.restrictions ?? null, receivedOn: input.receivedOn, createdById: actor.id },
      select: { id: true, lineId: true, source: true, donor: true, amountFen: true, restrictions: true, receivedOn: true },
    });
    await tx.budgetLine.update({ where: { id: line.id }, data: { amountFen: { increment: input.amount }, version: { increment: 1 } } });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "funds.recordContribution",
      entity: "Contribution",
      entityId: contribution.id,
      before: { lineAmountFen: locked.amountFen },
      after: { ...contribution, lineAmountFen: locked.amountFen + input.amount },
      meta,
    });
    return { ...contribution, fundId: line.fundId };
  });
}

/** A fund's contributions, newest first (read with the fund: funds.read). */
export async function fundContributions(fundId: string) {
  const actor = await authorize("funds.read");
  return prisma.contribution.findMany({
    where: { line: { fundId, fund: fundScope(actor, "funds.read") } },
    orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }],
    select: { id: true, source: true, donor: true, amountFen: true, restrictions: true, receivedOn: true, line: { select: { id: true, name: true } } },
  });
}
