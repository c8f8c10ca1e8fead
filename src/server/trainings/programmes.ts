import "server-only";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { trainingScope } from "@/server/authz/scope";
import { releaseCommitment } from "@/server/funds/ledger";
import { notify } from "@/server/notifications/notify";
import { deliver } from "@/server/notifications/mailer";
import { scopeOf } from "@/domain/authz/matrix";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { todayInCity } from "@/domain/common/calendar-day";
import { enrolmentSourceRef, formatTrainingReference, publishBlocker, sessionsTotal } from "@/domain/trainings/rules";
import type { TAddSession, TCreateTraining, TRemoveSession, TTrainingRef, TUpdateSession, TUpdateTraining } from "@/domain/trainings/schemas";
import { assertApproved } from "./providers";
import { lockTraining, placesTaken } from "./common";
import { enrolledAudience, fillPlaces, notifyPromoted } from "./enrolment";
import { completeTraining } from "./completion";

// Programmes (培训项目): created and edited by their provider (or the city for any provider),
// sessions that make up the programme's length, published within a current approval, cancelled
// (every promise given back, everyone told) or closed (completions decided, completion.ts).

const ACTION = "trainings.manage" as const;

const auditSelect = {
  id: true,
  reference: true,
  kind: true,
  scope: true,
  title: true,
  providerId: true,
  startDate: true,
  endDate: true,
  venue: true,
  capacity: true,
  lengthHalfHours: true,
  cpdHalfHours: true,
  completionPercent: true,
  audienceDepartmentTypes: true,
  audienceRegionIds: true,
  audienceOrganizationKinds: true,
  audienceLevels: true,
  costFen: true,
  subsidyFen: true,
  budgetLineId: true,
  status: true,
  version: true,
} as const;

/** The provider a programme is saved for: the caller's own organisation, or (the city) the one chosen. */
async function providerFor(tx: TTx, actor: TCurrentUser, chosen: string | undefined): Promise<string> {
  if (scopeOf(actor.role, ACTION) === "organization") {
    if (!actor.organizationId) throw new DomainError("trainings.errors.notProvider");
    const own = await tx.organization.findFirst({ where: { id: actor.organizationId, kind: "TRAINING_PROVIDER" }, select: { id: true } });
    if (!own) throw new DomainError("trainings.errors.notProvider");
    return own.id;
  }
  if (!chosen) throw new DomainError("trainings.validation.providerRequired", "providerId");
  const org = await tx.organization.findFirst({ where: { id: chosen, kind: "TRAINING_PROVIDER" }, select: { id: true } });
  if (!org) throw new DomainError("trainings.validation.notProviderKind", "providerId");
  return org.id;
}

/** A subsidy draws on a training-subsidy line; districts of the audience are districts. */
async function checkReferences(tx: TTx, input: TCreateTraining) {
  if (input.budgetLineId) {
    const line = await tx.budgetLine.findUnique({ where: { id: input.budgetLineId }, select: { kind: true } });
    if (!line || line.kind !== "TRAINING_SUBSIDY") throw new DomainError("trainings.validation.lineNotSubsidy", "budgetLineId");
  }
  const regions = [...new Set(input.audienceRegionIds)];
  if (regions.length) {
    const found = await tx.region.count({ where: { id: { in: regions }, level: "DISTRICT" } });
    if (found !== regions.length) throw new DomainError("trainings.validation.notDistrict", "audienceRegionIds");
  }
}

function columns(input: TCreateTraining) {
  return {
    kind: input.kind,
    scope: input.scope,
    title: input.title,
    venue: input.venue,
    startDate: input.startDate,
    endDate: input.endDate,
    capacity: input.capacity,
    lengthHalfHours: input.hours,
    cpdHalfHours: input.cpdHours,
    completionPercent: input.completionPercent,
    audienceDepartmentTypes: [...new Set(input.audienceDepartmentTypes)],
    audienceRegionIds: [...new Set(input.audienceRegionIds)],
    audienceOrganizationKinds: [...new Set(input.audienceOrganizationKinds)],
    audienceLevels: [...new Set(input.audienceLevels)],
    costFen: input.cost,
    subsidyFen: input.subsidy,
    // A line only matters with a subsidy to draw.
    budgetLineId: input.subsidy > 0 ? (input.budgetLineId ?? null) : null,
  };
}

