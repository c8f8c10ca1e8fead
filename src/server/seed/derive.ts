// The derived register facts (isQualified, qualifiedSince, qualificationLevel, g1*, and the
// QualifiedPeriod rows, registrationEnd) computed in memory with the same pure functions as recomputePractitioner
// (src/server/practitioners/derived-facts.ts), for bulk inserts (demo seed, 100k benchmark
// generator) and the factories (which must not load server-only modules: the seed and the e2e
// tests run outside Next). Keep in step with derived-facts.ts; tests/integration/demo-seed.test.ts
// and tests/integration/seed-factories.test.ts check the rows against recomputePractitioner.
import type { Prisma } from "@/generated/prisma/client";
import { DEFAULT_G1_OPTIONS, explainCounting, g1Flags, qualificationLevel, qualifiedPeriods, type TCredentialFact, type TG1Options, type TPeriod, type TCounting, type TProfileFacts, type TStatusFact } from "@/domain/practitioners/qualification";
import { todayInCity, utcDay } from "@/domain/common/calendar-day";

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
  // Ordered: two changes on one day (left, then back the same day) must be read in the order they were made.
  statusHistory: { select: { status: true, effectiveFrom: true }, orderBy: [{ effectiveFrom: "asc" }, { createdAt: "asc" }] },
  credentials: {
    select: {
      kind: true,
      createdAt: true,
      status: true,
      degreeLevel: true,
      titleLevel: true,
      issueDate: true,
      registration: { select: { periodEnd: true } },
      events: { where: { toStatus: "REVOKED" }, select: { at: true }, orderBy: { at: "desc" }, take: 1 },
    },
  },
} as const satisfies Prisma.PractitionerSelect;

type TQualificationInput = Prisma.PractitionerGetPayload<{ select: typeof qualificationInputSelect }>;

/** The rule's credential facts from a practitioner read with qualificationInputSelect. */
export function credentialFacts(p: Pick<TQualificationInput, "credentials">): TCredentialFact[] {
  return p.credentials.map((c) => ({
    kind: c.kind,
    status: c.status,
    degreeLevel: c.degreeLevel,
    titleLevel: c.titleLevel,
    issueDate: c.issueDate,
    revokedOn: c.status === "REVOKED" ? (c.events[0]?.at ?? null) : null,
    submittedOn: todayInCity(c.createdAt),
  }));
}

/** Active from the entry date when there is no status history (the register's oldest rows). */
export const activeSinceOf = (p: Pick<TQualificationInput, "entryDate" | "createdAt">): Date => p.entryDate ?? utcDay(p.createdAt);

/** Whether, since when and why the practitioner counts on `today` (the city's calendar day). */
export function countingOf(p: Pick<TQualificationInput, "credentials" | "statusHistory" | "entryDate" | "createdAt">, today: Date): TCounting {
  return explainCounting(credentialFacts(p), p.statusHistory, activeSinceOf(p), today);
}

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
  // The stored decision is the explanation's, so a page explaining it can never disagree with it.
  const counting = explainCounting(credentials, history, activeSince, now);
  return {
    periods,
    isQualified: counting.counts,
    qualifiedSince: counting.counts ? counting.since : null,
    // The level held, also when the person does not count (left the city, say): the public register
    // shows their certificate as valid, and the register must not call them "no qualification".
    qualificationLevel: counting.level,
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
