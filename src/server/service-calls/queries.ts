import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import type { TCurrentUser } from "@/server/auth/session";
import { namedSelect } from "@/server/select";
import { scopeOf } from "@/domain/authz/matrix";
import { todayInCity } from "@/domain/common/calendar-day";
import { toPage } from "@/lib/pagination";
import type { TCallListFilter } from "@/domain/service-calls/list-filter";
import { readSnapshot } from "@/domain/service-calls/eligibility";
import { callScope, proposalScope, visibleCalls } from "./scope";
import { eligibilityFacts, failedEvaluationBarDays } from "./eligibility";

// Reads of calls and proposals, every one inside the caller's scope (src/server/service-calls/scope.ts).

export const CALLS_PAGE_SIZE = 20;

const listSelect = {
  id: true,
  reference: true,
  title: true,
  type: true,
  status: true,
  budgetFen: true,
  deadline: true,
  termStart: true,
  termEnd: true,
  department: { select: namedSelect },
  region: { select: namedSelect },
} as const;

/** The calls the caller may read, newest deadline first, filtered and paged; with how many proposals each has in the caller's view. */
export async function listCalls(user: TCurrentUser, filter: TCallListFilter, page: number) {
  const and: Prisma.ServiceCallWhereInput[] = [visibleCalls(user)];
  if (filter.status) and.push({ status: filter.status });
  if (filter.type) and.push({ type: filter.type });
  if (filter.districtId) {
    const d = await prisma.region.findUnique({ where: { id: filter.districtId }, select: { path: true } });
    and.push(d ? { regionPath: { startsWith: d.path } } : { id: { in: [] } });
  }
  if (filter.q) and.push({ OR: [{ title: { contains: filter.q, mode: "insensitive" } }, { reference: { contains: filter.q, mode: "insensitive" } }] });
  const where = { AND: and };
  const [items, total] = await Promise.all([
    prisma.serviceCall.findMany({ where, orderBy: [{ deadline: "desc" }, { reference: "desc" }], skip: (page - 1) * CALLS_PAGE_SIZE, take: CALLS_PAGE_SIZE, select: listSelect }),
    prisma.serviceCall.count({ where }),
  ]);
  const ids = items.map((i) => i.id);
  const counts = ids.length
    ? await prisma.proposal.groupBy({ by: ["callId"], where: { AND: [{ callId: { in: ids } }, proposalScope(user, "proposals.read"), { status: { not: "WITHDRAWN" } }] }, _count: { _all: true } })
    : [];
  return toPage(
    items.map((i) => ({ ...i, proposals: counts.find((c) => c.callId === i.id)?._count._all ?? 0 })),
    total,
    page,
    CALLS_PAGE_SIZE,
  );
}

/** The districts a filter offers (the caller's own only, for a district officer). */
export async function callFilterDistricts(user: TCurrentUser) {
  const where: Prisma.RegionWhereInput = { level: "DISTRICT", ...(scopeOf(user.role, "serviceCalls.read") === "district" && user.regionPath ? { path: { startsWith: user.regionPath } } : {}) };
  return prisma.region.findMany({ where, select: namedSelect, orderBy: { code: "asc" } });
}

/** One call, if the caller may read it: particulars, criteria, and what they may do with it. */
export async function getCall(user: TCurrentUser, id: string) {
  const call = await prisma.serviceCall.findFirst({
    where: { AND: [{ id }, visibleCalls(user)] },
    select: {
      ...listSelect,
      description: true,
      practiceField: true,
      targetGroups: true,
      departmentId: true,
      regionId: true,
      regionPath: true,
      budgetLineId: true,
      budgetLine: { select: { id: true, name: true, fund: { select: { year: true, name: true } } } },
      minQualifiedStaff: true,
      minQualifiedPercent: true,
      minRating: true,
      publishedAt: true,
      version: true,
      criteria: { select: { number: true, name: true, weight: true, maxScore: true }, orderBy: { number: "asc" } },
    },
  });
  if (!call) return null;
  const manage = (await prisma.serviceCall.count({ where: { AND: [{ id }, callScope(user, "serviceCalls.manage")] } })) > 0;
  return { ...call, manage };
}
export type TCallDetail = NonNullable<Awaited<ReturnType<typeof getCall>>>;

