// The derived register facts (isQualified, qualifiedSince, qualificationLevel, g1*, and the
// QualifiedPeriod rows) computed in memory with the same pure functions as
// src/server/practitioners/rules.ts, for bulk inserts (demo seed, 100k benchmark generator)
// where one recompute round trip per person would be too slow. Keep in step with rules.ts;
// tests/integration/growth-dashboard.test.ts checks the seeded rows against recomputePractitioner.
import { contains, g1Flags, qualificationLevel, qualifiedPeriods, type TCredentialFact, type TPeriod, type TProfileFacts, type TStatusFact } from "@/domain/practitioners/qualification";
import { utcDay } from "@/domain/common/calendar-day";

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
};

export function deriveFacts(credentials: TCredentialFact[], history: TStatusFact[], activeSince: Date | null, profile: TProfileFacts, today: Date): TDerived {
  const now = utcDay(today);
  const periods = qualifiedPeriods(credentials, history, activeSince);
  const current = periods.find((x) => contains(x, now)) ?? null;
  return {
    periods,
    isQualified: current !== null,
    qualifiedSince: current?.from ?? null,
    qualificationLevel: current ? qualificationLevel(credentials, now) : "NONE",
    ...g1Flags(credentials, profile, now),
  };
}
