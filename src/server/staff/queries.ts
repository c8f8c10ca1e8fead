import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import { organizationScope, practitionerScope } from "@/server/authz/scope";
import type { TCurrentUser } from "@/server/auth/session";
import { toPage } from "@/lib/pagination";

export const FORMER_PAGE_SIZE = 25;

/** A practitioner's employment history, newest first; null when the practitioner is out of the caller's read scope. */
export async function employmentHistory(user: TCurrentUser, practitionerId: string) {
  const p = await prisma.practitioner.findFirst({
    where: { AND: [practitionerScope(user, "practitioners.read"), { id: practitionerId }] },
    select: {
      id: true,
      name: true,
      version: true,
      status: true,
      regionPath: true,
      organizationId: true,
      organization: { select: namedSelect },
      employments: {
        select: { id: true, from: true, to: true, endReason: true, note: true, organization: { select: namedSelect } },
        orderBy: [{ from: "desc" }, { createdAt: "desc" }],
      },
    },
  });
  return p;
}

/** Active agencies a practitioner may move to (everyone with staff.transfer picks from the whole city). */
export function activeAgencies(exceptId: string | null) {
  return prisma.organization.findMany({
    where: { kind: "AGENCY", agencyStatus: "ACTIVE", ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: namedSelect,
    orderBy: { name: "asc" },
  });
}

/**
 * Former staff: closed employment records at the organisations in the caller's scope (an agency
 * administrator: their own agency). Each row names where the person went when they moved. The
 * person is linked only when the caller may still read them (after a move, an agency may not).
 */
export async function formerStaff(user: TCurrentUser, page: number, reason?: "LEFT" | "MOVED") {
  const where: Prisma.EmploymentRecordWhereInput = {
    to: { not: null },
    organization: organizationScope(user, "staff.transfer"),
    ...(reason ? { endReason: reason } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.employmentRecord.findMany({
      where,
      orderBy: [{ to: "desc" }, { id: "asc" }],
      skip: (page - 1) * FORMER_PAGE_SIZE,
      take: FORMER_PAGE_SIZE,
      select: {
        id: true,
        practitionerId: true,
        from: true,
        to: true,
        endReason: true,
        note: true,
        organization: { select: namedSelect },
        practitioner: { select: { name: true } },
      },
    }),
    prisma.employmentRecord.count({ where }),
  ]);
  const ids = [...new Set(rows.map((r) => r.practitionerId))];
  // Where each person went: the record that opened on the day this one closed.
  const [readable, next] = await Promise.all([
    prisma.practitioner.findMany({ where: { AND: [practitionerScope(user, "practitioners.read"), { id: { in: ids } }] }, select: { id: true } }),
    prisma.employmentRecord.findMany({ where: { practitionerId: { in: ids } }, select: { practitionerId: true, from: true, organization: { select: namedSelect } } }),
  ]);
  const canRead = new Set(readable.map((r) => r.id));
  const items = rows.map((r) => ({
    id: r.id,
    practitionerId: canRead.has(r.practitionerId) ? r.practitionerId : null,
    name: r.practitioner.name,
    organization: r.organization,
    from: r.from,
    to: r.to!,
    endReason: r.endReason,
    note: r.note,
    movedTo: r.endReason === "MOVED" ? (next.find((n) => n.practitionerId === r.practitionerId && n.from.getTime() === r.to!.getTime() && n.organization.id !== r.organization.id)?.organization ?? null) : null,
  }));
  return toPage(items, total, page, FORMER_PAGE_SIZE);
}
