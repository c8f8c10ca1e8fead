import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/** What the audit log keeps of a pair. */
export const supervisionAuditSelect = {
  id: true,
  supervisorId: true,
  superviseeId: true,
  startDate: true,
  endDate: true,
  version: true,
} satisfies Prisma.SupervisionSelect;

/** What the audit log keeps of a session. */
export const sessionAuditSelect = {
  id: true,
  supervisionId: true,
  date: true,
  halfHours: true,
  topic: true,
  status: true,
  reason: true,
  confirmedAt: true,
  version: true,
} satisfies Prisma.SupervisionSessionSelect;

/** A person on either side of a pair, as lists show them: name, employer, where. */
export const personSelect = {
  id: true,
  name: true,
  regionPath: true,
  organization: { select: { id: true, name: true, nameHant: true, nameEn: true } },
} satisfies Prisma.PractitionerSelect;
