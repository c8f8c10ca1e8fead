import "server-only";
import { prisma, type TTx } from "@/server/db";
import { recordAudit } from "@/server/audit/record";
import { todayInCity } from "@/domain/common/calendar-day";
import { isEligible } from "@/domain/service-calls/eligibility";
import { checkEligibility } from "./eligibility";

// Closing a call at its deadline: shared by the manual close (calls.ts) and the hourly maintenance
// pass (src/server/maintenance/jobs.ts), which must not import the session (next-auth).

/**
 * Closes an open call whose deadline has passed, in the caller's transaction, under its row lock:
 * each submitted proposal is checked again and its lines stored; a failing one becomes INELIGIBLE.
 * Returns null when the call is not (or no longer) open past its deadline.
 */
export async function closeLocked(tx: TTx, id: string, now: Date) {
  const rows = await tx.$queryRaw<{ status: string; deadline: Date; minRating: string | null; minQualifiedStaff: number; minQualifiedPercent: number }[]>`
    SELECT status::text AS status, deadline, "minRating"::text AS "minRating", "minQualifiedStaff", "minQualifiedPercent" FROM "ServiceCall" WHERE id = ${id} FOR UPDATE`;
  const call = rows[0];
  if (!call || call.status !== "OPEN" || call.deadline.getTime() > now.getTime()) return null;
  const today = todayInCity(now);
  const proposals = await tx.proposal.findMany({ where: { callId: id, status: "SUBMITTED" }, select: { id: true, organizationId: true, staff: { select: { practitionerId: true } } } });
  let ineligible = 0;
  for (const p of proposals) {
    const lines = await checkEligibility(tx, p.organizationId, p.staff.map((s) => s.practitionerId), call, today);
    const eligible = isEligible(lines);
    if (!eligible) ineligible++;
    await tx.proposal.update({
      where: { id: p.id },
      data: { eligibility: { checkedAt: now.toISOString(), eligible, lines }, ...(eligible ? {} : { status: "INELIGIBLE", version: { increment: 1 } }) },
    });
  }
  await tx.serviceCall.update({ where: { id }, data: { status: "CLOSED", version: { increment: 1 } } });
  return { proposals: proposals.length, ineligible };
}

/** Every open call past its deadline, closed (maintenance; idempotent, safe beside a manual close). */
export async function closeDueCalls(now = new Date()): Promise<number> {
  const due = await prisma.serviceCall.findMany({ where: { status: "OPEN", deadline: { lte: now } }, select: { id: true } });
  let closed = 0;
  for (const { id } of due) {
    await prisma.$transaction(async (tx) => {
      const out = await closeLocked(tx, id, now);
      if (!out) return;
      closed++;
      await recordAudit(tx, { actor: null, action: "serviceCalls.close", entity: "ServiceCall", entityId: id, before: { status: "OPEN" }, after: { status: "CLOSED", ...out }, meta: { ip: null, userAgent: "maintenance" } });
    });
  }
  return closed;
}
