import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/** A credential's particulars and state: the lists, the queue and the audit snapshot extend it. */
export const credentialBaseSelect = {
  id: true,
  practitionerId: true,
  kind: true,
  degreeLevel: true,
  titleLevel: true,
  number: true,
  issuingAuthority: true,
  issueDate: true,
  status: true,
  statusReason: true,
  submittedById: true,
  verifiedAt: true,
  version: true,
} as const satisfies Prisma.CredentialSelect;

/** What the audit log keeps: the particulars, the scan's id and who verified. */
export const credentialAuditSelect = { ...credentialBaseSelect, scanFileId: true, verifiedById: true, importJobId: true } as const satisfies Prisma.CredentialSelect;

/** A credential as the pages show it, with its scan's name for the download link and its registration. */
export const credentialSelect = {
  ...credentialBaseSelect,
  createdAt: true,
  registration: { select: { id: true, number: true, periodStart: true, periodEnd: true } },
  scanFile: { select: { id: true, mimeType: true, size: true, originalName: true } },
  /** A certificate a staff import submitted: the file it came from (the queue names it as the source). */
  importJob: { select: { id: true, originalName: true } },
} as const satisfies Prisma.CredentialSelect;
