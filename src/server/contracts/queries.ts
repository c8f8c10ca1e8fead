import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import { regionScope } from "@/server/authz/scope";
import type { TCurrentUser } from "@/server/auth/session";
import { districtNames } from "@/server/practitioners/queries";
import { districtIdOf } from "@/server/practitioners/where";
import { scopeOf, can } from "@/domain/authz/matrix";
import { toPage } from "@/lib/pagination";
import { todayInCity } from "@/domain/common/calendar-day";
import type { TContractListFilter } from "@/domain/contracts/list-filter";
import { contractScope } from "./scope";
import { approvalThresholdFen } from "./disbursements";
import { shortfallIds, shortfallIdsInScope, shortfallOf } from "./staffing";

export const CONTRACTS_PAGE_SIZE = 25;

/** The caller's read scope AND the list's filters. */
async function contractListWhere(user: TCurrentUser, f: TContractListFilter): Promise<Prisma.ContractWhereInput> {
  const and: Prisma.ContractWhereInput[] = [contractScope(user)];
  if (f.q) {
    and.push({
      OR: [
        { reference: { contains: f.q, mode: "insensitive" } },
        { call: { title: { contains: f.q, mode: "insensitive" } } },
        { organization: { name: { contains: f.q, mode: "insensitive" } } },
      ],
    });
  }
  if (f.type) and.push({ call: { type: f.type } });
  if (f.status) and.push({ status: f.status });
  if (f.district) {
    const district = await prisma.region.findFirst({ where: { id: f.district, level: "DISTRICT" }, select: { path: true } });
    and.push(district ? { call: { regionPath: { startsWith: district.path } } } : { id: { in: [] } });
  }
  if (f.shortfall) and.push({ id: { in: await shortfallIdsInScope(user) } });
  return { AND: and };
}

const listSelect = {
  id: true,
  reference: true,
  valueFen: true,
  termStart: true,
  termEnd: true,
  status: true,
  organization: { select: namedSelect },
  call: { select: { title: true, type: true, regionPath: true, department: { select: namedSelect } } },
  milestones: { select: { status: true, dueDate: true, amountFen: true }, orderBy: { number: "asc" } },
} satisfies Prisma.ContractSelect;

const listOrder: Prisma.ContractOrderByWithRelationInput[] = [{ termStart: "desc" }, { reference: "asc" }, { id: "asc" }];

async function listRows(where: Prisma.ContractWhereInput, skip: number, take: number) {
  const day = todayInCity();
  const rows = await prisma.contract.findMany({ where, orderBy: listOrder, skip, take, select: listSelect });
  const ids = rows.map((r) => r.id);
  const [districts, short, paid] = await Promise.all([
    districtNames(rows.map((r) => r.call.regionPath)),
    shortfallIds(ids, day),
    ids.length
      ? prisma.disbursement.groupBy({ by: ["milestoneId"], where: { status: "PAID", milestone: { contractId: { in: ids } } }, _sum: { amountFen: true } })
      : Promise.resolve([]),
  ]);
  const milestoneContract = ids.length ? new Map((await prisma.milestone.findMany({ where: { contractId: { in: ids } }, select: { id: true, contractId: true } })).map((m) => [m.id, m.contractId])) : new Map<string, string>();
  const paidBy = new Map<string, bigint>();
  for (const p of paid) {
    const c = milestoneContract.get(p.milestoneId);
    if (c) paidBy.set(c, (paidBy.get(c) ?? 0n) + (p._sum.amountFen ?? 0n));
  }
  return rows.map(({ milestones, call, ...r }) => ({
    ...r,
    title: call.title,
    type: call.type,
    department: call.department,
    district: districts.get(districtIdOf(call.regionPath) ?? "") ?? null,
    milestonesAccepted: milestones.filter((m) => m.status === "ACCEPTED").length,
    milestonesTotal: milestones.length,
    milestonesLate: milestones.filter((m) => m.status !== "ACCEPTED" && m.dueDate.getTime() < day.getTime()).length,
    paidFen: paidBy.get(r.id) ?? 0n,
    shortfall: short.has(r.id),
  }));
}

