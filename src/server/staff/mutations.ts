import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { practitionerScope } from "@/server/authz/scope";
import { employerRegion, recomputePractitioner } from "@/server/practitioners/derived-facts";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import type { TRecordLeaving } from "@/domain/staff/schemas";
import { closeEmployment, currentEmployment, openEmployment } from "./employment";
import { deliverAll, noticeShortfallsOfPractitioner } from "@/server/contracts/staffing";

const ACTION = "staff.transfer" as const;

const auditSelect = {
  id: true,
  name: true,
  organizationId: true,
  regionId: true,
  hireDate: true,
  status: true,
  statusSince: true,
  isQualified: true,
  qualifiedSince: true,
  version: true,
} satisfies Prisma.PractitionerSelect;

const snapshot = (tx: TTx, id: string) => tx.practitioner.findUniqueOrThrow({ where: { id }, select: auditSelect });

/**
 * A staff member leaves their employer (LEFT) or moves to another active agency (MOVED), from
 * `date`. Either way the open employment record is closed with the reason, so the history stays
 * visible on both sides (the old employer's former staff, the practitioner's page).
 *
 * LEFT: the practitioner no longer has an employer, and any post they hold ends that day. Leaving an employer is not leaving the city
 * (status LEFT reads "left the city" and stays a separate, official decision), so their status and
 * whether they count are unchanged. Their region stays that of the last employer: with no employer
 * employerRegion() would give no region at all, which takes a person out of every district's
 * register and dashboard while the city total still counts them (and rewrites the district's
 * history, since qualified periods carry the region). The district keeps them instead.
 *
 * MOVED: an employment record opens at the new agency on the same day; the practitioner's
 * employer, hire date and region follow. Scope follows the move: the old agency's administrator
 * no longer sees them in the register.
 */
export async function recordLeaving(input: TRecordLeaving) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  const result = await prisma.$transaction(async (tx) => {
    const current = await tx.practitioner.findFirst({
      where: { AND: [practitionerScope(actor, ACTION), { id: input.id }] },
      select: {
        id: true,
        version: true,
        organizationId: true,
      },
    });
    if (!current) throw new DomainError("notFound");
    if (current.version !== input.version) throw new StaleEditError();
    if (!current.organizationId) throw new DomainError("staff.transfer.errors.noEmployer");
    if (input.date.getTime() > todayInCity().getTime()) throw new DomainError("dateInFuture", "date");
    const open = await currentEmployment(tx, current.id);
    if (open && input.date.getTime() <= open.from.getTime()) throw new DomainError("staff.transfer.validation.beforeStart", "date");

    let target: { id: string } | null = null;
    if (input.kind === "MOVED") {
      target = await tx.organization.findFirst({ where: { id: input.toOrganizationId!, kind: "AGENCY", agencyStatus: "ACTIVE" }, select: { id: true } });
      if (!target) throw new DomainError("staff.transfer.validation.targetNotActive", "toOrganizationId");
      if (target.id === current.organizationId) throw new DomainError("staff.transfer.validation.sameAgency", "toOrganizationId");
    }
    const before = await snapshot(tx, current.id);
    await closeEmployment(tx, current.id, input.date, input.kind, input.note, actor.id);
    const data: Prisma.PractitionerUncheckedUpdateManyInput = { version: { increment: 1 } };
    if (target) {
      await openEmployment(tx, current.id, target.id, input.date, actor.id);
      Object.assign(data, { organizationId: target.id, hireDate: input.date, ...(await employerRegion(tx, target.id)) });
    } else {
      data.organizationId = null;
      // Without an employer nobody holds a post for them: current holdings end on the same day,
      // holdings that had not started yet are called off (to = from). History is kept.
      await tx.postAssignment.updateMany({ where: { practitionerId: current.id, from: { lte: input.date }, OR: [{ to: null }, { to: { gt: input.date } }] }, data: { to: input.date, endedById: actor.id } });
      const later = await tx.postAssignment.findMany({ where: { practitionerId: current.id, from: { gt: input.date }, OR: [{ to: null }, { to: { gt: input.date } }] }, select: { id: true, from: true } });
      for (const a of later) await tx.postAssignment.update({ where: { id: a.id }, data: { to: a.from, endedById: actor.id } });
    }
    const result = await tx.practitioner.updateMany({ where: { id: current.id, version: input.version }, data });
    if (result.count !== 1) throw new StaleEditError();
    await recomputePractitioner(tx, current.id);
    const after = await snapshot(tx, current.id);
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: ACTION,
      entity: "Practitioner",
      entityId: current.id,
      before,
      after: { ...after, employmentEnd: input.kind, effectiveFrom: input.date, note: input.note },
      meta,
    });
    // A contract naming them may now fall short of its staffing: its agency and commissioning department hear at once.
    const emails = await noticeShortfallsOfPractitioner(tx, current.id);
    return { id: current.id, organizationId: target?.id ?? null, emails };
  });
  await deliverAll(result.emails);
  return { id: result.id, organizationId: result.organizationId };
}
