// Derived register facts, recomputed inside the caller's transaction after any change to a
// practitioner's credentials, status, awards, employer or profile, so dashboards and filters
// are plain SQL over stored columns (see prisma/schema.prisma: Practitioner, QualifiedPeriod).
import "server-only";
import { qualificationInputSelect } from "@/server/seed/derive";
import type { Prisma } from "@/generated/prisma/client";
import { contains, g1Flags, qualificationLevel, qualifiedPeriods, type TCredentialFact } from "@/domain/practitioners/qualification";
import { utcDay } from "@/domain/common/calendar-day";

type TDb = Prisma.TransactionClient;

/** The employer's region, denormalised onto the practitioner for district scope filters. */
export async function employerRegion(tx: TDb, organizationId: string | null): Promise<{ regionId: string | null; regionPath: string | null }> {
  if (!organizationId) return { regionId: null, regionPath: null };
  const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { regionId: true, region: { select: { path: true } } } });
  return { regionId: org?.regionId ?? null, regionPath: org?.region.path ?? null };
}

export async function recomputePractitioner(tx: TDb, practitionerId: string, today = new Date()): Promise<{ isQualified: boolean }> {
  const p = await tx.practitioner.findUniqueOrThrow({
    where: { id: practitionerId },
    select: qualificationInputSelect,
  });
  const facts: TCredentialFact[] = p.credentials.map((c) => ({
    kind: c.kind,
    status: c.status,
    degreeLevel: c.degreeLevel,
    titleLevel: c.titleLevel,
    issueDate: c.issueDate,
    validUntil: c.validUntil,
    revokedOn: c.status === "REVOKED" ? (c.events[0]?.at ?? null) : null,
  }));
  const now = utcDay(today);
  const periods = qualifiedPeriods(facts, p.statusHistory, p.entryDate ?? utcDay(p.createdAt));
  const current = periods.find((x) => contains(x, now)) ?? null;
  const flags = g1Flags(facts, { degree: p.degree, professionalTitle: p.professionalTitle, keyPost: p.keyPost, awardLevels: p.awards.map((a) => a.level) }, now);

  await tx.qualifiedPeriod.deleteMany({ where: { practitionerId } });
  if (periods.length) {
    await tx.qualifiedPeriod.createMany({
      data: periods.map((x) => ({ practitionerId, from: x.from, to: x.to, regionPath: p.regionPath, entryPath: p.entryPath })),
    });
  }
  await tx.practitioner.update({
    where: { id: practitionerId },
    data: {
      isQualified: current !== null,
      qualifiedSince: current?.from ?? null,
      qualificationLevel: current ? qualificationLevel(facts, now) : "NONE",
      ...flags,
    },
  });
  return { isQualified: current !== null };
}
