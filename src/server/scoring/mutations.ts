import "server-only";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { commitFunds } from "@/server/funds/ledger";
import { notify, recipientSelect } from "@/server/notifications/notify";
import { deliver } from "@/server/notifications/mailer";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import { isCompleteSheet, isValidScore, formatContractReference } from "@/domain/scoring/rules";
import type { TAddPanelMember, TCreateContract, TDeclareConflict, TRemovePanelMember, TScoreProposal, TSelectProposal } from "@/domain/scoring/schemas";
import { callScope, myPanelCalls } from "./scope";

// A call's panel, the scorers' declarations and scores, the city's selection and the contract.
// Each write locks the call's row first (SELECT … FOR UPDATE), so a score, a selection and a
// contract for one call are serialised: nothing is scored after the selection, and a call gets one
// contract (the unique Contract.callId is the last word).

/** Locks the call and returns its status; the caller has already checked it may reach the call. */
async function lockCall(tx: TTx, callId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ServiceCall" WHERE "id" = ${callId} FOR UPDATE`;
  if (rows.length === 0) throw new DomainError("scoring.errors.callNotFound");
  return tx.serviceCall.findUniqueOrThrow({
    where: { id: callId },
    select: { id: true, reference: true, title: true, status: true, deadline: true, departmentId: true, version: true, budgetFen: true, budgetLineId: true, minQualifiedStaff: true, minQualifiedPercent: true, selectedProposalId: true },
  });
}

/** The call if the caller may manage it (serviceCalls.manage / contracts.manage in scope). */
async function managedCallId(tx: TTx, actor: TCurrentUser, callId: string, permission: "serviceCalls.manage" | "contracts.manage") {
  const call = await tx.serviceCall.findFirst({ where: { AND: [{ id: callId }, callScope(actor, permission)] }, select: { id: true } });
  if (!call) throw new DomainError("scoring.errors.callNotFound");
  return call.id;
}

/** The caller's seat on the call's panel. */
async function mySeat(tx: TTx, actor: TCurrentUser, callId: string) {
  const seat = await tx.panelMember.findFirst({ where: { callId, userId: actor.id, call: myPanelCalls(actor) }, select: { id: true, declaredAt: true, conflict: true } });
  if (!seat) throw new DomainError("scoring.errors.notOnPanel");
  return seat;
}

const PANEL_OPEN = new Set(["DRAFT", "OPEN", "CLOSED"]);

// ─── Panel ─────────────────────────────────────────────────────────────────────────────────

/** Seats a city administrator, an officer of the commissioning department, or an external expert. */
export async function addPanelMember(input: TAddPanelMember) {
  const actor = await authorize("serviceCalls.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const call = await lockCall(tx, await managedCallId(tx, actor, input.callId, "serviceCalls.manage"));
    if (!PANEL_OPEN.has(call.status)) throw new DomainError("scoring.errors.panelClosed");
    const user = await tx.user.findFirst({ where: { id: input.userId, disabledAt: null }, select: { id: true, role: true, organizationId: true, name: true } });
    const fits = !!user && (user.role === "CITY_ADMIN" || user.role === "EXPERT" || (user.role === "DEPARTMENT_OFFICER" && !!call.departmentId && user.organizationId === call.departmentId));
    if (!user || !fits) throw new DomainError("scoring.errors.notPanelCandidate");
    if (await tx.panelMember.findUnique({ where: { callId_userId: { callId: call.id, userId: user.id } }, select: { id: true } })) throw new DomainError("scoring.errors.alreadyOnPanel");
    const member = await tx.panelMember.create({ data: { callId: call.id, userId: user.id, kind: user.role === "EXPERT" ? "EXPERT" : "OFFICIAL" }, select: { id: true, callId: true, userId: true, kind: true } });
    await recordAudit(tx, { actor: auditActor(actor), action: "scoring.addMember", entity: "PanelMember", entityId: member.id, before: null, after: { ...member, name: user.name }, meta });
    return member;
  });
}

