import "server-only";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { practitionerScope } from "@/server/authz/scope";
import { creditCpd } from "@/server/registrations/mutations";
import { getSupervisionSettings } from "@/server/plan/training-settings";
import { notify, recipientSelect } from "@/server/notifications/notify";
import { deliver } from "@/server/notifications/mailer";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { isoDay, parseIsoDay, todayInCity } from "@/domain/common/calendar-day";
import { atCap, endDateProblem, sessionProblems } from "@/domain/supervision/rules";
import type { TApproveSupervisor, TWithdrawSupervisorApproval, TConfirmSession, TDisputeSession, TEndSupervision, TLogSession, TStartSupervision } from "@/domain/supervision/schemas";
import { supervisorStandings } from "./facts";
import { sessionAuditSelect, supervisionAuditSelect } from "./select";

// Supervision (plan.md T7): pairs started and ended by officials and agencies (the supervisee in
// their scope, the supervisor anywhere in the city), supervisors approved by the city, sessions
// logged by the pair's supervisor and confirmed or disputed by its supervisee. A confirmed
// session credits its hours to both people's continuing-education ledgers, once each. Every
// change runs in one transaction with its audit event; edits carry the version the page showed.

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

/**
 * Starts a pair. The supervisor's row is locked (FOR NO KEY UPDATE: it serialises every start for
 * that supervisor, yet leaves the foreign-key checks of other pairs alone, so two starts that
 * cross the same two people cannot deadlock), then eligibility and the cap are read under the lock:
 * however many officials start pairs for one supervisor at once, no more than the cap open.
 */
export async function startSupervision(input: TStartSupervision, now = new Date()) {
  const actor = await authorize("supervision.manage");
  const meta = await getRequestMeta();
  if (input.supervisorId === input.superviseeId) throw new DomainError("supervision.validation.selfSupervision", "superviseeId");
  const settings = await getSupervisionSettings();
  const today = todayInCity(now);
  return prisma.$transaction(async (tx) => {
    const supervisee = await tx.practitioner.findFirst({ where: { AND: [practitionerScope(actor, "supervision.manage"), { id: input.superviseeId }] }, select: { id: true, name: true, status: true } });
    if (!supervisee) throw new DomainError("supervision.validation.superviseeNotFound", "superviseeId");
    if (supervisee.status !== "ACTIVE") throw new DomainError("supervision.validation.superviseeNotActive", "superviseeId");
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Practitioner" WHERE id = ${input.supervisorId} FOR NO KEY UPDATE`;
    if (locked.length === 0) throw new DomainError("supervision.validation.supervisorNotFound", "supervisorId");
    const standing = (await supervisorStandings([input.supervisorId], settings, today, tx)).get(input.supervisorId)!;
    if (!standing.eligibility.eligible) throw new DomainError("supervision.validation.supervisorNotEligible", "supervisorId");
    const open = await tx.supervision.findFirst({ where: { supervisorId: input.supervisorId, superviseeId: supervisee.id, endDate: null }, select: { id: true } });
    if (open) throw new DomainError("supervision.validation.pairExists", "superviseeId");
    if (atCap(standing.active, settings)) throw new DomainError("supervision.validation.supervisorAtCap", "supervisorId");
    const created = await tx.supervision
      .create({ data: { supervisorId: input.supervisorId, superviseeId: supervisee.id, startDate: input.startDate, createdById: actor.id }, select: supervisionAuditSelect })
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? new DomainError("supervision.validation.pairExists", "superviseeId") : e;
      });
    await recordAudit(tx, { actor: auditActor(actor), action: "supervision.start", entity: "Supervision", entityId: created.id, before: null, after: created, meta });
    return created;
  });
}

/** Ends an open pair on its last day (after its start; no session of the pair may lie after it). */
export async function endSupervision(input: TEndSupervision, now = new Date()) {
  const actor = await authorize("supervision.manage");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const before = await tx.supervision.findFirst({ where: { id: input.id, supervisee: practitionerScope(actor, "supervision.manage") }, select: supervisionAuditSelect });
    if (!before) throw new DomainError("notFound");
    if (before.endDate) throw new DomainError("supervision.errors.alreadyEnded");
    if (before.version !== input.version) throw new StaleEditError();
    const problem = endDateProblem(input.endDate, before, todayInCity(now));
    if (problem) throw new DomainError(problem, "endDate");
    const later = await tx.supervisionSession.count({ where: { supervisionId: before.id, date: { gt: input.endDate }, status: { not: "DISPUTED" } } });
    if (later > 0) throw new DomainError("supervision.validation.sessionsAfterEnd", "endDate");
    const res = await tx.supervision.updateMany({ where: { id: before.id, version: input.version, endDate: null }, data: { endDate: input.endDate, version: { increment: 1 } } });
    if (res.count !== 1) throw new StaleEditError();
    const after = await tx.supervision.findUniqueOrThrow({ where: { id: before.id }, select: supervisionAuditSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: "supervision.end", entity: "Supervision", entityId: before.id, before, after, meta });
    return after;
  });
}

