// The derived register facts (isQualified, qualifiedSince, qualificationLevel, g1*, and the
// QualifiedPeriod rows, registrationEnd) computed in memory with the same pure functions as recomputePractitioner
// (src/server/practitioners/derived-facts.ts), for bulk inserts (demo seed, 100k benchmark
// generator) and the factories (which must not load server-only modules: the seed and the e2e
// tests run outside Next). Keep in step with derived-facts.ts; tests/integration/demo-seed.test.ts
// and tests/integration/seed-factories.test.ts check the rows against recomputePractitioner.
import type { Prisma } from "@/generated/prisma/client";
import { contains, DEFAULT_G1_OPTIONS, g1Flags, qualificationLevel, qualifiedPeriods, type TCredentialFact, type TG1Options, type TPeriod, type TProfileFacts, type TStatusFact } from "@/domain/practitioners/qualification";
import { utcDay } from "@/domain/common/calendar-day";

/** What the qualification rule reads of a practitioner: one select for recomputePractitioner and the factories. */
export const qualificationInputSelect = {
  entryDate: true,
  createdAt: true,
  entryPath: true,
  regionPath: true,
  degree: true,
  professionalTitle: true,
  keyPost: true,
  awards: { select: { level: true } },
  statusHistory: { select: { status: true, effectiveFrom: true } },
  credentials: {
    select: {
      kind: true,
      status: true,
      degreeLevel: true,
      titleLevel: true,
      issueDate: true,
      registration: { select: { periodEnd: true } },
      events: { where: { toStatus: "REVOKED" }, select: { at: true }, orderBy: { at: "desc" }, take: 1 },
    },
  },
} as const satisfies Prisma.PractitionerSelect;

export type TDerived = {
  periods: TPeriod[];
  isQualified: boolean;
  qualifiedSince: Date | null;
  qualificationLevel: ReturnType<typeof qualificationLevel>;
  g1Msw: boolean;
  g1DeputySenior: boolean;
  g1SocialWorker: boolean;
  g1ProvincialAward: boolean;
  g1KeyPost: boolean;
  registrationEnd: Date | null;
};

/** A certificate's registration as the rule reads it: the latest period's last day. */
export type TRegistrationFact = { credentialStatus: TCredentialFact["status"]; periodEnd: Date };

/** The last day of the latest registration period among verified certificates (null: none). */
export function latestRegistrationEnd(registrations: readonly TRegistrationFact[]): Date | null {
  let end: Date | null = null;
  for (const r of registrations) {
    if (r.credentialStatus !== "VERIFIED") continue;
    if (!end || r.periodEnd.getTime() > end.getTime()) end = utcDay(r.periodEnd);
  }
  return end;
}

export function deriveFacts(
  credentials: TCredentialFact[],
  history: TStatusFact[],
  activeSince: Date | null,
  profile: TProfileFacts,
  today: Date,
  options: TG1Options = DEFAULT_G1_OPTIONS,
  registrations: readonly TRegistrationFact[] = [],
): TDerived {
  const now = utcDay(today);
  const periods = qualifiedPeriods(credentials, history, activeSince);
  const current = periods.find((x) => contains(x, now)) ?? null;
  return {
    periods,
    isQualified: current !== null,
    qualifiedSince: current?.from ?? null,
    qualificationLevel: current ? qualificationLevel(credentials, now) : "NONE",
    ...g1Flags(credentials, profile, now, options),
    registrationEnd: latestRegistrationEnd(registrations),
  };
}

/** The practitioner's derived columns, as recomputePractitioner stores them. */
export function derivedColumns(d: TDerived) {
  return {
    isQualified: d.isQualified,
    qualifiedSince: d.qualifiedSince,
    qualificationLevel: d.qualificationLevel,
    g1Msw: d.g1Msw,
    g1DeputySenior: d.g1DeputySenior,
    g1SocialWorker: d.g1SocialWorker,
    g1ProvincialAward: d.g1ProvincialAward,
    g1KeyPost: d.g1KeyPost,
    registrationEnd: d.registrationEnd,
  };
}

/** The QualifiedPeriod rows of one practitioner (region and entry path copied for the dashboard's aggregates). */
export function periodRows(practitionerId: string, d: TDerived, regionPath: string | null, entryPath: Prisma.QualifiedPeriodCreateManyInput["entryPath"]): Prisma.QualifiedPeriodCreateManyInput[] {
  // qualifiedPeriods returns the periods in order, merged: only the first is an entry, later ones are returns.
  return d.periods.map((x, i) => ({ practitionerId, from: x.from, to: x.to, regionPath, entryPath, isFirst: i === 0 }));
}
