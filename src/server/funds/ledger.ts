import "server-only";
import type { TTx } from "@/server/db";
import { DomainError } from "@/domain/common/errors";
import { availableFen, canCommit, type TLineTotals } from "@/domain/funds/rules";

// Movements on a budget line, written inside the caller's transaction (an enrolment, a
// completion, a cancellation). Each takes the line's row lock first, so concurrent enrolments
// are serialised on their line and the sum of promises can never pass the line's amount.
// Every movement carries a sourceRef (unique), so writing it again is a no-op.

/** Locks the line (SELECT … FOR UPDATE) and returns its totals; null when there is no such line. */
export async function lockLine(tx: TTx, lineId: string): Promise<TLineTotals | null> {
  const locked = await tx.$queryRaw<{ amountFen: bigint }[]>`SELECT "amountFen" FROM "BudgetLine" WHERE "id" = ${lineId} FOR UPDATE`;
  if (locked.length === 0) return null;
  return { amountFen: locked[0]!.amountFen, ...(await entryTotals(tx, lineId)) };
}

/** Sums of a line's entries by kind. */
export async function entryTotals(tx: TTx, lineId: string): Promise<Omit<TLineTotals, "amountFen">> {
  const sums = await tx.fundEntry.groupBy({ by: ["kind"], where: { lineId }, _sum: { amountFen: true } });
  const of = (kind: "COMMITMENT" | "RELEASE" | "SPENDING") => sums.find((s) => s.kind === kind)?._sum.amountFen ?? 0n;
  return { committedFen: of("COMMITMENT"), releasedFen: of("RELEASE"), spentFen: of("SPENDING") };
}

type TMovement = { lineId: string; amountFen: bigint; sourceRef: string; note?: string | null; actorId?: string | null };

async function exists(tx: TTx, sourceRef: string): Promise<boolean> {
  return (await tx.fundEntry.count({ where: { sourceRef } })) > 0;
}

/**
 * Promises `amountFen` from the line, or refuses with funds.errors.lineExceeded (saying how much
 * is left is the caller's page's business: `availableOf`). Returns whether a new entry was written.
 */
export async function commitFunds(tx: TTx, m: TMovement): Promise<boolean> {
  if (m.amountFen <= 0n) return false;
  const totals = await lockLine(tx, m.lineId);
  if (!totals) throw new DomainError("funds.errors.lineNotFound");
  if (await exists(tx, m.sourceRef)) return false;
  if (!canCommit(totals, m.amountFen)) throw new DomainError("funds.errors.lineExceeded");
  await tx.fundEntry.create({ data: { lineId: m.lineId, kind: "COMMITMENT", amountFen: m.amountFen, sourceRef: m.sourceRef, note: m.note ?? null, actorId: m.actorId ?? null } });
  return true;
}

/** Gives a commitment back (withdrawal, cancellation, not completed), once. */
export async function releaseCommitment(tx: TTx, commitmentRef: string, actorId?: string | null, note?: string | null): Promise<boolean> {
  const commitment = await tx.fundEntry.findUnique({ where: { sourceRef: commitmentRef }, select: { lineId: true, amountFen: true, kind: true } });
  if (!commitment || commitment.kind !== "COMMITMENT") return false;
  await lockLine(tx, commitment.lineId);
  const ref = `${commitmentRef}:release`;
  if (await exists(tx, ref)) return false;
  await tx.fundEntry.create({ data: { lineId: commitment.lineId, kind: "RELEASE", amountFen: commitment.amountFen, sourceRef: ref, note: note ?? null, actorId: actorId ?? null } });
  return true;
}

/** Pays a commitment (a completion): the promise is released and the same amount spent, once. */
export async function spendCommitment(tx: TTx, commitmentRef: string, actorId?: string | null, note?: string | null): Promise<boolean> {
  const commitment = await tx.fundEntry.findUnique({ where: { sourceRef: commitmentRef }, select: { lineId: true, amountFen: true, kind: true } });
  if (!commitment || commitment.kind !== "COMMITMENT") return false;
  if (!(await releaseCommitment(tx, commitmentRef, actorId, note))) return false;
  await tx.fundEntry.create({ data: { lineId: commitment.lineId, kind: "SPENDING", amountFen: commitment.amountFen, sourceRef: `${commitmentRef}:spend`, note: note ?? null, actorId: actorId ?? null } });
  return true;
}