/** Takes a scorer off the panel, while they have scored nothing. */
export async function removePanelMember(input: TRemovePanelMember) {
  const actor = await authorize("serviceCalls.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const call = await lockCall(tx, await managedCallId(tx, actor, input.callId, "serviceCalls.manage"));
    if (!PANEL_OPEN.has(call.status)) throw new DomainError("scoring.errors.panelClosed");
    const member = await tx.panelMember.findFirst({ where: { id: input.memberId, callId: call.id }, select: { id: true, userId: true, kind: true, _count: { select: { scores: true } } } });
    if (!member) throw new DomainError("notFound");
    if (member._count.scores > 0) throw new DomainError("scoring.errors.memberHasScores");
    await tx.panelMember.delete({ where: { id: member.id } });
    await recordAudit(tx, { actor: auditActor(actor), action: "scoring.removeMember", entity: "PanelMember", entityId: member.id, before: { callId: call.id, userId: member.userId, kind: member.kind }, after: null, meta });
    return { id: member.id };
  });
}

// ─── Declaration and scores ────────────────────────────────────────────────────────────────

/** The scorer's declaration, once, after the call closed (when the proposing agencies are known). */
export async function declareConflict(input: TDeclareConflict) {
  const actor = await authorize("proposals.score");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const seat = await mySeat(tx, actor, input.callId);
    const call = await lockCall(tx, input.callId);
    if (call.status !== "CLOSED") throw new DomainError(call.status === "DRAFT" || call.status === "OPEN" ? "scoring.errors.notClosed" : "scoring.errors.panelClosed");
    if (seat.declaredAt) throw new DomainError("scoring.errors.alreadyDeclared");
    const after = { declaredAt: new Date(), conflict: input.conflict, conflictNote: input.conflict ? input.conflictNote : null };
    await tx.panelMember.update({ where: { id: seat.id }, data: after });
    await recordAudit(tx, { actor: auditActor(actor), action: "scoring.declare", entity: "PanelMember", entityId: seat.id, before: { declaredAt: null }, after, meta });
    return { id: seat.id, conflict: input.conflict };
  });
}

/**
 * The scorer's scores of one proposal, every criterion at once: integers 0..maxScore. A scorer who
 * has not declared, or declared a conflict, scores nothing; only after the deadline, on a closed
 * call, and only eligible (SUBMITTED) proposals. Anything out of range: refused, nothing written.
 */
export async function scoreProposal(input: TScoreProposal) {
  const actor = await authorize("proposals.score");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const seat = await mySeat(tx, actor, input.callId);
    const call = await lockCall(tx, input.callId);
    if (!seat.declaredAt) throw new DomainError("scoring.errors.notDeclared");
    if (seat.conflict) throw new DomainError("scoring.errors.conflictDeclared");
    if (call.deadline.getTime() > Date.now()) throw new DomainError("scoring.errors.beforeDeadline");
    if (call.status !== "CLOSED") throw new DomainError(call.status === "SELECTED" ? "scoring.errors.panelClosed" : "scoring.errors.notClosed");
    const proposal = await tx.proposal.findFirst({ where: { id: input.proposalId, callId: call.id }, select: { id: true, status: true } });
    if (!proposal || proposal.status !== "SUBMITTED") throw new DomainError("scoring.errors.proposalNotScorable");
    const criteria = await tx.callCriterion.findMany({ where: { callId: call.id }, orderBy: { number: "asc" }, select: { id: true, maxScore: true } });
    for (const c of criteria) {
      const value = input.score[c.id];
      if (value === undefined) throw new DomainError("scoring.validation.scoreMissing", `score.${c.id}`);
      if (!isValidScore(value, c.maxScore)) throw new DomainError("scoring.validation.scoreRange", `score.${c.id}`);
    }
    const before = await tx.score.findMany({ where: { proposalId: proposal.id, panelMemberId: seat.id }, select: { criterionId: true, score: true } });
    for (const c of criteria) {
      const score = input.score[c.id]!;
      await tx.score.upsert({
        where: { proposalId_panelMemberId_criterionId: { proposalId: proposal.id, panelMemberId: seat.id, criterionId: c.id } },
        create: { proposalId: proposal.id, panelMemberId: seat.id, criterionId: c.id, score },
        update: { score },
      });
    }
    const after = criteria.map((c) => ({ criterionId: c.id, score: input.score[c.id]! }));
    await recordAudit(tx, { actor: auditActor(actor), action: "scoring.score", entity: "Proposal", entityId: proposal.id, before: before.length ? { scores: before } : null, after: { panelMemberId: seat.id, scores: after }, meta });
    return { proposalId: proposal.id };
  });
}

