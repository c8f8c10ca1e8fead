import "server-only";
import type { Prisma } from "@/generated/prisma/client";

export const registrationAuditSelect = {
  id: true,
  practitionerId: true,
  credentialId: true,
  number: true,
  periodStart: true,
  periodEnd: true,
  version: true,
} as const satisfies Prisma.RegistrationSelect;

export const cpdAuditSelect = {
  id: true,
  practitionerId: true,
  kind: true,
  title: true,
  provider: true,
  startDate: true,
  endDate: true,
  halfHours: true,
  sourceRef: true,
  status: true,
  reason: true,
  proofFileId: true,
  submittedById: true,
  decidedById: true,
  decidedAt: true,
  version: true,
} as const satisfies Prisma.CpdEntrySelect;

export const cpdRowSelect = { ...cpdAuditSelect, createdAt: true, proofFile: { select: { id: true, mimeType: true, size: true, originalName: true } } } as const satisfies Prisma.CpdEntrySelect;

export const renewalAuditSelect = {
  id: true,
  registrationId: true,
  practitionerId: true,
  periodEnd: true,
  halfHours: true,
  status: true,
  reason: true,
  submittedById: true,
  decidedById: true,
  decidedAt: true,
  version: true,
  createdAt: true,
} as const satisfies Prisma.RenewalRequestSelect;