/** The city approves a supervisor who does not meet the level-and-years rule (once; the note says why). */
export async function approveSupervisor(input: TApproveSupervisor) {
  const actor = await authorize("supervision.approveSupervisor");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const person = await tx.practitioner.findFirst({ where: { AND: [practitionerScope(actor, "supervision.approveSupervisor"), { id: input.practitionerId }] }, select: { id: true, name: true, status: true, supervisorApproval: { select: { id: true } } } });
    if (!person) throw new DomainError("supervision.validation.supervisorNotFound", "practitionerId");
    if (person.status !== "ACTIVE") throw new DomainError("supervision.validation.superviseeNotActive", "practitionerId");
    if (person.supervisorApproval) throw new DomainError("supervision.validation.alreadyApproved", "practitionerId");
    const approval = await tx.supervisorApproval
      .create({ data: { practitionerId: person.id, approvedById: actor.id, note: input.note }, select: { id: true, practitionerId: true, approvedAt: true, note: true } })
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? new DomainError("supervision.validation.alreadyApproved", "practitionerId") : e;
      });
    await recordAudit(tx, { actor: auditActor(actor), action: "supervision.approveSupervisor", entity: "SupervisorApproval", entityId: approval.id, before: null, after: approval, meta });
    return { ...approval, name: person.name };
  });
}

/**
 * The city withdraws its approval of a supervisor. Their current pairs go on (ending them is a
 * separate, deliberate step); a new pair needs them to meet the level-and-years rule again.
 */
export async function withdrawSupervisorApproval(input: TWithdrawSupervisorApproval) {
  const actor = await authorize("supervision.approveSupervisor");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const approval = await tx.supervisorApproval.findFirst({
      where: { practitionerId: input.practitionerId, practitioner: practitionerScope(actor, "supervision.approveSupervisor") },
      select: { id: true, practitionerId: true, approvedAt: true, approvedById: true, note: true },
    });
    if (!approval) throw new DomainError("supervision.validation.approvalNotFound", "practitionerId");
    const { count } = await tx.supervisorApproval.deleteMany({ where: { id: approval.id } });
    if (count === 0) throw new DomainError("supervision.validation.approvalNotFound", "practitionerId");
    await recordAudit(tx, { actor: auditActor(actor), action: "supervision.withdrawApproval", entity: "SupervisorApproval", entityId: approval.id, before: approval, after: null, meta });
    return approval;
  });
}

/** The caller's own practitioner record: logging and confirming are done as oneself. */
function ownPractitioner(actor: TCurrentUser): string {
  if (!actor.practitionerId) throw new DomainError("supervision.errors.noPractitionerRecord");
  return actor.practitionerId;
}

async function accountsOf(tx: TTx, practitionerId: string) {
  return tx.user.findMany({ where: { practitionerId, disabledAt: null }, select: recipientSelect });
}

/**
 * Logs a session of a pair, as its supervisor: a day inside the pair's period and not in the
 * future; with the supervisor's other sessions that day (with any of their supervisees), at most
 * the city's daily maximum of hours, since every confirmed hour goes to the supervisor's ledger
 * too. The supervisor's register row is locked while the day's hours are added up, so two
 * sessions logged at once (for two pairs) cannot pass the limit together.
 */
export async function logSession(input: TLogSession, now = new Date()) {
  const actor = await authorize("supervision.log");
  const meta = await getRequestMeta();
  const me = ownPractitioner(actor);
  const settings = await getSupervisionSettings();
  const date = parseIsoDay(input.date)!;
  const { session, emails } = await prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Supervision" WHERE id = ${input.supervisionId} FOR NO KEY UPDATE`;
    const pair = rows.length ? await tx.supervision.findUnique({ where: { id: input.supervisionId }, select: { id: true, supervisorId: true, superviseeId: true, startDate: true, endDate: true, supervisor: { select: { name: true } }, supervisee: { select: { name: true } } } }) : null;
    if (!pair || (pair.supervisorId !== me && pair.superviseeId !== me)) throw new DomainError("supervision.validation.pairNotFound", "supervisionId");
    if (pair.supervisorId !== me) throw new DomainError("supervision.errors.notSupervisor");
    await tx.$queryRaw`SELECT id FROM "Practitioner" WHERE id = ${pair.supervisorId} FOR NO KEY UPDATE`;
    const sameDay = await tx.supervisionSession.aggregate({ where: { supervision: { supervisorId: pair.supervisorId }, date, status: { not: "DISPUTED" } }, _sum: { halfHours: true } });
    const problems = sessionProblems({ date, halfHours: input.halfHours }, { pair, today: todayInCity(now), maxHoursPerDay: settings.cpdMaxHoursPerDay, halfHoursSameDay: sameDay._sum.halfHours ?? 0 });
    if (problems.date) throw new DomainError(problems.date, "date");
    if (problems.hours) throw new DomainError(problems.hours, "hours");
    const session = await tx.supervisionSession.create({ data: { supervisionId: pair.id, date, halfHours: input.halfHours, topic: input.topic, loggedById: actor.id }, select: sessionAuditSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: "supervision.logSession", entity: "SupervisionSession", entityId: session.id, before: null, after: session, meta });
    const sent = await notify(tx, await accountsOf(tx, pair.superviseeId), {
      kind: "supervisionLogged",
      params: { name: pair.supervisee.name, supervisor: pair.supervisor.name, date: input.date, hours: input.halfHours / 2, topic: input.topic },
      href: () => "/me/supervision",
    });
    return { session, emails: sent.emails };
  });
  for (const id of emails) await deliver(id);
  return session;
}

