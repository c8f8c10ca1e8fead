import "server-only";
import { prisma, type TTx } from "@/server/db";
import { entryTotals } from "@/server/funds/ledger";
import { availableFen, outstandingFen } from "@/domain/funds/rules";
import type { TCurrentUser } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { formatPoints, isCompleteSheet, proposalTotal, rankProposals, toHundredths, type TCriterionWeight } from "@/domain/scoring/rules";
import { callScope, myPanelCalls } from "./scope";

// Reads of a call's panel, scores and ranking. Who may open which call is decided by the caller's
// scope (callScope) or by a seat on the panel (myPanelCalls); a call outside both reads as absent.

/** Proposal statuses that are scored and ranked (eligible at the call's close). */
export const RANKED_STATUSES = ["SUBMITTED", "SELECTED", "NOT_SELECTED"] as const;

const callSelect = {
  id: true,
  reference: true,
  title: true,
  status: true,
  deadline: true,
  departmentId: true,
  regionPath: true,
  budgetFen: true,
  budgetLineId: true,
  termStart: true,
  termEnd: true,
  minQualifiedStaff: true,
  minQualifiedPercent: true,
  selectedProposalId: true,
  selectionReason: true,
  version: true,
  department: { select: { name: true, nameHant: true, nameEn: true } },
  criteria: { orderBy: { number: "asc" }, select: { id: true, number: true, name: true, weight: true, maxScore: true } },
  panel: {
    orderBy: { createdAt: "asc" },
    select: { id: true, userId: true, kind: true, declaredAt: true, conflict: true, conflictNote: true, user: { select: { name: true, email: true, role: true } } },
  },
  proposals: {
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      status: true,
      totalFen: true,
      narrative: true,
      submittedAt: true,
      organization: { select: { id: true, name: true, nameHant: true, nameEn: true } },
      staff: { select: { practitioner: { select: { id: true, name: true, qualificationLevel: true } } } },
    },
  },
  contract: { select: { id: true, reference: true, valueFen: true, termStart: true, termEnd: true, milestones: { orderBy: { number: "asc" }, select: { id: true, number: true, title: true, deliverable: true, dueDate: true, amountFen: true } } } },
} as const;

export type TCallDetail = NonNullable<Awaited<ReturnType<typeof loadCall>>>;

async function loadCall(id: string) {
  const call = await prisma.serviceCall.findUnique({ where: { id }, select: callSelect });
  if (!call) return null;
  const scores = await prisma.score.findMany({ where: { proposal: { callId: id } }, select: { proposalId: true, panelMemberId: true, criterionId: true, score: true } });
  return { ...call, scores };
}

/** How the caller stands to a call: may they read it in scope, and their seat on its panel. */
export async function callAccess(user: TCurrentUser, callId: string) {
  const [inScope, seat] = await Promise.all([
    can(user, "serviceCalls.read") ? prisma.serviceCall.count({ where: { AND: [{ id: callId }, callScope(user, "serviceCalls.read")] } }) : 0,
    prisma.panelMember.findFirst({ where: { callId, userId: user.id, call: myPanelCalls(user) }, select: { id: true } }),
  ]);
  return { read: inScope > 0 && user.role !== "AGENCY_ADMIN" && user.role !== "EXPERT", seat: seat?.id ?? null };
}

/** The call with its panel, proposals, scores and ranking: null when the caller neither reads it in scope nor sits on its panel. */
export async function getCallForPanel(user: TCurrentUser, callId: string) {
  const access = await callAccess(user, callId);
  if (!access.read && !access.seat) return null;
  const call = await loadCall(callId);
  if (!call) return null;
  return { ...call, access, pastDeadline: call.deadline.getTime() <= Date.now(), ...summarise(call) };
}

