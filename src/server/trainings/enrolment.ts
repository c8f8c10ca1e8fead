import "server-only";
import { randomBytes } from "node:crypto";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit, type TAuditActor } from "@/server/audit/record";
import { getRequestMeta, type TRequestMeta } from "@/server/request-meta";
import { authorize, type TCurrentUser } from "@/server/auth/session";
import { enrolmentScope, practitionerScope } from "@/server/authz/scope";
import { commitFunds, releaseCommitment } from "@/server/funds/ledger";
import { notify, practitionerAudience, recipientSelect } from "@/server/notifications/notify";
import { deliver } from "@/server/notifications/mailer";
import { DomainError } from "@/domain/common/errors";
import { isoDay, todayInCity } from "@/domain/common/calendar-day";
import { audienceMisses, enrolmentSourceRef, nextUp, placeFor, subsidyToCommit, type TAudiencePerson } from "@/domain/trainings/rules";
import type { TEnrol, TWithdraw } from "@/domain/trainings/schemas";
import type { TTrainingsErrorCode } from "@/domain/trainings/errors";
import { lastWaitlistPosition, lockTraining, nextParticipantNumber, placesTaken, type TLockedTraining } from "./common";

// Enrolment (plan.md T2, S2): by the person themselves, an agency for its staff, a department for
// its people, a district or the city within their scope. Every step holds the programme's row lock
// (common.ts), so the places are counted one enrolment at a time: past the capacity a person goes
// onto the waiting list, never over it. A place promises the programme's subsidy from its budget
// line (sourceRef training:<enrolmentId>); a line without the money refuses the enrolment and
// nothing is written. A withdrawal gives the promise back and moves the waiting list up.

/** A refusal about one person of the step (the page names them). */
export class EnrolmentRefusal extends DomainError {
  constructor(
    code: TTrainingsErrorCode,
    readonly person: string,
  ) {
    super(code);
  }
}

export type TEnrolOutcome = { enrolmentId: string; practitionerId: string; name: string; number: number; status: "ENROLLED" | "WAITLISTED"; waitlistPosition: number | null };

/** Who acts: a signed-in user (their scope decides whom they may enrol). */
export type TEnrolActor = Pick<TCurrentUser, "id" | "email" | "role" | "regionPath" | "organizationId" | "practitionerId">;

const personSelect = {
  id: true,
  name: true,
  status: true,
  regionPath: true,
  qualificationLevel: true,
  organizationId: true,
  organization: { select: { kind: true, departmentType: true, supervisingDepartment: { select: { departmentType: true } } } },
} as const;

function audiencePerson(p: { regionPath: string | null; qualificationLevel: string; organization: { kind: string; departmentType: string | null; supervisingDepartment: { departmentType: string | null } | null } | null }): TAudiencePerson {
  return {
    employerKind: p.organization?.kind ?? null,
    employerDepartmentType: p.organization?.departmentType ?? null,
    supervisingDepartmentType: p.organization?.supervisingDepartment?.departmentType ?? null,
    regionPath: p.regionPath,
    qualificationLevel: p.qualificationLevel,
  };
}

/** A fresh id for an enrolment taken up again (ids of the table are opaque strings). */
const newEnrolmentId = () => `c${randomBytes(12).toString("hex")}`;

/** Open for enrolment: published and not yet over. */
function assertOpen(t: TLockedTraining, today: Date) {
  if (t.status !== "PUBLISHED" || t.endDate.getTime() < today.getTime()) throw new DomainError("trainings.errors.notOpen");
}

/**
 * Promises a place's subsidy; a line without the money refuses it (funds.errors.lineExceeded comes
 * back as the training's own message). Returns false when the line refused and `soft` is set.
 */
async function commitSubsidy(tx: TTx, t: TLockedTraining, enrolmentId: string, actorId: string | null, name: string, soft = false): Promise<boolean> {
  const amount = subsidyToCommit(t);
  if (amount === 0n) return true;
  try {
    await commitFunds(tx, { lineId: t.budgetLineId!, amountFen: amount, sourceRef: enrolmentSourceRef(enrolmentId), note: t.reference, actorId });
    return true;
  } catch (error) {
    if (error instanceof DomainError && (error.code === "funds.errors.lineExceeded" || error.code === "funds.errors.lineNotFound")) {
      if (soft) return false;
      throw new EnrolmentRefusal("trainings.errors.lineExceeded", name);
    }
    throw error;
  }
}

/**
 * Enrols people in one programme inside the caller's transaction, in the order given: each takes
 * a place while there is one, then joins the waiting list. All or nothing: the first person who
 * may not be enrolled (outside the actor's scope, not active, not in the audience, already
 * enrolled, the subsidy line exhausted) refuses the whole step with an EnrolmentRefusal.
 * For a cohort (rotation training) as for one person.
 */
