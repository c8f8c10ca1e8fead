import "server-only";
import { isOwnCredential } from "@/domain/credentials/rules";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { practitionerScope } from "@/server/authz/scope";
import { recomputePractitioner } from "@/server/practitioners/derived-facts";
import { credentialAuditSelect } from "./select";
import { checkScan, withStoredScan, type TScanUpload } from "@/server/storage/upload";
import { notify, practitionerAudience, practitionerHref } from "@/server/notifications/notify";
import { deliver } from "@/server/notifications/mailer";
import { noticeShortfallsOfPractitioner } from "@/server/contracts/staffing";
import { createRegistration } from "@/server/registrations/mutations";
import { getQualificationSettings } from "@/server/plan/qualification-settings";
import type { TCredentialRef, TCredentialWithReason, TSubmitCredential } from "@/domain/credentials/schemas";
import { DomainError, StaleEditError, type TDomainErrorCode } from "@/domain/common/errors";
import type { CredentialStatus } from "@/generated/prisma/client";
import { parseIsoDay } from "@/domain/common/calendar-day";

// The credential workflow: SUBMITTED → VERIFIED | REJECTED; VERIFIED → REVOKED. Certificates and
// degrees do not expire; a certificate's registration lapses and is renewed (src/server/registrations).
// Every step writes a CredentialEvent and an AuditEvent and recomputes the practitioner's derived
// facts in the same transaction, so "who counts" never lags behind the register.

export type { TScanUpload };

export async function submitCredential(input: TSubmitCredential, scan: TScanUpload | null) {
  const actor = await authorize("credentials.submit");
  const meta = await getRequestMeta();
  // Out of scope looks exactly like a missing practitioner.
  const practitioner = await prisma.practitioner.findFirst({
    where: { AND: [{ id: input.practitionerId }, practitionerScope(actor, "credentials.submit")] },
    select: { id: true },
  });
  if (!practitioner) throw new DomainError("notFound");
  checkScan(scan);
  await assertNotDuplicate(prisma, input);
  const settings = await getQualificationSettings();

  return withStoredScan(scan, actor.id, async (tx, fileId) => {
    await assertNotDuplicate(tx, input);
    const credential = await tx.credential.create({
      data: {
        practitionerId: input.practitionerId,
        kind: input.kind,
        degreeLevel: input.degreeLevel,
        titleLevel: input.titleLevel,
        number: input.number,
        issuingAuthority: input.issuingAuthority,
        issueDate: parseIsoDay(input.issueDate)!,
        status: "SUBMITTED",
        scanFileId: fileId,
        submittedById: actor.id,
      },
      select: credentialAuditSelect,
    });
    // A certificate given with its registration: the first period starts on the day given.
    const registration = input.registration ? await createRegistration(tx, { practitionerId: input.practitionerId, credentialId: credential.id, number: input.registration.number, start: parseIsoDay(input.registration.start)!, years: settings.registrationYears, actorId: actor.id }) : null;
    await tx.credentialEvent.create({ data: { credentialId: credential.id, fromStatus: null, toStatus: "SUBMITTED", actorId: actor.id, actorName: actor.name } });
    await recomputePractitioner(tx, input.practitionerId);
    await recordAudit(tx, { actor: auditActor(actor), action: "credentials.submit", entity: "Credential", entityId: credential.id, before: null, after: { ...credential, registration }, meta });
    return credential;
  });
}

async function assertNotDuplicate(db: TTx | typeof prisma, input: TSubmitCredential) {
  const existing = await db.credential.findFirst({
    where: { practitionerId: input.practitionerId, kind: input.kind, number: { equals: input.number, mode: "insensitive" }, status: { in: ["SUBMITTED", "VERIFIED"] } },
    select: { id: true },
  });
  if (existing) throw new DomainError("duplicateCredential", "number");
}

type TTransition = {
  permission: "credentials.verify" | "credentials.revoke";
  action: string;
  from: CredentialStatus[];
  to: CredentialStatus;
  reason: string | null;
};