/** A session the caller may decide as its supervisee, locked for the decision; refusals name what is wrong. */
async function sessionForDecision(tx: TTx, actor: TCurrentUser, ref: { id: string; version: number }) {
  const me = ownPractitioner(actor);
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "SupervisionSession" WHERE id = ${ref.id} FOR UPDATE`;
  const session = rows.length
    ? await tx.supervisionSession.findUnique({
        where: { id: ref.id },
        select: { ...sessionAuditSelect, supervision: { select: { supervisorId: true, superviseeId: true, supervisor: { select: { id: true, name: true } }, supervisee: { select: { id: true, name: true } } } } },
      })
    : null;
  // Someone outside the pair learns nothing about it; its supervisor is told that only the supervisee decides.
  if (!session || (session.supervision.superviseeId !== me && session.supervision.supervisorId !== me)) throw new DomainError("notFound");
  if (session.supervision.superviseeId !== me) throw new DomainError("supervision.errors.notSupervisee");
  if (session.status !== "LOGGED") throw new DomainError("supervision.errors.notLogged");
  if (session.version !== ref.version) throw new StaleEditError();
  return session;
}

/**
 * The supervisee confirms a session: its hours go to both ledgers (kind SUPERVISION, verified,
 * once each: sourceRef supervision:<id>:supervisee and :supervisor).
 */
export async function confirmSession(input: TConfirmSession) {
  const actor = await authorize("supervision.confirm");
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const before = await sessionForDecision(tx, actor, input);
    const res = await tx.supervisionSession.updateMany({ where: { id: before.id, version: input.version, status: "LOGGED" }, data: { status: "CONFIRMED", confirmedAt: new Date(), version: { increment: 1 } } });
    if (res.count !== 1) throw new StaleEditError();
    const { supervisor, supervisee } = before.supervision;
    const common = { kind: "SUPERVISION" as const, title: before.topic, startDate: before.date, endDate: before.date, halfHours: before.halfHours };
    await creditCpd(tx, { ...common, practitionerId: supervisee.id, provider: supervisor.name, sourceRef: `supervision:${before.id}:supervisee` });
    await creditCpd(tx, { ...common, practitionerId: supervisor.id, provider: supervisee.name, sourceRef: `supervision:${before.id}:supervisor` });
    const after = await tx.supervisionSession.findUniqueOrThrow({ where: { id: before.id }, select: sessionAuditSelect });
    const { supervision: _pair, ...shown } = before; // eslint-disable-line @typescript-eslint/no-unused-vars
    await recordAudit(tx, { actor: auditActor(actor), action: "supervision.confirmSession", entity: "SupervisionSession", entityId: before.id, before: shown, after, meta });
    return { ...after, date: isoDay(after.date) };
  });
}

/** The supervisee disputes a session, saying why: nothing is credited, and the supervisor is told. */
export async function disputeSession(input: TDisputeSession) {
  const actor = await authorize("supervision.confirm");
  const meta = await getRequestMeta();
  const { after, emails } = await prisma.$transaction(async (tx) => {
    const before = await sessionForDecision(tx, actor, input);
    const res = await tx.supervisionSession.updateMany({ where: { id: before.id, version: input.version, status: "LOGGED" }, data: { status: "DISPUTED", reason: input.reason, version: { increment: 1 } } });
    if (res.count !== 1) throw new StaleEditError();
    const after = await tx.supervisionSession.findUniqueOrThrow({ where: { id: before.id }, select: sessionAuditSelect });
    const { supervision, ...shown } = before;
    await recordAudit(tx, { actor: auditActor(actor), action: "supervision.disputeSession", entity: "SupervisionSession", entityId: before.id, before: shown, after, meta });
    const sent = await notify(tx, await accountsOf(tx, supervision.supervisorId), {
      kind: "supervisionDisputed",
      params: { name: supervision.supervisee.name, supervisor: supervision.supervisor.name, date: isoDay(before.date), hours: before.halfHours / 2, topic: before.topic, reason: input.reason },
      href: () => "/me/supervision",
    });
    return { after, emails: sent.emails };
  });
  for (const id of emails) await deliver(id);
  return after;
}
