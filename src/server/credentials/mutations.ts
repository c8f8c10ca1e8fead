import "server-only";
import { isOwnCredential } from "@/domain/credentials/rules";
import { prisma, type TTx } from "@/server/db";
import { auditActor, recordAudit } from "@/server/audit/record";
import { getRequestMeta } from "@/server/request-meta";
import { authorize } from "@/server/auth/session";
import { practitionerScope } from "@/server/authz/scope";
import { recomputePractitioner } from "@/server/practitioners/derived-facts";
import { credentialAuditSelect } from "./select";
import { fileStorage, newStorageKey, sha256Hex } from "@/server/storage/storage";
import { SCAN_EXTENSIONS, sniffScanType } from "@/lib/file-sniff";
import { scanProblem, type TCredentialRef, type TCredentialWithReason, type TSubmitCredential } from "@/domain/credentials/schemas";
import { DomainError, StaleEditError } from "@/domain/common/errors";
import type { CredentialStatus } from "@/generated/prisma/client";
import { parseIsoDay } from "@/domain/common/calendar-day";

// The credential workflow: SUBMITTED → VERIFIED | REJECTED; VERIFIED → EXPIRED (maintenance) | REVOKED.
// Every step writes a CredentialEvent and an AuditEvent and recomputes the practitioner's derived
// facts in the same transaction, so "who counts" never lags behind the register.


export type TScanUpload = { name: string; bytes: Uint8Array };

/** Checks the scan before anything is written: size, then the type read from its bytes. */
export function checkScan(scan: TScanUpload | null): { mime: keyof typeof SCAN_EXTENSIONS; bytes: Uint8Array; name: string } {
  const problem = scanProblem(scan ? { size: scan.bytes.byteLength } : null);
  if (problem) throw new DomainError(problem, "scan");
  const mime = sniffScanType(scan!.bytes);
  if (!mime) throw new DomainError("scanType", "scan");
  return { mime, bytes: scan!.bytes, name: scan!.name };
}

function safeOriginalName(name: string): string {
  // Only for display and the download's filename: strip paths and control characters.
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "scan";
}

export async function submitCredential(input: TSubmitCredential, scan: TScanUpload | null) {
  const actor = await authorize("credentials.submit");
  const meta = await getRequestMeta();
  // Out of scope looks exactly like a missing practitioner.
  const practitioner = await prisma.practitioner.findFirst({
    where: { AND: [{ id: input.practitionerId }, practitionerScope(actor, "credentials.submit")] },
    select: { id: true },
  });
  if (!practitioner) throw new DomainError("notFound");
  const checked = checkScan(scan);
  await assertNotDuplicate(prisma, input);

  const key = newStorageKey(SCAN_EXTENSIONS[checked.mime]);
  const storage = fileStorage();
  await storage.put(key, checked.bytes);
  try {
    return await prisma.$transaction(async (tx) => {
      await assertNotDuplicate(tx, input);
      const file = await tx.storedFile.create({
        data: { storageKey: key, mimeType: checked.mime, size: checked.bytes.byteLength, sha256: sha256Hex(checked.bytes), originalName: safeOriginalName(checked.name), createdById: actor.id },
        select: { id: true },
      });
      const credential = await tx.credential.create({
        data: {
          practitionerId: input.practitionerId,
          kind: input.kind,
          degreeLevel: input.degreeLevel,
          titleLevel: input.titleLevel,
          number: input.number,
          issuingAuthority: input.issuingAuthority,
          issueDate: parseIsoDay(input.issueDate)!,
          validUntil: input.validUntil ? parseIsoDay(input.validUntil) : null,
          status: "SUBMITTED",
          scanFileId: file.id,
          submittedById: actor.id,
        },
        select: credentialAuditSelect,
      });
      await tx.credentialEvent.create({ data: { credentialId: credential.id, fromStatus: null, toStatus: "SUBMITTED", actorId: actor.id, actorName: actor.name } });
      await recomputePractitioner(tx, input.practitionerId);
      await recordAudit(tx, { actor: auditActor(actor), action: "credentials.submit", entity: "Credential", entityId: credential.id, before: null, after: credential, meta });
      return credential;
    });
  } catch (error) {
    // The row never landed: do not leave an orphan file behind.
    await storage.remove(key).catch(() => {});
    throw error;
  }
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
  return prisma.$transaction(async (tx) => {
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
    return after;
  });
}

export async function verifyCredential(ref: TCredentialRef) {
  return transition(ref, { permission: "credentials.verify", action: "credentials.verify", from: ["SUBMITTED"], to: "VERIFIED", reason: null });
}

export async function rejectCredential(input: TCredentialWithReason) {
  if (!input.reason.trim()) throw new DomainError("reasonRequired", "reason");
  return transition(input, { permission: "credentials.verify", action: "credentials.reject", from: ["SUBMITTED"], to: "REJECTED", reason: input.reason.trim() });
}

export async function revokeCredential(input: TCredentialWithReason) {
  if (!input.reason.trim()) throw new DomainError("reasonRequired", "reason");
  return transition(input, { permission: "credentials.revoke", action: "credentials.revoke", from: ["VERIFIED"], to: "REVOKED", reason: input.reason.trim() });
}
