// Derived register facts, recomputed inside the caller's transaction after any change to a
// practitioner's credentials, status, awards, employer or profile, so dashboards and filters
// are plain SQL over stored columns (see prisma/schema.prisma: Practitioner, QualifiedPeriod).
import "server-only";
import { activeSinceOf, credentialFacts, deriveFacts, derivedColumns, periodRows, qualificationInputSelect } from "@/server/seed/derive";
import { getQualificationSettings } from "@/server/plan/qualification-settings";
import type { Prisma } from "@/generated/prisma/client";
import type { TG1Options } from "@/domain/practitioners/qualification";
import { todayInCity } from "@/domain/common/calendar-day";

type TDb = Prisma.TransactionClient;

/** The employer's region, denormalised onto the practitioner for district scope filters. */
export async function employerRegion(tx: TDb, organizationId: string | null): Promise<{ regionId: string | null; regionPath: string | null }> {
  if (!organizationId) return { regionId: null, regionPath: null };
  const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { regionId: true, region: { select: { path: true } } } });
  return { regionId: org?.regionId ?? null, regionPath: org?.region.path ?? null };
}

/**
 * Recomputes the practitioner's derived columns and QualifiedPeriod rows from their credentials,
 * status history, profile and registrations. `today` is the city's calendar day (not the
 * server's: a server in UTC would still be on yesterday for the city's first eight hours).
 */
export async function recomputePractitioner(tx: TDb, practitionerId: string, now = new Date(), g1?: TG1Options): Promise<{ isQualified: boolean }> {
  const p = await tx.practitioner.findUniqueOrThrow({
    where: { id: practitionerId },
    select: qualificationInputSelect,
  });
  // A bulk recompute reads the city's G1 choice once and passes it in.
  const g1Options = g1 ?? { seniorCertificateIsG1b: (await getQualificationSettings(tx)).seniorCertificateIsG1b };
  const registrations = p.credentials.flatMap((c) => (c.registration ? [{ credentialStatus: c.status, periodEnd: c.registration.periodEnd }] : []));
  const derived = deriveFacts(
    credentialFacts(p),
    p.statusHistory,
    activeSinceOf(p),
    { degree: p.degree, professionalTitle: p.professionalTitle, keyPost: p.keyPost, awardLevels: p.awards.map((a) => a.level) },
    todayInCity(now),
    g1Options,
    registrations,
  );

  await tx.qualifiedPeriod.deleteMany({ where: { practitionerId } });
  const rows = periodRows(practitionerId, derived, p.regionPath, p.entryPath);
  if (rows.length) await tx.qualifiedPeriod.createMany({ data: rows });
  await tx.practitioner.update({ where: { id: practitionerId }, data: derivedColumns(derived) });
  return { isQualified: derived.isQualified };
}