/** The next reference of the programme's year, under a lock so two programmes never share one. */
async function nextReference(tx: TTx, year: number): Promise<string> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('training.reference'))::text`;
  // "PX-2027-" is 8 characters: the sequence starts at the 9th.
  const rows = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT max(substring(reference from 9)::int) AS max FROM "Training"
     WHERE reference LIKE ${`PX-${year}-%`} AND substring(reference from 9) ~ '^[0-9]{1,9}$'`;
  return formatTrainingReference(year, Number(rows[0]?.max ?? 0) + 1);
}

/** A new programme, as a draft: its sessions are added next, then it is published. */
export async function createTraining(input: TCreateTraining) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const providerId = await providerFor(tx, actor, input.providerId);
    await assertApproved(tx, providerId, input.scope);
    await checkReferences(tx, input);
    const reference = await nextReference(tx, input.startDate.getUTCFullYear());
    const t = await tx.training.create({ data: { ...columns(input), reference, providerId, status: "DRAFT", createdById: actor.id }, select: auditSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: "trainings.create", entity: "Training", entityId: t.id, before: null, after: t, meta });
    return t;
  });
}

/** The programme if the caller may manage it, else notFound (another provider's reads as missing). */
async function managed(tx: TTx, actor: TCurrentUser, id: string) {
  const t = await tx.training.findFirst({ where: { AND: [{ id }, trainingScope(actor, ACTION)] }, select: { id: true } });
  if (!t) throw new DomainError("notFound");
  return lockTraining(tx, t.id);
}

const editable = (status: string) => status === "DRAFT" || status === "PUBLISHED";

/**
 * Edits a draft or published programme. Once published: its length stays the total of its
 * sessions, its capacity not below those holding a place (a larger one moves the waiting list
 * up), and its money as promised once people are enrolled.
 */
export async function updateTraining(input: TUpdateTraining) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  const { after, emails } = await prisma.$transaction(async (tx) => {
    const t = await managed(tx, actor, input.id);
    if (!editable(t.status)) throw new DomainError("trainings.errors.notEditable");
    if (t.version !== input.version) throw new StaleEditError();
    await assertApproved(tx, t.providerId, input.scope);
    await checkReferences(tx, input);
    const data = columns(input);
    if (t.status === "PUBLISHED") {
      const sessions = await tx.trainingSession.findMany({ where: { trainingId: t.id }, select: { halfHours: true } });
      if (sessionsTotal(sessions) !== data.lengthHalfHours) throw new DomainError("trainings.validation.lengthNotSessions", "hours");
      if (data.capacity < (await placesTaken(tx, t.id))) throw new DomainError("trainings.validation.capacityBelowEnrolled", "capacity");
      const anyone = await tx.trainingEnrolment.count({ where: { trainingId: t.id, status: { in: ["ENROLLED", "WAITLISTED"] } } });
      if (anyone && (data.subsidyFen !== t.subsidyFen || data.budgetLineId !== t.budgetLineId)) throw new DomainError("trainings.validation.moneyFixed", "subsidy");
    }
    const before = await tx.training.findUniqueOrThrow({ where: { id: t.id }, select: auditSelect });
    const res = await tx.training.updateMany({ where: { id: t.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (res.count !== 1) throw new StaleEditError();
    const after = await tx.training.findUniqueOrThrow({ where: { id: t.id }, select: auditSelect });
    const { promoted } = await fillPlaces(tx, { ...t, ...data, version: after.version }, actor.id);
    await recordAudit(tx, { actor: auditActor(actor), action: "trainings.update", entity: "Training", entityId: t.id, before, after: { ...after, promoted: promoted.map((p) => p.id) }, meta });
    return { after, emails: await notifyPromoted(tx, t, promoted) };
  });
  for (const id of emails) await deliver(id).catch(() => undefined);
  return after;
}

/** Sessions fall within the programme's dates and never add up past its length. */
async function checkSessions(tx: TTx, t: { id: string; startDate: Date; endDate: Date; lengthHalfHours: number }, session: { date: Date; halfHours: number }, exceptId?: string) {
  if (session.date.getTime() < t.startDate.getTime() || session.date.getTime() > t.endDate.getTime()) throw new DomainError("trainings.validation.sessionOutsideDates", "date");
  const others = await tx.trainingSession.findMany({ where: { trainingId: t.id, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { halfHours: true } });
  if (sessionsTotal(others) + session.halfHours > t.lengthHalfHours) throw new DomainError("trainings.validation.sessionsBeyondLength", "hours");
}

/** Renumbers a programme's sessions by date and start time (1, 2, 3 …). */
async function renumber(tx: TTx, trainingId: string) {
  const sessions = await tx.trainingSession.findMany({ where: { trainingId }, orderBy: [{ date: "asc" }, { startsAt: "asc" }, { number: "asc" }], select: { id: true, number: true } });
  // Two passes past the unique (trainingId, number): first out of the way, then into place.
  for (const [i, s] of sessions.entries()) if (s.number !== i + 1) await tx.trainingSession.update({ where: { id: s.id }, data: { number: -(i + 1) } });
  for (const [i, s] of sessions.entries()) if (s.number !== i + 1) await tx.trainingSession.update({ where: { id: s.id }, data: { number: i + 1 } });
}

export async function addSession(input: TAddSession) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const t = await managed(tx, actor, input.trainingId);
    if (!editable(t.status)) throw new DomainError("trainings.errors.notEditable");
    await checkSessions(tx, t, { date: input.date, halfHours: input.hours });
    const count = await tx.trainingSession.count({ where: { trainingId: t.id } });
    const s = await tx.trainingSession.create({
      data: { trainingId: t.id, number: count + 1, date: input.date, startsAt: input.startsAt, halfHours: input.hours, topic: input.topic },
      select: { id: true, trainingId: true, date: true, startsAt: true, halfHours: true, topic: true },
    });
    await renumber(tx, t.id);
    await recordAudit(tx, { actor: auditActor(actor), action: "trainings.addSession", entity: "TrainingSession", entityId: s.id, before: null, after: s, meta });
    return s;
  });
}

