import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { membershipScope, organizationScope, practitionerScope } from "@/server/authz/scope";
import type { TPrincipal } from "@/domain/authz/matrix";
import { districtNames, organizationNames } from "@/server/practitioners/queries";
import { districtIdOf } from "@/server/practitioners/where";
import { todayInCity } from "@/domain/common/calendar-day";
import { toPage } from "@/lib/pagination";
import type { TMemberListFilter } from "@/domain/association/schemas";
import { membershipBaseSelect } from "./select";
import { namedSelect } from "@/server/select";
import { canonicalNumber } from "@/lib/canonical-number";

// The city social-work association (plan.md T6): member counts and lists, each filtered by the
// caller's membershipScope (a district officer sees the agencies and the practitioners of their
// district), and the candidates the city administrator may add.

export const MEMBER_PAGE_SIZE = 20;
export const CANDIDATE_LIMIT = 20;
/** Memberships that are still open: a member may hold only one at a time. */
export const OPEN_STATUSES = ["ACTIVE", "SUSPENDED"] as const;

/**
 * Active members (the figures), every membership of each kind whatever its status (the tabs: what
 * each tab's list holds before a filter), and who joined this year.
 */
export type TAssociationSummary = { activeAgencies: number; activePractitioners: number; agencyMemberships: number; practitionerMemberships: number; joinedThisYear: number; year: number };

export async function associationSummary(user: TPrincipal, now = new Date()): Promise<TAssociationSummary> {
  const scope = membershipScope(user, "association.read");
  const today = todayInCity(now);
  const yearStart = new Date(Date.UTC(today.getUTCFullYear(), 0, 1));
  const [byTypeAndStatus, joinedThisYear] = await Promise.all([
    prisma.associationMembership.groupBy({ by: ["memberType", "status"], where: scope, _count: { _all: true } }),
    prisma.associationMembership.count({ where: { AND: [scope, { joinedOn: { gte: yearStart, lte: today } }] } }),
  ]);
  const count = (type: "AGENCY" | "PRACTITIONER", status?: "ACTIVE") =>
    byTypeAndStatus.filter((g) => g.memberType === type && (!status || g.status === status)).reduce((sum, g) => sum + g._count._all, 0);
  return {
    activeAgencies: count("AGENCY", "ACTIVE"),
    activePractitioners: count("PRACTITIONER", "ACTIVE"),
    agencyMemberships: count("AGENCY"),
    practitionerMemberships: count("PRACTITIONER"),
    joinedThisYear,
    year: today.getUTCFullYear(),
  };
}

function listWhere(user: TPrincipal, f: TMemberListFilter): Prisma.AssociationMembershipWhereInput {
  const and: Prisma.AssociationMembershipWhereInput[] = [membershipScope(user, "association.read"), { memberType: f.tab === "agencies" ? "AGENCY" : "PRACTITIONER" }];
  if (f.status) and.push({ status: f.status });
  if (f.q) {
    const name = { contains: f.q, mode: "insensitive" as const };
    and.push({
      OR: [
        { memberNumber: name },
        f.tab === "agencies" ? { organization: { OR: [{ name }, { nameHant: name }, { nameEn: name }] } } : { practitioner: { name } },
      ],
    });
  }
  return { AND: and };
}

export async function listMembers(user: TPrincipal, f: TMemberListFilter) {
  const where = listWhere(user, f);
  const [rows, total] = await Promise.all([
    prisma.associationMembership.findMany({
      where,
      orderBy: [{ memberNumber: "asc" }],
      skip: (f.page - 1) * MEMBER_PAGE_SIZE,
      take: MEMBER_PAGE_SIZE,
      select: {
        ...membershipBaseSelect,
        organization: { select: { ...namedSelect, region: { select: { path: true } } } },
        practitioner: { select: { id: true, name: true, organizationId: true, regionPath: true } },
      },
    }),
    prisma.associationMembership.count({ where }),
  ]);
  const paths = rows.map((r) => r.organization?.region.path ?? r.practitioner?.regionPath ?? null);
  const [districts, employers] = await Promise.all([districtNames(paths), organizationNames(rows.map((r) => r.practitioner?.organizationId ?? null))]);
  const items = rows.map((r, i) => ({
    id: r.id,
    memberType: r.memberType,
    memberNumber: r.memberNumber,
    joinedOn: r.joinedOn,
    status: r.status,
    endedOn: r.endedOn,
    note: r.note,
    version: r.version,
    name: r.organization ? { name: r.organization.name, nameHant: r.organization.nameHant, nameEn: r.organization.nameEn } : { name: r.practitioner?.name ?? "—", nameHant: null, nameEn: null },
    practitionerId: r.practitioner?.id ?? null,
    organizationId: r.organization?.id ?? null,
    employer: r.practitioner?.organizationId ? (employers.get(r.practitioner.organizationId) ?? null) : null,
    district: districts.get(districtIdOf(paths[i] ?? null) ?? "") ?? null,
  }));
  return toPage(items, total, f.page, MEMBER_PAGE_SIZE);
}
export type TMemberRow = Awaited<ReturnType<typeof listMembers>>["items"][number];

export type TCandidate = { id: string; name: string; nameHant: string | null; nameEn: string | null; detail: { name: string; nameHant: string | null; nameEn: string | null } | null; idNumberMasked: string | null };

/**
 * Who may be added: active agencies, or active practitioners, that hold no open membership.
 * A search (name, or an agency's credit code) narrows the list; at most CANDIDATE_LIMIT are shown.
 */
export async function memberCandidates(user: TPrincipal, type: "AGENCY" | "PRACTITIONER", q: string): Promise<{ items: TCandidate[]; more: boolean }> {
  const open = { some: { status: { in: [...OPEN_STATUSES] } } };
  const name = { contains: q, mode: "insensitive" as const };
  if (type === "AGENCY") {
    const rows = await prisma.organization.findMany({
      where: { AND: [organizationScope(user, "association.manage"), { kind: "AGENCY", agencyStatus: "ACTIVE", memberships: { none: open.some } }, q ? { OR: [{ name }, { nameHant: name }, { nameEn: name }, ...(canonicalNumber(q) ? [{ creditCode: canonicalNumber(q) }] : [])] } : {}] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: CANDIDATE_LIMIT + 1,
      select: { ...namedSelect, region: { select: { path: true } } },
    });
    const districts = await districtNames(rows.map((r) => r.region.path));
    const items = rows.slice(0, CANDIDATE_LIMIT).map((r) => ({ id: r.id, name: r.name, nameHant: r.nameHant, nameEn: r.nameEn, detail: districts.get(districtIdOf(r.region.path) ?? "") ?? null, idNumberMasked: null }));
    return { items, more: rows.length > CANDIDATE_LIMIT };
  }
  const rows = await prisma.practitioner.findMany({
    where: { AND: [practitionerScope(user, "association.manage"), { status: "ACTIVE", memberships: { none: open.some } }, q ? { name } : {}] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: CANDIDATE_LIMIT + 1,
    select: { id: true, name: true, organizationId: true, idNumberMasked: true },
  });
  const employers = await organizationNames(rows.map((r) => r.organizationId));
  const items = rows.slice(0, CANDIDATE_LIMIT).map((r) => ({ id: r.id, name: r.name, nameHant: null, nameEn: null, detail: r.organizationId ? (employers.get(r.organizationId) ?? null) : null, idNumberMasked: r.idNumberMasked }));
  return { items, more: rows.length > CANDIDATE_LIMIT };
}
