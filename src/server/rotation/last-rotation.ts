import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";

export type TLastRotation = { date: Date; title: string; reference: string };

/**
 * Each person's last rotation training attended: the completed enrolment (COMPLETED) in a
 * programme of kind ROTATION with the latest end date. People without one are absent.
 */
export async function lastRotations(practitionerIds: string[]): Promise<Map<string, TLastRotation>> {
  if (!practitionerIds.length) return new Map();
  const rows = await prisma.$queryRaw<{ practitionerId: string; endDate: Date; title: string; reference: string }[]>`
    SELECT DISTINCT ON (e."practitionerId") e."practitionerId", t."endDate", t.title, t.reference
      FROM "TrainingEnrolment" e JOIN "Training" t ON t.id = e."trainingId"
     WHERE e.status = 'COMPLETED' AND t.kind = 'ROTATION' AND e."practitionerId" IN (${Prisma.join(practitionerIds)})
     ORDER BY e."practitionerId", t."endDate" DESC, t.id`;
  return new Map(rows.map((r) => [r.practitionerId, { date: r.endDate, title: r.title, reference: r.reference }]));
}