/** What the line can still promise (read without a lock: for pages, not for decisions). */
export async function availableOf(tx: TTx, lineId: string): Promise<bigint | null> {
  const line = await tx.budgetLine.findUnique({ where: { id: lineId }, select: { amountFen: true } });
  if (!line) return null;
  return availableFen({ amountFen: line.amountFen, ...(await entryTotals(tx, lineId)) });
}

/** What a commitment still holds: its amount less what was given back or paid from it, in full or in parts. */
async function commitmentOutstanding(tx: TTx, commitmentRef: string, amountFen: bigint): Promise<bigint> {
  const released = await tx.fundEntry.aggregate({
    where: { kind: "RELEASE", OR: [{ sourceRef: `${commitmentRef}:release` }, { sourceRef: { startsWith: `${commitmentRef}:part:` } }] },
    _sum: { amountFen: true },
  });
  return amountFen - (released._sum.amountFen ?? 0n);
}

/**
 * Pays part of a commitment (a contract's milestone): releases `amountFen` of the promise and
 * spends it, once per `partRef` (sourceRefs <commitment>:part:<partRef>:release and …:spend).
 * Refused beyond what the commitment still holds, so a contract is never paid past its value; the
 * line cannot be overspent, since the money was promised from it. Under the line's row lock, like
 * every movement, so concurrent payments are serialised. Returns whether new entries were written.
 */
export async function spendPartOfCommitment(tx: TTx, m: { commitmentRef: string; partRef: string; amountFen: bigint; actorId?: string | null; note?: string | null }): Promise<boolean> {
  if (m.amountFen <= 0n) return false;
  const commitment = await tx.fundEntry.findUnique({ where: { sourceRef: m.commitmentRef }, select: { lineId: true, amountFen: true, kind: true } });
  if (!commitment || commitment.kind !== "COMMITMENT") throw new DomainError("funds.errors.commitmentNotFound");
  await lockLine(tx, commitment.lineId);
  const base = `${m.commitmentRef}:part:${m.partRef}`;
  if (await exists(tx, `${base}:spend`)) return false;
  if (m.amountFen > (await commitmentOutstanding(tx, m.commitmentRef, commitment.amountFen))) throw new DomainError("funds.errors.beyondCommitment");
  await tx.fundEntry.create({ data: { lineId: commitment.lineId, kind: "RELEASE", amountFen: m.amountFen, sourceRef: `${base}:release`, note: m.note ?? null, actorId: m.actorId ?? null } });
  await tx.fundEntry.create({ data: { lineId: commitment.lineId, kind: "SPENDING", amountFen: m.amountFen, sourceRef: `${base}:spend`, note: m.note ?? null, actorId: m.actorId ?? null } });
  return true;
}

/**
 * Gives back what a commitment still holds after being paid in parts (a contract closed), once:
 * RELEASE <commitment>:release of the outstanding amount. Returns the amount given back (0 when
 * nothing was left or it was given back already).
 */
export async function releaseRestOfCommitment(tx: TTx, commitmentRef: string, actorId?: string | null, note?: string | null): Promise<bigint> {
  const commitment = await tx.fundEntry.findUnique({ where: { sourceRef: commitmentRef }, select: { lineId: true, amountFen: true, kind: true } });
  if (!commitment || commitment.kind !== "COMMITMENT") return 0n;
  await lockLine(tx, commitment.lineId);
  const ref = `${commitmentRef}:release`;
  if (await exists(tx, ref)) return 0n;
  const rest = await commitmentOutstanding(tx, commitmentRef, commitment.amountFen);
  if (rest <= 0n) return 0n;
  await tx.fundEntry.create({ data: { lineId: commitment.lineId, kind: "RELEASE", amountFen: rest, sourceRef: ref, note: note ?? null, actorId: actorId ?? null } });
  return rest;
}