/** The proposals of a call the caller may read (an agency its own only), with their eligibility lines. */
export async function callProposals(user: TCurrentUser, callId: string) {
  const rows = await prisma.proposal.findMany({
    where: { AND: [{ callId }, proposalScope(user, "proposals.read")] },
    orderBy: [{ submittedAt: "asc" }],
    select: { id: true, status: true, totalFen: true, submittedAt: true, eligibility: true, version: true, organization: { select: namedSelect }, _count: { select: { staff: true } } },
  });
  return rows.map(({ eligibility, _count, ...r }) => ({ ...r, staffCount: _count.staff, eligibility: readSnapshot(eligibility) }));
}

/** The caller's agency's proposal to a call, in full (narrative, budget lines, named staff). */
export async function ownProposal(user: TCurrentUser, callId: string) {
  if (scopeOf(user.role, "proposals.submit") !== "organization" || !user.organizationId) return null;
  const p = await prisma.proposal.findFirst({
    where: { callId, organizationId: user.organizationId },
    select: {
      id: true,
      status: true,
      narrative: true,
      totalFen: true,
      submittedAt: true,
      eligibility: true,
      version: true,
      budgetLines: { select: { number: true, item: true, amountFen: true }, orderBy: { number: "asc" } },
      staff: { select: { practitioner: { select: { id: true, name: true } } } },
    },
  });
  return p ? { ...p, eligibility: readSnapshot(p.eligibility) } : null;
}

/**
 * What the proposal form needs to run the eligibility check live: the agency's facts and its
 * register (active staff, with what decides whether each counts), and the city's bar in days.
 */
export async function proposalFormFacts(user: TCurrentUser) {
  if (!user.organizationId) return null;
  const register = await prisma.practitioner.findMany({
    where: { organizationId: user.organizationId, status: "ACTIVE" },
    select: { id: true },
    orderBy: { name: "asc" },
    take: 500,
  });
  const [facts, bar] = await Promise.all([eligibilityFacts(prisma, user.organizationId, register.map((r) => r.id)), failedEvaluationBarDays(prisma)]);
  return { facts, bar, today: todayInCity() };
}

/** The form's choices: districts, departments (the city chooses), purchased-services lines. */
export async function callFormOptions(user: TCurrentUser) {
  const city = scopeOf(user.role, "serviceCalls.manage") === "city";
  const [districts, departments, lines] = await Promise.all([
    prisma.region.findMany({ where: { level: "DISTRICT" }, select: namedSelect, orderBy: { code: "asc" } }),
    city ? prisma.organization.findMany({ where: { kind: "GOVERNMENT_DEPARTMENT" }, select: namedSelect, orderBy: { name: "asc" } }) : Promise.resolve([]),
    prisma.budgetLine.findMany({ where: { kind: "PURCHASED_SERVICES" }, select: { id: true, name: true, fund: { select: { year: true, name: true } } }, orderBy: [{ fund: { year: "desc" } }, { name: "asc" }] }),
  ]);
  return { districts, departments, lines };
}

// ─── Public (no sign-in) ─────────────────────────────────────────────────────────────────────

/** Published calls still taking proposals; and calls whose selection is made, with the agency and the value. */
export async function publicCalls(now = new Date()) {
  const [open, selected] = await Promise.all([
    prisma.serviceCall.findMany({
      where: { status: "OPEN", publishedAt: { not: null }, deadline: { gt: now } },
      orderBy: [{ deadline: "asc" }],
      take: 100,
      select: { id: true, reference: true, title: true, type: true, practiceField: true, budgetFen: true, deadline: true, termStart: true, termEnd: true, department: { select: namedSelect }, region: { select: namedSelect } },
    }),
    prisma.serviceCall.findMany({
      where: { status: "SELECTED", selectedProposalId: { not: null } },
      orderBy: [{ updatedAt: "desc" }],
      take: 100,
      select: { id: true, reference: true, title: true, type: true, selectedProposalId: true, termStart: true, termEnd: true, department: { select: namedSelect }, region: { select: namedSelect }, contract: { select: { valueFen: true, termStart: true, termEnd: true } } },
    }),
  ]);
  const winners = selected.length
    ? await prisma.proposal.findMany({ where: { id: { in: selected.map((s) => s.selectedProposalId!) } }, select: { id: true, totalFen: true, organization: { select: namedSelect } } })
    : [];
  return {
    open,
    selected: selected.flatMap((s) => {
      const w = winners.find((x) => x.id === s.selectedProposalId);
      if (!w) return [];
      return [{ id: s.id, reference: s.reference, title: s.title, type: s.type, department: s.department, region: s.region, agency: w.organization, valueFen: s.contract?.valueFen ?? w.totalFen, termStart: s.contract?.termStart ?? s.termStart, termEnd: s.contract?.termEnd ?? s.termEnd }];
    }),
  };
}
