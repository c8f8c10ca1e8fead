import "server-only";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { practitionerScope } from "@/server/authz/scope";
import { recomputePractitioner } from "@/server/practitioners/derived-facts";
import { getQualificationSettings } from "@/server/plan/qualification-settings";
import { notify, practitionerAudience, practitionerHref } from "@/server/notifications/notify";
import { deliver } from "@/server/notifications/mailer";
import { withStoredScan, type TScanUpload } from "@/server/storage/upload";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import { isoDay, parseIsoDay, todayInCity } from "@/domain/common/calendar-day";
import { isOwnCredential } from "@/domain/credentials/rules";
import { maxHoursFor, nextPeriod, periodFrom, renewalBlocker } from "@/domain/registrations/rules";
import type { TRecordRegistration, TRequestRenewal, TReviewRef, TReviewWithReason, TSubmitCpdEntry, TCpdKind } from "@/domain/registrations/schemas";
import { CERTIFICATE_KINDS } from "@/domain/credentials/schemas";
import { cpdAuditSelect, registrationAuditSelect, renewalAuditSelect } from "./select";
import { periodProgress } from "./progress";

// Registration (登记) and the continuing-education ledger. The ledger takes hours three ways:
// submitted by hand with proof and verified by a district officer (here), or credited by another
// feature (training, supervision) through creditCpd, idempotent on its sourceRef. A renewal
// request needs the period's hours; once verified, the next period starts the day after the
// old one ends. Every step is audited; decisions notify the person and their agency.

/** A certificate's registration with its first period (INITIAL), inside the caller's transaction. */
export async function createRegistration(tx: TTx, input: { practitionerId: string; credentialId: string; number: string; start: Date; years: number; actorId: string | null }) {
  const period = periodFrom(input.start, input.years);
  const registration = await tx.registration.create({
    data: { practitionerId: input.practitionerId, credentialId: input.credentialId, number: input.number, periodStart: period.start, periodEnd: period.end },
    select: registrationAuditSelect,
  });
  await tx.registrationPeriod.create({ data: { registrationId: registration.id, start: period.start, end: period.end, origin: "INITIAL", actorId: input.actorId } });
  return registration;
}

/**
 * Records the registration of a verified certificate that has none on file (officials, from the
 * registration authority's records): its first period starts on the day given.
 */
export async function recordRegistration(input: TRecordRegistration) {
  const actor = await authorize("registrations.record");
  const meta = await getRequestMeta();
  const settings = await getQualificationSettings();
  return prisma.$transaction(async (tx) => {
    const credential = await tx.credential.findFirst({
      where: { id: input.credentialId, practitioner: practitionerScope(actor, "registrations.record") },
      select: { id: true, practitionerId: true, kind: true, status: true, issueDate: true, registration: { select: { id: true } } },
    });
    if (!credential) throw new DomainError("notFound");
    if (!CERTIFICATE_KINDS.includes(credential.kind) || credential.status !== "VERIFIED") throw new DomainError("invalidTransition");
    if (credential.registration) throw new DomainError("registrationExists");
    const start = parseIsoDay(input.start)!;
    if (start.getTime() < credential.issueDate.getTime()) throw new DomainError("registrationBeforeIssue", "start");
    const registration = await createRegistration(tx, { practitionerId: credential.practitionerId, credentialId: credential.id, number: input.number, start, years: settings.registrationYears, actorId: actor.id }).catch((e: unknown) => {
      // Recorded by someone else at the same moment: the credential's unique registration.
      throw (e as { code?: string }).code === "P2002" ? new DomainError("registrationExists") : e;
    });
    await recomputePractitioner(tx, credential.practitionerId);
    await recordAudit(tx, { actor: auditActor(actor), action: "registrations.record", entity: "Registration", entityId: registration.id, before: null, after: registration, meta });
    return registration;
  });
}

export type TCpdCredit = { practitionerId: string; kind: TCpdKind; title: string; provider: string; startDate: Date; endDate: Date; halfHours: number; sourceRef: string };

/**
 * Credits hours from another feature (a training programme attended, supervision received):
 * VERIFIED at once, written once per `sourceRef` however often it is called. Returns whether a
 * new entry was written.
 */
export async function creditCpd(tx: TTx, credit: TCpdCredit): Promise<boolean> {
  const created = await tx.cpdEntry.createManyAndReturn({
    data: [{ ...credit, status: "VERIFIED", decidedAt: new Date() }],
    skipDuplicates: true,
    select: { id: true },
  });
  return created.length === 1;
}

