import "server-only";
import type { Prisma } from "@/generated/prisma/client";

// Employment history (EmploymentRecord): who worked where, when. Intervals are half-open
// [from, to); at most one record per practitioner is open (to = null) at a time, and it names the
// practitioner's current employer. Called inside the caller's transaction.

type TDb = Prisma.TransactionClient;

/** The open record, if any. */
export function currentEmployment(tx: TDb, practitionerId: string) {
  return tx.employmentRecord.findFirst({
    where: { practitionerId, to: null },
    orderBy: { from: "desc" },
    select: { id: true, organizationId: true, from: true },
  });
}

/** Closes every open record of the practitioner on `to` (exclusive end) with a reason. */
export async function closeEmployment(tx: TDb, practitionerId: string, to: Date, endReason: "LEFT" | "MOVED", note: string | null, actorId: string | null): Promise<number> {
  const { count } = await tx.employmentRecord.updateMany({ where: { practitionerId, to: null }, data: { to, endReason, note, actorId } });
  return count;
}

export async function openEmployment(tx: TDb, practitionerId: string, organizationId: string, from: Date, actorId: string | null): Promise<void> {
  await tx.employmentRecord.create({ data: { practitionerId, organizationId, from, actorId } });
}

/**
 * The employer changed through a profile edit (not through "record leaving / moving"): close the
 * open record and open one at the new employer. The change takes effect on the new hire date when
 * that lies after the old record's start, otherwise today; a record never ends before it began.
 */
export async function followEmployerChange(tx: TDb, practitionerId: string, organizationId: string | null, hireDate: Date | null, today: Date, actorId: string | null): Promise<void> {
  const open = await currentEmployment(tx, practitionerId);
  if (open?.organizationId === organizationId) return;
  let from = hireDate ?? today;
  if (open) {
    if (from.getTime() <= open.from.getTime()) from = today;
    // Changed again on the day the record began: a correction of that record, not a second job.
    if (from.getTime() <= open.from.getTime()) {
      if (organizationId) await tx.employmentRecord.update({ where: { id: open.id }, data: { organizationId, actorId } });
      else await closeEmployment(tx, practitionerId, open.from, "LEFT", null, actorId);
      return;
    }
    await closeEmployment(tx, practitionerId, from, "MOVED", null, actorId);
  }
  if (organizationId) await openEmployment(tx, practitionerId, organizationId, from, actorId);
}