export async function listContracts(user: TCurrentUser, f: TContractListFilter) {
  const where = await contractListWhere(user, f);
  const [items, total] = await Promise.all([listRows(where, (f.page - 1) * CONTRACTS_PAGE_SIZE, CONTRACTS_PAGE_SIZE), prisma.contract.count({ where })]);
  return toPage(items, total, f.page, CONTRACTS_PAGE_SIZE);
}
export type TContractListRow = Awaited<ReturnType<typeof listContracts>>["items"][number];

/** Every contract of the list for a filter, in pages (the export). */
export async function contractListForExport(user: TCurrentUser, f: TContractListFilter) {
  const where = await contractListWhere(user, f);
  return { count: () => prisma.contract.count({ where }), page: (skip: number, take: number) => listRows(where, skip, take) };
}

export async function contractFilterOptions(user: TCurrentUser) {
  const city = scopeOf(user.role, "contracts.read") === "city" || scopeOf(user.role, "contracts.read") === "department";
  const districts = city ? await prisma.region.findMany({ where: { AND: [regionScope(user, "regions.read"), { level: "DISTRICT" }] }, orderBy: { code: "asc" }, select: namedSelect }) : [];
  return { districts };
}

/** One contract in the caller's scope, for its page: particulars, named staff with today's check, milestones and payments. */
export async function getContract(user: TCurrentUser, id: string) {
  const day = todayInCity();
  const contract = await prisma.contract.findFirst({
    where: { AND: [contractScope(user), { id }] },
    select: {
      id: true,
      reference: true,
      valueFen: true,
      termStart: true,
      termEnd: true,
      minQualifiedStaff: true,
      minQualifiedPercent: true,
      status: true,
      closedOn: true,
      closedGrade: true,
      version: true,
      organizationId: true,
      organization: { select: namedSelect },
      budgetLine: { select: { id: true, name: true, fund: { select: { name: true, year: true } } } },
      call: { select: { id: true, reference: true, title: true, type: true, practiceField: true, targetGroups: true, regionPath: true, departmentId: true, department: { select: namedSelect } } },
      staff: {
        where: { OR: [{ to: null }, { to: { gt: day } }] },
        orderBy: { from: "asc" },
        select: {
          id: true,
          from: true,
          practitioner: { select: { id: true, name: true, status: true, organizationId: true, qualificationLevel: true, registrationEnd: true } },
        },
      },
      milestones: {
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          title: true,
          deliverable: true,
          dueDate: true,
          amountFen: true,
          status: true,
          reportNote: true,
          reportFileKey: true,
          reportedAt: true,
          decidedAt: true,
          returnReason: true,
          version: true,
          disbursements: { orderBy: { createdAt: "asc" }, select: { id: true, amountFen: true, status: true, requestedById: true, approvedById: true, createdAt: true, decidedAt: true, reason: true } },
        },
      },
    },
  });
  if (!contract) return null;
  const [districts, shortfall, threshold, formerStaff, finalEvaluations] = await Promise.all([
    districtNames([contract.call.regionPath]),
    shortfallOf(contract.id, day),
    approvalThresholdFen(),
    prisma.contractStaff.findMany({ where: { contractId: contract.id, to: { lte: day } }, orderBy: { to: "desc" }, select: { id: true, from: true, to: true, practitioner: { select: { name: true } } } }),
    // Issue 14: the close needs the project's final evaluation FINAL.
    prisma.evaluation.count({ where: { contractId: contract.id, kind: "PROJECT_FINAL", status: "FINAL" } }),
  ]);
  const userIds = [...new Set(contract.milestones.flatMap((m) => m.disbursements.flatMap((d) => [d.requestedById, d.approvedById]).filter((x): x is string => !!x)))];
  const users = new Map((await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const COUNTING = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"];
  const notCounting = new Map((shortfall?.people ?? []).map((p) => [p.practitionerId, p]));
  const staff = contract.staff.map((s) => {
    const p = s.practitioner;
    const counts = p.status === "ACTIVE" && p.organizationId === contract.organizationId && COUNTING.includes(p.qualificationLevel) && !!p.registrationEnd && p.registrationEnd.getTime() >= day.getTime();
    const reason = counts ? null : p.status !== "ACTIVE" || p.organizationId !== contract.organizationId ? "LEFT_AGENCY" : !COUNTING.includes(p.qualificationLevel) ? "NOT_QUALIFIED" : "REGISTRATION_LAPSED";
    return { id: s.id, from: s.from, practitionerId: p.id, name: p.name, qualificationLevel: p.qualificationLevel, registrationEnd: p.registrationEnd, counts, reason, since: notCounting.get(p.id)?.since ?? null } as const;
  });
  const paidFen = contract.milestones.reduce((sum, m) => sum + m.disbursements.filter((d) => d.status === "PAID").reduce((a, d) => a + d.amountFen, 0n), 0n);
  const milestones = contract.milestones.map((m) => {
    const paid = m.disbursements.filter((d) => d.status === "PAID").reduce((a, d) => a + d.amountFen, 0n);
    const waiting = m.disbursements.filter((d) => d.status === "REQUESTED").reduce((a, d) => a + d.amountFen, 0n);
    return {
      ...m,
      late: m.status !== "ACCEPTED" && m.dueDate.getTime() < day.getTime(),
      paidFen: paid,
      waitingFen: waiting,
      payableFen: m.status === "ACCEPTED" ? m.amountFen - paid - waiting : 0n,
      disbursements: m.disbursements.map((d) => ({ ...d, requestedBy: users.get(d.requestedById) ?? null, approvedBy: d.approvedById ? (users.get(d.approvedById) ?? null) : null, mine: d.requestedById === user.id })),
    };
  });
  return {
    ...contract,
    district: districts.get(districtIdOf(contract.call.regionPath) ?? "") ?? null,
    staff,
    formerStaff,
    counting: staff.filter((s) => s.counts).length,
    shortfall,
    milestones,
    paidFen,
    thresholdFen: threshold,
    canReport: can(user, "milestones.report") && contract.status === "ACTIVE",
    canAccept: can(user, "milestones.accept") && contract.status === "ACTIVE",
    canRequest: can(user, "disbursements.request") && contract.status === "ACTIVE",
    canApprove: can(user, "disbursements.approve"),
    finalEvaluationReady: finalEvaluations > 0,
    canClose: can(user, "contracts.manage") && contract.status === "ACTIVE" && contract.milestones.length > 0 && contract.milestones.every((m) => m.status === "ACCEPTED") && !milestones.some((m) => m.waitingFen > 0n),
  };
}
export type TContractDetail = NonNullable<Awaited<ReturnType<typeof getContract>>>;

/** The agency's register, for naming a replacement: its practitioners not named on the contract now. */
export async function replacementCandidates(user: TCurrentUser, contractId: string) {
  const contract = await prisma.contract.findFirst({ where: { AND: [contractScope(user, "milestones.report"), { id: contractId, status: "ACTIVE" }] }, select: { organizationId: true } });
  if (!contract) return [];
  const day = todayInCity();
  return prisma.practitioner.findMany({
    where: { organizationId: contract.organizationId, status: "ACTIVE", contractStaff: { none: { contractId, OR: [{ to: null }, { to: { gt: day } }] } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, qualificationLevel: true, registrationEnd: true },
    take: 500,
  });
}

/** The milestone report's file, for the download route: only through a milestone the caller may read. */
export async function milestoneFileForDownload(user: TCurrentUser, fileId: string) {
  if (!can(user, "contracts.read")) return null;
  const milestone = await prisma.milestone.findFirst({ where: { reportFileKey: fileId, contract: contractScope(user) }, select: { id: true, number: true, contract: { select: { id: true, reference: true } } } });
  if (!milestone) return null;
  const file = await prisma.storedFile.findUnique({ where: { id: fileId }, select: { id: true, storageKey: true, mimeType: true, originalName: true } });
  return file ? { file, milestone } : null;
}