/** External hours with proof, submitted by the practitioner, their agency or an official in scope. */
export async function submitCpdEntry(input: TSubmitCpdEntry, proof: TScanUpload | null) {
  const actor = await authorize("cpd.submit");
  const meta = await getRequestMeta();
  const practitioner = await prisma.practitioner.findFirst({
    where: { AND: [{ id: input.practitionerId }, practitionerScope(actor, "cpd.submit")] },
    select: { id: true },
  });
  if (!practitioner) throw new DomainError("notFound");
  const settings = await getQualificationSettings();
  const start = parseIsoDay(input.startDate)!;
  const end = parseIsoDay(input.endDate)!;
  if (input.halfHours / 2 > maxHoursFor(start, end, settings)) throw new DomainError("cpdHoursTooMany", "hours");

  return withStoredScan(proof, actor.id, async (tx, fileId) => {
    const entry = await tx.cpdEntry.create({
      data: {
        practitionerId: practitioner.id,
        kind: input.kind,
        title: input.title,
        provider: input.provider,
        startDate: start,
        endDate: end,
        halfHours: input.halfHours,
        status: "SUBMITTED",
        proofFileId: fileId,
        submittedById: actor.id,
      },
      select: cpdAuditSelect,
    });
    await recordAudit(tx, { actor: auditActor(actor), action: "cpd.submit", entity: "CpdEntry", entityId: entry.id, before: null, after: entry, meta });
    return entry;
  });
}

async function decideCpd(ref: TReviewRef, decision: "VERIFIED" | "REJECTED", reason: string | null) {
  const actor = await authorize("cpd.verify");
  const meta = await getRequestMeta();
  const { after, emails } = await prisma.$transaction(async (tx) => {
    const before = await tx.cpdEntry.findFirst({ where: { id: ref.id, practitioner: practitionerScope(actor, "cpd.verify") }, select: cpdAuditSelect });
    if (!before) throw new DomainError("notFound");
    if (isOwnCredential(actor, before)) throw new DomainError("cannotDecideOwn");
    if (before.version !== ref.version) throw new StaleEditError();
    if (before.status !== "SUBMITTED") throw new DomainError("invalidTransition");
    const res = await tx.cpdEntry.updateMany({
      where: { id: ref.id, version: ref.version, status: "SUBMITTED" },
      data: { status: decision, reason, decidedById: actor.id, decidedAt: new Date(), version: { increment: 1 } },
    });
    if (res.count !== 1) throw new StaleEditError();
    const after = await tx.cpdEntry.findUniqueOrThrow({ where: { id: ref.id }, select: cpdAuditSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: decision === "VERIFIED" ? "cpd.verify" : "cpd.reject", entity: "CpdEntry", entityId: ref.id, before, after, meta });
    const person = await tx.practitioner.findUniqueOrThrow({ where: { id: before.practitionerId }, select: { id: true, name: true, organizationId: true } });
    const { emails } = await notify(tx, await practitionerAudience(tx, person, [before.submittedById]), {
      kind: "cpdDecided",
      params: { name: person.name, title: before.title, hours: before.halfHours / 2, decision, reason: reason ?? "" },
      href: practitionerHref(person.id),
    });
    return { after, emails };
  });
  for (const id of emails) await deliver(id);
  return after;
}

export const verifyCpdEntry = (ref: TReviewRef) => decideCpd(ref, "VERIFIED", null);
export async function rejectCpdEntry(input: TReviewWithReason) {
  if (!input.reason.trim()) throw new DomainError("reasonRequired", "reason");
  return decideCpd(input, "REJECTED", input.reason.trim());
}