export async function updateSession(input: TUpdateSession) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const found = await tx.trainingSession.findFirst({ where: { id: input.id, training: trainingScope(actor, ACTION) }, select: { id: true, trainingId: true } });
    if (!found) throw new DomainError("notFound");
    const t = await lockTraining(tx, found.trainingId);
    if (!editable(t.status)) throw new DomainError("trainings.errors.notEditable");
    await checkSessions(tx, t, { date: input.date, halfHours: input.hours }, found.id);
    const before = await tx.trainingSession.findUniqueOrThrow({ where: { id: found.id }, select: { date: true, startsAt: true, halfHours: true, topic: true } });
    // Once published, the sessions keep making up the whole length.
    if (t.status === "PUBLISHED" && input.hours !== before.halfHours) throw new DomainError("trainings.validation.lengthNotSessions", "hours");
    const after = await tx.trainingSession.update({ where: { id: found.id }, data: { date: input.date, startsAt: input.startsAt, halfHours: input.hours, topic: input.topic }, select: { date: true, startsAt: true, halfHours: true, topic: true } });
    await renumber(tx, t.id);
    await recordAudit(tx, { actor: auditActor(actor), action: "trainings.updateSession", entity: "TrainingSession", entityId: found.id, before, after, meta });
    return { id: found.id, trainingId: t.id };
  });
}

/** Removes a session of a draft (a published programme's sessions make up its length). */
export async function removeSession(input: TRemoveSession) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const found = await tx.trainingSession.findFirst({ where: { id: input.id, training: trainingScope(actor, ACTION) }, select: { id: true, trainingId: true, number: true, topic: true, _count: { select: { attendance: true } } } });
    if (!found) throw new DomainError("notFound");
    const t = await lockTraining(tx, found.trainingId);
    if (t.status !== "DRAFT") throw new DomainError("trainings.errors.notEditable");
    if (found._count.attendance) throw new DomainError("trainings.errors.sessionHasAttendance");
    await tx.trainingSession.delete({ where: { id: found.id } });
    await renumber(tx, t.id);
    await recordAudit(tx, { actor: auditActor(actor), action: "trainings.removeSession", entity: "TrainingSession", entityId: found.id, before: { number: found.number, topic: found.topic }, after: null, meta });
    return { id: found.id, trainingId: t.id };
  });
}