export async function enrolInTx(tx: TTx, actor: TEnrolActor, input: TEnrol, meta: TRequestMeta | null = null, today = todayInCity()): Promise<TEnrolOutcome[]> {
  const ids = [...new Set(input.practitionerIds)];
  const t = await lockTraining(tx, input.trainingId);
  assertOpen(t, today);
  const people = await tx.practitioner.findMany({ where: { AND: [{ id: { in: ids } }, practitionerScope(actor as TCurrentUser, "trainings.enrol")] }, select: personSelect });
  const byId = new Map(people.map((p) => [p.id, p]));
  const missing = ids.find((id) => !byId.has(id));
  // Someone outside the caller's scope reads like someone who is not there: no name is given away.
  if (missing) throw new EnrolmentRefusal("trainings.errors.outOfScope", "");
  const audience = await tx.training.findUniqueOrThrow({
    where: { id: t.id },
    select: { audienceDepartmentTypes: true, audienceRegionIds: true, audienceOrganizationKinds: true, audienceLevels: true },
  });
  const districts = audience.audienceRegionIds.length ? await tx.region.findMany({ where: { id: { in: audience.audienceRegionIds } }, select: { path: true } }) : [];
  const rules = { departmentTypes: audience.audienceDepartmentTypes, districtPaths: districts.map((d) => d.path), organizationKinds: audience.audienceOrganizationKinds, levels: audience.audienceLevels };
  const existing = await tx.trainingEnrolment.findMany({ where: { trainingId: t.id, practitionerId: { in: ids } }, select: { id: true, practitionerId: true, status: true } });
  const existingOf = new Map(existing.map((e) => [e.practitionerId, e]));

  let taken = await placesTaken(tx, t.id);
  let lastPosition = await lastWaitlistPosition(tx, t.id);
  const out: TEnrolOutcome[] = [];
  const actorAudit: TAuditActor = auditActor(actor as TCurrentUser);
  for (const id of ids) {
    const p = byId.get(id)!;
    if (p.status !== "ACTIVE") throw new EnrolmentRefusal("trainings.errors.notActive", p.name);
    const before = existingOf.get(id);
    if (before && before.status !== "WITHDRAWN") throw new EnrolmentRefusal("trainings.errors.alreadyEnrolled", p.name);
    if (audienceMisses(rules, audiencePerson(p)).length) throw new EnrolmentRefusal("trainings.errors.notInAudience", p.name);
    const place = placeFor(taken, t.capacity, lastPosition);
    const waitlistPosition = place.status === "WAITLISTED" ? place.position : null;
    // Coming back after a withdrawal: the same row (number and attendance kept) under a new id, so
    // its money is a new promise under a new sourceRef (the old one was promised and given back).
    const created = before
      ? await tx.trainingEnrolment.update({
          where: { id: before.id },
          data: { id: newEnrolmentId(), status: place.status, waitlistPosition, enrolledById: actor.id, enrolledAt: new Date(), withdrawnAt: null, completedAt: null, version: { increment: 1 } },
          select: { id: true, number: true },
        })
      : await tx.trainingEnrolment.create({
          data: { trainingId: t.id, practitionerId: id, status: place.status, number: await nextParticipantNumber(tx, t.id), waitlistPosition, enrolledById: actor.id },
          select: { id: true, number: true },
        });
    if (place.status === "ENROLLED") {
      await commitSubsidy(tx, t, created.id, actor.id, p.name);
      taken++;
    } else {
      lastPosition = place.position;
    }
    const outcome: TEnrolOutcome = { enrolmentId: created.id, practitionerId: id, name: p.name, number: created.number, status: place.status, waitlistPosition: place.status === "WAITLISTED" ? place.position : null };
    out.push(outcome);
    await recordAudit(tx, {
      actor: actorAudit,
      action: "trainings.enrol",
      entity: "TrainingEnrolment",
      entityId: created.id,
      before: null,
      after: { trainingId: t.id, reference: t.reference, practitionerId: id, status: place.status, waitlistPosition: outcome.waitlistPosition },
      meta: meta ?? { ip: null, userAgent: null },
    });
  }
  return out;
}

/**
 * Enrols people (one, or a cohort in one step). Without `tx` it runs in its own transaction;
 * with one (a cohort builder's), inside it. Without `actor` the signed-in caller is authorized.
 */
export async function enrol(input: TEnrol, opts: { tx?: TTx; actor?: TEnrolActor } = {}): Promise<TEnrolOutcome[]> {
  const actor = opts.actor ?? (await authorize("trainings.enrol"));
  const meta = await getRequestMeta().catch(() => null);
  if (opts.tx) return enrolInTx(opts.tx, actor, input, meta);
  return prisma.$transaction((tx) => enrolInTx(tx, actor, input, meta), { timeout: 60_000, maxWait: 30_000 });
}

/**
 * Fills free places from the waiting list, in position order, inside the caller's transaction
 * (which holds the programme's lock). A person moves up only with the subsidy promised: when the
 * line has no money left they stay on the list (and so do those behind them), which the
 * programme's page explains. Returns who moved up, and whether the line stopped it.
 */