// ─── Selection ─────────────────────────────────────────────────────────────────────────────

/**
 * The city selects the proposal that gets the contract, with its reason (audited): that proposal
 * becomes SELECTED, the other eligible ones NOT_SELECTED, the call SELECTED. Every eligible
 * proposal must have been scored completely by at least one scorer.
 */
export async function selectProposal(input: TSelectProposal) {
  const actor = await authorize("proposals.select");
  const meta = await getRequestMeta();
  const result = await prisma.$transaction(async (tx) => {
    const found = await tx.serviceCall.findFirst({ where: { AND: [{ id: input.callId }, callScope(actor, "proposals.select")] }, select: { id: true } });
    if (!found) throw new DomainError("scoring.errors.callNotFound");
    const call = await lockCall(tx, found.id);
    if (call.version !== input.version) throw new StaleEditError();
    if (call.status !== "CLOSED") throw new DomainError("scoring.errors.notSelectable");
    const proposals = await tx.proposal.findMany({ where: { callId: call.id, status: "SUBMITTED" }, select: { id: true, organizationId: true } });
    const chosen = proposals.find((p) => p.id === input.proposalId);
    if (!chosen) throw new DomainError("scoring.errors.proposalNotScorable");
    const criteria = await tx.callCriterion.findMany({ where: { callId: call.id }, select: { id: true, weight: true, maxScore: true } });
    const scores = await tx.score.findMany({ where: { proposalId: { in: proposals.map((p) => p.id) } }, select: { proposalId: true, panelMemberId: true, criterionId: true, score: true } });
    const scored = proposals.every((p) => {
      const byMember = new Map<string, Map<string, number>>();
      for (const s of scores.filter((s) => s.proposalId === p.id)) byMember.set(s.panelMemberId, (byMember.get(s.panelMemberId) ?? new Map()).set(s.criterionId, s.score));
      return [...byMember.values()].some((sheet) => isCompleteSheet(criteria, sheet));
    });
    if (!scored) throw new DomainError("scoring.errors.unscoredProposals");
    await tx.proposal.update({ where: { id: chosen.id }, data: { status: "SELECTED", version: { increment: 1 } } });
    await tx.proposal.updateMany({ where: { callId: call.id, status: "SUBMITTED", id: { not: chosen.id } }, data: { status: "NOT_SELECTED", version: { increment: 1 } } });
    const updated = await tx.serviceCall.updateMany({ where: { id: call.id, version: input.version }, data: { status: "SELECTED", selectedProposalId: chosen.id, selectionReason: input.reason, version: { increment: 1 } } });
    if (updated.count !== 1) throw new StaleEditError();
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "scoring.select",
      entity: "ServiceCall",
      entityId: call.id,
      before: { status: call.status, selectedProposalId: null },
      after: { status: "SELECTED", selectedProposalId: chosen.id, organizationId: chosen.organizationId, reason: input.reason, notSelected: proposals.filter((p) => p.id !== chosen.id).map((p) => p.id) },
      meta,
    });
    // Each agency that proposed hears the outcome (its administrators, in their language).
    const agencies = await tx.organization.findMany({ where: { id: { in: proposals.map((p) => p.organizationId) } }, select: { id: true, name: true } });
    const emails: string[] = [];
    for (const p of proposals) {
      const outcome = p.id === chosen.id ? ("SELECTED" as const) : ("NOT_SELECTED" as const);
      const admins = await tx.user.findMany({ where: { role: "AGENCY_ADMIN", organizationId: p.organizationId, disabledAt: null }, select: recipientSelect, orderBy: { createdAt: "asc" } });
      const sent = await notify(tx, admins, {
        kind: "proposalDecided",
        params: { reference: call.reference, title: call.title, agency: agencies.find((a) => a.id === p.organizationId)?.name ?? "", outcome },
        href: () => `/service-calls/${call.id}`,
        dedupeKey: (u) => `proposalDecided:${p.id}:${u.id}`,
      });
      emails.push(...sent.emails);
    }
    return { callId: call.id, proposalId: chosen.id, emails };
  });
  for (const id of result.emails) await deliver(id);
  return { callId: result.callId, proposalId: result.proposalId };
}