/** Asks for the next period; refused until the current period's hours are met. */
export async function requestRenewal(input: TRequestRenewal, now = new Date()) {
  const actor = await authorize("registrations.requestRenewal");
  const meta = await getRequestMeta();
  const settings = await getQualificationSettings();
  return prisma.$transaction(async (tx) => {
    const registration = await tx.registration.findFirst({
      where: { id: input.registrationId, practitioner: practitionerScope(actor, "registrations.requestRenewal") },
      select: { ...registrationAuditSelect, credential: { select: { kind: true, status: true } } },
    });
    if (!registration) throw new DomainError("notFound");
    if (registration.version !== input.version) throw new StaleEditError();
    const progress = await periodProgress(tx, registration, settings);
    const open = await tx.renewalRequest.count({ where: { registrationId: registration.id, status: "SUBMITTED" } });
    const blocker = renewalBlocker({ certificateVerified: registration.credential.status === "VERIFIED", progress, openRequest: open > 0 });
    if (blocker) throw new DomainError(blocker);
    const request = await tx.renewalRequest
      .create({
        data: { registrationId: registration.id, practitionerId: registration.practitionerId, periodEnd: registration.periodEnd, halfHours: Math.round(progress.countedHours * 2), submittedById: actor.id },
        select: renewalAuditSelect,
      })
      .catch((e: unknown) => {
        // Two requests at once: the partial unique index keeps one open.
        throw (e as { code?: string }).code === "P2002" ? new DomainError("renewalAlreadyRequested") : e;
      });
    await recordAudit(tx, { actor: auditActor(actor), action: "registrations.requestRenewal", entity: "RenewalRequest", entityId: request.id, before: null, after: { ...request, today: isoDay(todayInCity(now)) }, meta });
    return request;
  });
}

async function decideRenewal(ref: TReviewRef, decision: "VERIFIED" | "REJECTED", reason: string | null) {
  const actor = await authorize("registrations.verifyRenewal");
  const meta = await getRequestMeta();
  const settings = await getQualificationSettings();
  const { after, emails } = await prisma.$transaction(async (tx) => {
    const before = await tx.renewalRequest.findFirst({ where: { id: ref.id, practitioner: practitionerScope(actor, "registrations.verifyRenewal") }, select: renewalAuditSelect });
    if (!before) throw new DomainError("notFound");
    if (isOwnCredential(actor, before)) throw new DomainError("cannotDecideOwn");
    if (before.version !== ref.version) throw new StaleEditError();
    if (before.status !== "SUBMITTED") throw new DomainError("invalidTransition");
    const registration = await tx.registration.findUniqueOrThrow({ where: { id: before.registrationId }, select: registrationAuditSelect });
    // The registration moved on since the request (renewed another way): the request is void.
    if (registration.periodEnd.getTime() !== before.periodEnd.getTime()) throw new DomainError("invalidTransition");
    const res = await tx.renewalRequest.updateMany({
      where: { id: ref.id, version: ref.version, status: "SUBMITTED" },
      data: { status: decision, reason, decidedById: actor.id, decidedAt: new Date(), version: { increment: 1 } },
    });
    if (res.count !== 1) throw new StaleEditError();
    let next = null as null | { start: Date; end: Date };
    if (decision === "VERIFIED") {
      next = nextPeriod(registration.periodEnd, settings.registrationYears);
      await tx.registrationPeriod.create({ data: { registrationId: registration.id, start: next.start, end: next.end, origin: "RENEWAL", actorId: actor.id } });
      await tx.registration.update({ where: { id: registration.id }, data: { periodStart: next.start, periodEnd: next.end, version: { increment: 1 } } });
      await recomputePractitioner(tx, registration.practitionerId);
    }
    const after = await tx.renewalRequest.findUniqueOrThrow({ where: { id: ref.id }, select: renewalAuditSelect });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: decision === "VERIFIED" ? "registrations.verifyRenewal" : "registrations.rejectRenewal",
      entity: "RenewalRequest",
      entityId: ref.id,
      before: { ...before, registration },
      after: { ...after, ...(next ? { newPeriod: { start: isoDay(next.start), end: isoDay(next.end) } } : {}) },
      meta,
    });
    const person = await tx.practitioner.findUniqueOrThrow({ where: { id: before.practitionerId }, select: { id: true, name: true, organizationId: true } });
    const { emails } = await notify(tx, await practitionerAudience(tx, person, [before.submittedById]), {
      kind: "renewalDecided",
      params: { name: person.name, number: registration.number, decision, start: next ? isoDay(next.start) : "", end: next ? isoDay(next.end) : "", reason: reason ?? "" },
      href: practitionerHref(person.id),
    });
    return { after, emails };
  });
  for (const id of emails) await deliver(id);
  return after;
}

export const verifyRenewal = (ref: TReviewRef) => decideRenewal(ref, "VERIFIED", null);
export async function rejectRenewal(input: TReviewWithReason) {
  if (!input.reason.trim()) throw new DomainError("reasonRequired", "reason");
  return decideRenewal(input, "REJECTED", input.reason.trim());
}