export async function fillPlaces(tx: TTx, t: TLockedTraining, actorId: string | null): Promise<{ promoted: { id: string; practitionerId: string }[]; blockedByLine: boolean }> {
  if (t.status !== "PUBLISHED") return { promoted: [], blockedByLine: false };
  const free = t.capacity - (await placesTaken(tx, t.id));
  if (free <= 0) return { promoted: [], blockedByLine: false };
  const waiting = await tx.trainingEnrolment.findMany({ where: { trainingId: t.id, status: "WAITLISTED" }, orderBy: { waitlistPosition: "asc" }, take: free, select: { id: true, practitionerId: true, waitlistPosition: true } });
  const promoted: { id: string; practitionerId: string }[] = [];
  for (const w of nextUp(waiting, free)) {
    if (!(await commitSubsidy(tx, t, w.id, actorId, "", true))) return { promoted, blockedByLine: true };
    await tx.trainingEnrolment.update({ where: { id: w.id }, data: { status: "ENROLLED", waitlistPosition: null, version: { increment: 1 } } });
    promoted.push(w);
  }
  return { promoted, blockedByLine: false };
}

/** Tells those who moved up (and their agencies); returns the e-mails to send after the commit. */
export async function notifyPromoted(tx: TTx, t: TLockedTraining, promoted: { practitionerId: string }[]): Promise<string[]> {
  const emails: string[] = [];
  for (const p of promoted) {
    const person = await tx.practitioner.findUniqueOrThrow({ where: { id: p.practitionerId }, select: { id: true, name: true, organizationId: true } });
    const sent = await notify(tx, await practitionerAudience(tx, person), {
      kind: "trainingPromoted",
      params: { name: person.name, title: t.title, reference: t.reference, start: isoDay(t.startDate) },
      href: () => `/trainings/${t.id}`,
    });
    emails.push(...sent.emails);
  }
  return emails;
}

/**
 * Withdraws an enrolment (the person themselves, or whoever may enrol them): a place gives its
 * subsidy back and the first on the waiting list moves up; a waiting-list entry just leaves it.
 */
export async function withdraw(input: TWithdraw, opts: { actor?: TEnrolActor } = {}) {
  const actor = opts.actor ?? (await authorize("trainings.enrol"));
  const meta = await getRequestMeta().catch(() => null);
  const { result, emails } = await prisma.$transaction(
    async (tx) => {
      const found = await tx.trainingEnrolment.findFirst({ where: { AND: [{ id: input.enrolmentId }, enrolmentScope(actor as TCurrentUser, "trainings.enrol")] }, select: { id: true, trainingId: true } });
      if (!found) throw new DomainError("notFound");
      const t = await lockTraining(tx, found.trainingId);
      const e = await tx.trainingEnrolment.findUniqueOrThrow({ where: { id: found.id }, select: { id: true, status: true, practitionerId: true, waitlistPosition: true } });
      if (t.status !== "PUBLISHED" || (e.status !== "ENROLLED" && e.status !== "WAITLISTED")) throw new DomainError("trainings.errors.notWithdrawable");
      await tx.trainingEnrolment.update({ where: { id: e.id }, data: { status: "WITHDRAWN", waitlistPosition: null, withdrawnAt: new Date(), version: { increment: 1 } } });
      let promoted: { id: string; practitionerId: string }[] = [];
      let blockedByLine = false;
      if (e.status === "ENROLLED") {
        await releaseCommitment(tx, enrolmentSourceRef(e.id), actor.id, t.reference);
        ({ promoted, blockedByLine } = await fillPlaces(tx, t, actor.id));
      }
      await recordAudit(tx, {
        actor: auditActor(actor as TCurrentUser),
        action: "trainings.withdraw",
        entity: "TrainingEnrolment",
        entityId: e.id,
        before: { status: e.status, waitlistPosition: e.waitlistPosition },
        after: { status: "WITHDRAWN", promoted: promoted.map((p) => p.id) },
        meta: meta ?? { ip: null, userAgent: null },
      });
      const emails = await notifyPromoted(tx, t, promoted);
      return { result: { trainingId: t.id, promoted: promoted.map((p) => p.id), blockedByLine }, emails };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
  for (const id of emails) await deliver(id).catch(() => undefined);
  return result;
}

/** Everyone with an active enrolment of a programme, as notification recipients (their accounts and agencies). */
export async function enrolledAudience(tx: TTx, practitionerIds: string[]) {
  if (!practitionerIds.length) return [];
  const people = await tx.practitioner.findMany({ where: { id: { in: practitionerIds } }, select: { id: true, name: true, organizationId: true } });
  const users = await tx.user.findMany({
    where: { disabledAt: null, OR: [{ practitionerId: { in: practitionerIds } }, { role: "AGENCY_ADMIN", organizationId: { in: people.map((p) => p.organizationId).filter((x): x is string => !!x) } }] },
    select: { ...recipientSelect, organizationId: true },
  });
  return people.map((p) => ({ person: p, readers: users.filter((u) => u.practitionerId === p.id || (u.organizationId && u.organizationId === p.organizationId)) }));
}
