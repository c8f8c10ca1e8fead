import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { namedSelect } from "@/server/select";

/** What the audit log keeps of a sitting. */
export const sittingAuditSelect = { id: true, practitionerId: true, year: true, level: true, result: true, source: true, enteredById: true } satisfies Prisma.ExamSittingSelect;

/** A sitting as the lists show it: the person by name and employer, never their ID number. */
export const sittingRowSelect = {
  id: true,
  year: true,
  level: true,
  result: true,
  source: true,
  createdAt: true,
  practitioner: { select: { id: true, name: true, regionPath: true, organization: { select: namedSelect } } },
} satisfies Prisma.ExamSittingSelect;
export type TSittingRow = Prisma.ExamSittingGetPayload<{ select: typeof sittingRowSelect }>;
