import "server-only";
import type { TTx } from "@/server/db";
import { prisma } from "@/server/db";
import { cpdProgress, type TCertificateKind, type TCpdProgress, type TQualificationSettings } from "@/domain/registrations/rules";

/** The continuing-education progress of a registration's current period, read from the ledger. */
export async function periodProgress(
  db: TTx | typeof prisma,
  registration: { practitionerId: string; periodStart: Date; periodEnd: Date; credential: { kind: string } },
  settings: TQualificationSettings,
): Promise<TCpdProgress> {
  // One after the other: inside a transaction both would share one connection.
  const lines = await db.cpdEntry.findMany({
    where: { practitionerId: registration.practitionerId, endDate: { gte: registration.periodStart, lte: registration.periodEnd }, status: { in: ["SUBMITTED", "VERIFIED"] } },
    select: { endDate: true, halfHours: true, status: true },
  });
  const degrees = await db.credential.findMany({
    where: { practitionerId: registration.practitionerId, kind: "SOCIAL_WORK_DEGREE", status: "VERIFIED", issueDate: { gte: registration.periodStart, lte: registration.periodEnd } },
    select: { issueDate: true },
  });
  return cpdProgress(
    lines,
    degrees.map((d) => d.issueDate),
    { start: registration.periodStart, end: registration.periodEnd },
    registration.credential.kind as TCertificateKind,
    settings,
  );
}