async function transition(ref: TCredentialRef, step: TTransition) {
  const actor = await authorize(step.permission);
  const meta = await getRequestMeta();
  const { after, emails } = await prisma.$transaction(async (tx) => {
    const before = await tx.credential.findFirst({
      where: { id: ref.id, practitioner: practitionerScope(actor, step.permission) },
      select: credentialAuditSelect,
    });
    if (!before) throw new DomainError("notFound");
    if (isOwnCredential(actor, before)) throw new DomainError("cannotDecideOwn");
    if (before.version !== ref.version) throw new StaleEditError();
    if (!step.from.includes(before.status)) throw new DomainError("invalidTransition");
    const now = new Date();
    const result = await tx.credential.updateMany({
      where: { id: ref.id, version: ref.version, status: before.status },
      data: {
        status: step.to,
        statusReason: step.reason,
        ...(step.to === "VERIFIED" ? { verifiedById: actor.id, verifiedAt: now } : {}),
        version: { increment: 1 },
      },
    });
    if (result.count !== 1) throw new StaleEditError();
    await tx.credentialEvent.create({ data: { credentialId: ref.id, fromStatus: before.status, toStatus: step.to, reason: step.reason, actorId: actor.id, actorName: actor.name, at: now } });
    await recomputePractitioner(tx, before.practitionerId);
    const after = await tx.credential.findUniqueOrThrow({ where: { id: ref.id }, select: credentialAuditSelect });
    await recordAudit(tx, { actor: auditActor(actor), action: step.action, entity: "Credential", entityId: ref.id, before, after, meta });
    // The person and their agency hear of the decision (and whoever submitted it).
    const person = await tx.practitioner.findUniqueOrThrow({ where: { id: before.practitionerId }, select: { id: true, name: true, organizationId: true } });
    const { emails } = await notify(tx, await practitionerAudience(tx, person, [before.submittedById]), {
      kind: "credentialDecided",
      params: { name: person.name, kind: before.kind, number: before.number, decision: step.to as "VERIFIED" | "REJECTED" | "REVOKED", reason: step.reason ?? "" },
      href: practitionerHref(person.id),
    });
    // A revoked certificate may leave a contract naming them short of its staffing: told at once.
    const shortfallEmails = step.to === "REVOKED" ? await noticeShortfallsOfPractitioner(tx, person.id) : [];
    return { after, emails: [...emails, ...shortfallEmails] };
  });
  for (const id of emails) await deliver(id);
  return after;
}

export async function verifyCredential(ref: TCredentialRef) {
  return transition(ref, { permission: "credentials.verify", action: "credentials.verify", from: ["SUBMITTED"], to: "VERIFIED", reason: null });
}

/** How one credential of a batch ended: verified, or refused with the code a single verification would show. */
export type TBatchItemOutcome = { id: string; ok: true; practitionerId: string } | { id: string; ok: false; error: TDomainErrorCode | "stale" };

/**
 * Verifies several credentials, each exactly as verifyCredential does it alone: the same rule
 * (scope, not one's own, the version the page showed, still SUBMITTED), its own transaction with
 * its own event, audit entry and recompute, its own notification. One refused (decided or changed
 * meanwhile) leaves nothing half-written and does not stop the others; it is reported by id.
 */
export async function verifyCredentials(refs: TCredentialRef[]): Promise<TBatchItemOutcome[]> {
  await authorize("credentials.verify");
  const outcomes: TBatchItemOutcome[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    if (seen.has(ref.id)) continue;
    seen.add(ref.id);
    try {
      const after = await verifyCredential(ref);
      outcomes.push({ id: ref.id, ok: true, practitionerId: after.practitionerId });
    } catch (error) {
      if (error instanceof StaleEditError) outcomes.push({ id: ref.id, ok: false, error: "stale" });
      else if (error instanceof DomainError && error.field === undefined) outcomes.push({ id: ref.id, ok: false, error: error.code as TDomainErrorCode });
      else throw error;
    }
  }
  return outcomes;
}

export async function rejectCredential(input: TCredentialWithReason) {
  if (!input.reason.trim()) throw new DomainError("reasonRequired", "reason");
  return transition(input, { permission: "credentials.verify", action: "credentials.reject", from: ["SUBMITTED"], to: "REJECTED", reason: input.reason.trim() });
}

export async function revokeCredential(input: TCredentialWithReason) {
  if (!input.reason.trim()) throw new DomainError("reasonRequired", "reason");
  return transition(input, { permission: "credentials.revoke", action: "credentials.revoke", from: ["VERIFIED"], to: "REVOKED", reason: input.reason.trim() });
}