// ─── Contract ──────────────────────────────────────────────────────────────────────────────

/** The next contract reference of the year, under a lock so two contracts never share one. */
async function nextContractReference(tx: TTx, year: number): Promise<string> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('contract.reference'))::text`;
  // "HT-2027-" is 8 characters: the sequence starts at the 9th.
  const rows = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT max(substring(reference from 9)::int) AS max FROM "Contract"
     WHERE reference LIKE ${`HT-${year}-%`} AND substring(reference from 9) ~ '^[0-9]{1,9}$'`;
  return formatContractReference(year, Number(rows[0]?.max ?? 0) + 1);
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

/**
 * The contract of the selected proposal: value (≤ the call's budget), term, staffing copied from
 * the call, milestones adding up to the value (checked by the schema), the proposal's named staff;
 * the value is promised from the call's budget line (refused when the line lacks it).
 */
export async function createContract(input: TCreateContract) {
  const actor = await authorize("contracts.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const call = await lockCall(tx, await managedCallId(tx, actor, input.callId, "contracts.manage"));
    if (call.status !== "SELECTED" || !call.selectedProposalId) throw new DomainError("scoring.errors.notSelected");
    if (await tx.contract.findUnique({ where: { callId: call.id }, select: { id: true } })) throw new DomainError("scoring.errors.contractExists");
    if (!call.budgetLineId) throw new DomainError("scoring.errors.noBudgetLine");
    if (input.value > call.budgetFen) throw new DomainError("scoring.validation.valueAboveBudget", "value");
    const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: call.selectedProposalId }, select: { id: true, organizationId: true, staff: { select: { practitionerId: true } } } });
    const reference = await nextContractReference(tx, todayInCity().getUTCFullYear());
    const contract = await tx.contract
      .create({
        data: {
          reference,
          callId: call.id,
          organizationId: proposal.organizationId,
          valueFen: input.value,
          termStart: input.termStart,
          termEnd: input.termEnd,
          minQualifiedStaff: call.minQualifiedStaff,
          minQualifiedPercent: call.minQualifiedPercent,
          budgetLineId: call.budgetLineId,
          createdById: actor.id,
          milestones: { create: input.milestones.map((m, i) => ({ number: i + 1, title: m.title, deliverable: m.deliverable, dueDate: m.dueDate, amountFen: m.amount })) },
          staff: { create: proposal.staff.map((s) => ({ practitionerId: s.practitionerId, from: input.termStart })) },
        },
        select: { id: true, reference: true, callId: true, organizationId: true, valueFen: true, termStart: true, termEnd: true, budgetLineId: true },
      })
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? new DomainError("scoring.errors.contractExists") : e;
      });
    await commitFunds(tx, { lineId: call.budgetLineId, amountFen: input.value, sourceRef: `contract:${contract.id}`, note: reference, actorId: actor.id });
    await recordAudit(tx, { actor: auditActor(actor), action: "contracts.create", entity: "Contract", entityId: contract.id, before: null, after: { ...contract, milestones: input.milestones.length, staff: proposal.staff.length }, meta });
    return contract;
  });
}