/** Opens a draft for enrolment: sessions make up its length, the provider is approved for its scope today, its subsidy has a line. */
export async function publishTraining(input: TTrainingRef) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  return prisma.$transaction(async (tx) => {
    const t = await managed(tx, actor, input.id);
    if (t.status !== "DRAFT") throw new DomainError("trainings.errors.notEditable");
    if (t.version !== input.version) throw new StaleEditError();
    const full = await tx.training.findUniqueOrThrow({ where: { id: t.id }, select: { scope: true, sessions: { select: { halfHours: true } } } });
    const blocker = publishBlocker({ lengthHalfHours: t.lengthHalfHours, sessions: full.sessions });
    if (blocker) throw new DomainError(`trainings.errors.${blocker}`);
    await assertApproved(tx, t.providerId, full.scope);
    if (t.subsidyFen > 0 && !t.budgetLineId) throw new DomainError("trainings.errors.lineRequired");
    await tx.training.update({ where: { id: t.id }, data: { status: "PUBLISHED", version: { increment: 1 } } });
    await recordAudit(tx, { actor: auditActor(actor), action: "trainings.publish", entity: "Training", entityId: t.id, before: { status: "DRAFT" }, after: { status: "PUBLISHED" }, meta });
    return { id: t.id };
  });
}

/** Cancels a draft or published programme: every enrolment withdrawn, every promise given back, everyone told. */
export async function cancelTraining(input: TTrainingRef) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  const { result, emails } = await prisma.$transaction(
    async (tx) => {
      const t = await managed(tx, actor, input.id);
      if (!editable(t.status)) throw new DomainError("trainings.errors.notEditable");
      if (t.version !== input.version) throw new StaleEditError();
      const active = await tx.trainingEnrolment.findMany({ where: { trainingId: t.id, status: { in: ["ENROLLED", "WAITLISTED"] } }, select: { id: true, status: true, practitionerId: true } });
      for (const e of active) if (e.status === "ENROLLED") await releaseCommitment(tx, enrolmentSourceRef(e.id), actor.id, t.reference);
      await tx.trainingEnrolment.updateMany({ where: { id: { in: active.map((e) => e.id) } }, data: { status: "WITHDRAWN", waitlistPosition: null, withdrawnAt: new Date() } });
      await tx.training.update({ where: { id: t.id }, data: { status: "CANCELLED", version: { increment: 1 } } });
      await recordAudit(tx, { actor: auditActor(actor), action: "trainings.cancel", entity: "Training", entityId: t.id, before: { status: t.status }, after: { status: "CANCELLED", withdrawn: active.length }, meta });
      const emails: string[] = [];
      for (const { person, readers } of await enrolledAudience(tx, active.map((e) => e.practitionerId))) {
        const sent = await notify(tx, readers, {
          kind: "trainingCancelled",
          params: { name: person.name, title: t.title, reference: t.reference },
          href: () => `/trainings/${t.id}`,
          dedupeKey: (u) => `trainingCancelled:${t.id}:${person.id}:${u.id}`,
        });
        emails.push(...sent.emails);
      }
      return { result: { id: t.id, withdrawn: active.length }, emails };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  for (const id of emails) await deliver(id).catch(() => undefined);
  return result;
}

/**
 * Closes a published programme once its sessions are over and decides the completions
 * (completion.ts): hours credited and subsidies paid for those who attended enough, promises given
 * back for the others.
 */
export async function closeTraining(input: TTrainingRef, today = todayInCity()) {
  const actor = await authorize(ACTION);
  const meta = await getRequestMeta();
  const { result, emails } = await prisma.$transaction(
    async (tx) => {
      const t = await managed(tx, actor, input.id);
      if (t.status !== "PUBLISHED") throw new DomainError("trainings.errors.notClosable");
      if (t.version !== input.version) throw new StaleEditError();
      const last = await tx.trainingSession.aggregate({ where: { trainingId: t.id }, _max: { date: true } });
      if (!last._max.date || last._max.date.getTime() > today.getTime()) throw new DomainError("trainings.errors.sessionsNotOver");
      const done = await completeTraining(tx, t, actor.id);
      await tx.training.update({ where: { id: t.id }, data: { status: "CLOSED", version: { increment: 1 } } });
      await recordAudit(tx, { actor: auditActor(actor), action: "trainings.close", entity: "Training", entityId: t.id, before: { status: "PUBLISHED" }, after: { status: "CLOSED", completed: done.completed.length, notCompleted: done.notCompleted.length }, meta });
      return { result: { id: t.id, completed: done.completed.length, notCompleted: done.notCompleted.length }, emails: done.emails };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  for (const id of emails) await deliver(id).catch(() => undefined);
  return result;
}
