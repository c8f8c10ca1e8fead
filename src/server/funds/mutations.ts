import "server-only";
import { prisma } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { fundScope } from "@/server/authz/scope";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { minimumLineAmount } from "@/domain/funds/rules";
import type { TAddBudgetLine, TCreateFund, TSetLineAmount } from "@/domain/funds/schemas";
import { lockLine } from "./ledger";

// The city's special funds (funds.manage): a fund for a year, its budget lines and their amounts.
// Money moves on a line only through ./ledger.ts, from the features that promise and pay it.

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

export async function createFund(input: TCreateFund) {
  const actor = await authorize("funds.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const fund = await tx.fund
      .create({ data: { year: input.year, name: input.name }, select: { id: true, year: true, name: true } })
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? new DomainError("funds.errors.fundExists") : e;
      });
    await recordAudit(tx, { actor: auditActor(actor), action: "funds.create", entity: "Fund", entityId: fund.id, before: null, after: fund, meta });
    return fund;
  });
}

export async function addBudgetLine(input: TAddBudgetLine) {
  const actor = await authorize("funds.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const fund = await tx.fund.findFirst({ where: { AND: [fundScope(actor, "funds.manage"), { id: input.fundId }] }, select: { id: true } });
    if (!fund) throw new DomainError("notFound");
    const line = await tx.budgetLine
      .create({ data: { fundId: fund.id, kind: input.kind, name: input.name, amountFen: input.amount }, select: { id: true, fundId: true, kind: true, name: true, amountFen: true } })
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? new DomainError("funds.errors.lineExists") : e;
      });
    await recordAudit(tx, { actor: auditActor(actor), action: "funds.addLine", entity: "BudgetLine", entityId: line.id, before: null, after: line, meta });
    return line;
  });
}

/** A new amount for a line: never below what it has already promised and paid. */
export async function setLineAmount(input: TSetLineAmount) {
  const actor = await authorize("funds.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const line = await tx.budgetLine.findFirst({ where: { id: input.lineId, fund: fundScope(actor, "funds.manage") }, select: { id: true, amountFen: true, version: true } });
    if (!line) throw new DomainError("notFound");
    if (line.version !== input.version) throw new StaleEditError();
    const totals = await lockLine(tx, line.id);
    if (!totals) throw new DomainError("notFound");
    if (input.amount < minimumLineAmount(totals)) throw new DomainError("funds.validation.amountBelowUsed", "amount");
    const updated = await tx.budgetLine.updateMany({ where: { id: line.id, version: input.version }, data: { amountFen: input.amount, version: { increment: 1 } } });
    if (updated.count !== 1) throw new StaleEditError();
    await recordAudit(tx, { actor: auditActor(actor), action: "funds.setLineAmount", entity: "BudgetLine", entityId: line.id, before: { amountFen: line.amountFen }, after: { amountFen: input.amount }, meta });
    return { id: line.id };
  });
}