/** Scores, progress and ranking of a loaded call. */
export function summarise(call: Pick<TCallDetail, "criteria" | "panel" | "proposals" | "scores">) {
  const criteria: TCriterionWeight[] = call.criteria.map((c) => ({ id: c.id, weight: c.weight, maxScore: c.maxScore }));
  const sheets = new Map<string, Map<string, number>>(); // `${proposalId}:${memberId}` → criterion → score
  for (const s of call.scores) {
    const key = `${s.proposalId}:${s.panelMemberId}`;
    if (!sheets.has(key)) sheets.set(key, new Map());
    sheets.get(key)!.set(s.criterionId, s.score);
  }
  const ranked = call.proposals.filter((p) => (RANKED_STATUSES as readonly string[]).includes(p.status));
  const scorers = call.panel.filter((m) => m.declaredAt && !m.conflict);
  const ranking = rankProposals(
    ranked.map((p) => {
      const own = call.panel.map((m) => sheets.get(`${p.id}:${m.id}`)).filter((s): s is Map<string, number> => !!s);
      const { total, sheets: complete } = proposalTotal(criteria, own);
      return { proposal: p, total, sheets: complete, points: total ? formatPoints(toHundredths(total)) : null };
    }),
  );
  const progress = call.panel.map((m) => ({
    memberId: m.id,
    complete: ranked.filter((p) => {
      const s = sheets.get(`${p.id}:${m.id}`);
      return !!s && isCompleteSheet(criteria, s);
    }).length,
    of: ranked.length,
  }));
  return { sheets, ranking, progress, scorers: scorers.length };
}

/** /scoring: the calls whose panel the caller sits on, with their declaration and progress. */
export async function listMyPanels(user: TCurrentUser) {
  const calls = await prisma.serviceCall.findMany({
    where: { AND: [myPanelCalls(user), { status: { not: "DRAFT" } }] },
    orderBy: [{ deadline: "desc" }],
    take: 200,
    select: {
      id: true,
      reference: true,
      title: true,
      status: true,
      deadline: true,
      criteria: { select: { id: true } },
      panel: { where: { userId: user.id }, select: { id: true, declaredAt: true, conflict: true } },
      proposals: { where: { status: { in: [...RANKED_STATUSES] } }, select: { id: true } },
    },
  });
  const memberIds = calls.map((c) => c.panel[0]!.id);
  const scored = await prisma.score.groupBy({ by: ["panelMemberId", "proposalId"], where: { panelMemberId: { in: memberIds } }, _count: { _all: true } });
  return calls.map((c) => {
    const seat = c.panel[0]!;
    const proposals = new Set(c.proposals.map((p) => p.id));
    const done = scored.filter((s) => s.panelMemberId === seat.id && proposals.has(s.proposalId) && s._count._all >= c.criteria.length).length;
    return { id: c.id, reference: c.reference, title: c.title, status: c.status, deadline: c.deadline, declaredAt: seat.declaredAt, conflict: seat.conflict, done, of: proposals.size };
  });
}

/** Who may be added to a call's panel: the city's administrators, the commissioning department's officers, experts. */
export async function panelCandidates(call: { id: string; departmentId: string | null }) {
  return prisma.user.findMany({
    where: {
      disabledAt: null,
      panelMemberships: { none: { callId: call.id } },
      OR: [{ role: "CITY_ADMIN" }, { role: "EXPERT" }, ...(call.departmentId ? [{ role: "DEPARTMENT_OFFICER" as const, organizationId: call.departmentId }] : [])],
    },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    take: 500,
    select: { id: true, name: true, email: true, role: true },
  });
}

/** The call for a page that manages it (serviceCalls.manage / contracts.manage in scope), or null. */
export async function getManagedCall(user: TCurrentUser, callId: string, permission: "serviceCalls.manage" | "contracts.manage") {
  if (!can(user, permission)) return null;
  const found = await prisma.serviceCall.count({ where: { AND: [{ id: callId }, callScope(user, permission)] } });
  if (!found) return null;
  const call = await loadCall(callId);
  if (!call) return null;
  return { ...call, ...summarise(call) };
}

/** The budget line a contract would draw on, with what it can still promise (for the contract page). */
export async function lineForContract(lineId: string | null) {
  if (!lineId) return null;
  const line = await prisma.budgetLine.findUnique({ where: { id: lineId }, select: { id: true, name: true, amountFen: true, fund: { select: { year: true, name: true } } } });
  if (!line) return null;
  const totals = await entryTotals(prisma as unknown as TTx, lineId);
  return { ...line, availableFen: availableFen({ amountFen: line.amountFen, ...totals }), outstandingFen: outstandingFen({ amountFen: line.amountFen, ...totals }) };
}
