import { describe, expect, it } from "vitest";
import {
  activeIntervals,
  explainCounting,
  g1Flags,
  isQualifyingCredential,
  qualificationLevel,
  qualifiedPeriods,
  union,
  validityInterval,
  type TCredentialFact,
  type TProfileFacts,
  type TStatusFact,
} from "@/domain/practitioners/qualification";
import { DEFAULT_G1_OPTIONS } from "@/domain/practitioners/qualification";
import { utcDay } from "@/domain/common/calendar-day";
import { deriveFacts, periodRows } from "@/server/seed/derive";

// The counting rule (plan.md G1–G2, T1) on its edge cases. Dates are UTC days; periods are [from, to).

const d = (s: string) => utcDay(`${s}T00:00:00Z`);
const iso = (x: Date | null) => (x ? x.toISOString().slice(0, 10) : null);
const show = (ps: { from: Date; to: Date | null }[]) => ps.map((p) => [iso(p.from), iso(p.to)]);

const cert = (over: Partial<TCredentialFact> = {}): TCredentialFact => ({ kind: "SOCIAL_WORKER", status: "VERIFIED", issueDate: d("2024-03-01"), ...over });
const degree = (level: TCredentialFact["degreeLevel"], over: Partial<TCredentialFact> = {}): TCredentialFact => ({ kind: "SOCIAL_WORK_DEGREE", status: "VERIFIED", degreeLevel: level, issueDate: d("2023-07-01"), ...over });
const active = (from: string): TStatusFact => ({ status: "ACTIVE", effectiveFrom: d(from) });
const left = (from: string): TStatusFact => ({ status: "LEFT", effectiveFrom: d(from) });
const profile: TProfileFacts = { degree: "NONE", professionalTitle: "NONE", keyPost: false, awardLevels: [] };
const ENTRY = d("2020-01-01");

describe("who counts: qualifying credentials", () => {
  it("counts a verified certificate from its issue date, open-ended: the certificate is permanent", () => {
    expect(show(qualifiedPeriods([cert()], [], ENTRY))).toEqual([["2024-03-01", null]]);
  });

  it("does not count credentials that are only submitted or were rejected", () => {
    expect(qualifiedPeriods([cert({ status: "SUBMITTED" })], [], ENTRY)).toEqual([]);
    expect(qualifiedPeriods([cert({ status: "REJECTED" })], [], ENTRY)).toEqual([]);
  });

  it("a certificate once marked EXPIRED (history from the old model) reads as held: it counts on", () => {
    expect(show(qualifiedPeriods([cert({ status: "EXPIRED" })], [], ENTRY))).toEqual([["2024-03-01", null]]);
  });

  it("degree only: associate and above count, NONE or missing does not; degrees never expire", () => {
    for (const level of ["ASSOCIATE", "BACHELOR", "MASTER", "DOCTORATE"] as const) expect(isQualifyingCredential(degree(level)), level).toBe(true);
    expect(isQualifyingCredential(degree("NONE"))).toBe(false);
    expect(isQualifyingCredential(degree(null))).toBe(false);
    expect(show(qualifiedPeriods([degree("ASSOCIATE")], [], ENTRY))).toEqual([["2023-07-01", null]]);
  });

  it("professional titles and OTHER credentials never make anyone count", () => {
    const title: TCredentialFact = { kind: "PROFESSIONAL_TITLE", titleLevel: "SENIOR", status: "VERIFIED", issueDate: d("2020-01-01") };
    const other: TCredentialFact = { kind: "OTHER", status: "VERIFIED", issueDate: d("2020-01-01") };
    expect(qualifiedPeriods([title, other], [], ENTRY)).toEqual([]);
  });

  it("a second certificate (a higher level later) does not split or restart the period", () => {
    const first = cert({ kind: "ASSISTANT_SOCIAL_WORKER", issueDate: d("2021-01-01") });
    const later = cert({ issueDate: d("2024-06-01") });
    expect(show(qualifiedPeriods([first, later], [], ENTRY))).toEqual([["2021-01-01", null]]);
  });

  it("the earliest qualifying credential sets the start; overlapping credentials merge", () => {
    const c = cert({ issueDate: d("2024-03-01") });
    const dg = degree("ASSOCIATE", { issueDate: d("2022-07-01") });
    expect(show(qualifiedPeriods([c, dg], [], ENTRY))).toEqual([["2022-07-01", null]]);
  });

  it("certificate revoked: counting ends on the revocation day; a revoked credential without a date never counted", () => {
    const revoked = cert({ status: "REVOKED", revokedOn: d("2025-05-10") });
    expect(show(qualifiedPeriods([revoked], [], ENTRY))).toEqual([["2024-03-01", "2025-05-10"]]);
    expect(qualifiedPeriods([cert({ status: "REVOKED", revokedOn: null })], [], ENTRY)).toEqual([]);
    // Revoked on its issue day: it never counted at all.
    expect(validityInterval(cert({ status: "REVOKED", revokedOn: d("2024-03-01") }))).toBeNull();
  });

  it("certificate revoked but a degree still held: the person keeps counting", () => {
    const revoked = cert({ status: "REVOKED", revokedOn: d("2025-05-10") });
    expect(show(qualifiedPeriods([revoked, degree("BACHELOR", { issueDate: d("2025-01-01") })], [], ENTRY))).toEqual([["2024-03-01", null]]);
  });
});

describe("who counts: a lapsed registration changes nothing", () => {
  const facts = [cert({ issueDate: d("2021-01-01") })];
  const at = d("2026-06-01");
  const run = (registrations: { credentialStatus: TCredentialFact["status"]; periodEnd: Date }[]) => deriveFacts(facts, [], ENTRY, profile, at, DEFAULT_G1_OPTIONS, registrations);

  it("counts the same with a current, a lapsed or no registration; only registrationEnd differs", () => {
    const current = run([{ credentialStatus: "VERIFIED", periodEnd: d("2027-12-31") }]);
    const lapsed = run([{ credentialStatus: "VERIFIED", periodEnd: d("2023-12-31") }]);
    const none = run([]);
    for (const x of [current, lapsed, none]) {
      expect(x.isQualified).toBe(true);
      expect(iso(x.qualifiedSince)).toBe("2021-01-01");
      expect(x.qualificationLevel).toBe("SOCIAL_WORKER");
      expect(show(x.periods)).toEqual([["2021-01-01", null]]);
    }
    expect(iso(current.registrationEnd)).toBe("2027-12-31");
    expect(iso(lapsed.registrationEnd)).toBe("2023-12-31");
    expect(none.registrationEnd).toBeNull();
  });

  it("registrationEnd is the latest period end among verified certificates only", () => {
    const x = run([
      { credentialStatus: "VERIFIED", periodEnd: d("2025-01-31") },
      { credentialStatus: "VERIFIED", periodEnd: d("2027-03-31") },
      { credentialStatus: "REVOKED", periodEnd: d("2029-01-01") },
      { credentialStatus: "SUBMITTED", periodEnd: d("2030-01-01") },
    ]);
    expect(iso(x.registrationEnd)).toBe("2027-03-31");
  });
});

describe("who counts: active in the city", () => {
  it("without status history, counts from the entry date", () => {
    expect(show(qualifiedPeriods([cert()], [], d("2025-01-15")))).toEqual([["2025-01-15", null]]);
    expect(qualifiedPeriods([cert()], [], null)).toEqual([]);
  });

  it("left the city and came back: stops counting on leaving, counts again on returning, and the return is not a new entry", () => {
    const history = [active("2020-01-01"), left("2025-01-01"), active("2025-09-01")];
    expect(show(qualifiedPeriods([cert()], history, ENTRY))).toEqual([
      ["2024-03-01", "2025-01-01"],
      ["2025-09-01", null],
    ]);
    const rows = periodRows("p1", deriveFacts([cert()], history, ENTRY, profile, d("2026-01-01")), "/c/d/", "RECRUITED");
    expect(rows.map((r) => [iso(r.from as Date), r.isFirst])).toEqual([
      ["2024-03-01", true],
      ["2025-09-01", false],
    ]);
  });

  it("retirement ends counting for good", () => {
    const history: TStatusFact[] = [active("2020-01-01"), { status: "RETIRED", effectiveFrom: d("2026-04-01") }];
    expect(show(qualifiedPeriods([degree("MASTER")], history, ENTRY))).toEqual([["2023-07-01", "2026-04-01"]]);
  });

  it("repeated ACTIVE entries do not restart the period; an unordered history is sorted", () => {
    const history = [left("2025-01-01"), active("2020-01-01"), active("2022-01-01")];
    expect(show(activeIntervals(history, null))).toEqual([["2020-01-01", "2025-01-01"]]);
  });

  it("union merges touching intervals and keeps an open end open", () => {
    expect(show(union([{ from: d("2024-01-01"), to: d("2024-02-01") }, { from: d("2024-02-01"), to: null }]))).toEqual([["2024-01-01", null]]);
  });
});

describe("qualification level on a day", () => {
  it("is the highest qualifying credential held that day; falls back when the higher one is revoked", () => {
    const senior = cert({ kind: "SENIOR_SOCIAL_WORKER", issueDate: d("2024-01-01"), status: "REVOKED", revokedOn: d("2025-12-31") });
    const assistant = cert({ kind: "ASSISTANT_SOCIAL_WORKER", issueDate: d("2020-01-01") });
    expect(qualificationLevel([senior, assistant], d("2025-06-01"))).toBe("SENIOR_SOCIAL_WORKER");
    expect(qualificationLevel([senior, assistant], d("2026-01-01"))).toBe("ASSISTANT_SOCIAL_WORKER");
    expect(qualificationLevel([senior, assistant], d("2019-12-31"))).toBe("NONE");
    expect(qualificationLevel([degree("BACHELOR")], d("2026-01-01"))).toBe("DEGREE");
    expect(qualificationLevel([cert({ status: "SUBMITTED" })], d("2025-01-01"))).toBe("NONE");
  });
});

describe("G1 priority profiles", () => {
  const at = d("2025-06-01");
  it("G1.a: verified master's or doctorate in social work, not a bachelor's, not unverified", () => {
    expect(g1Flags([degree("MASTER")], profile, at).g1Msw).toBe(true);
    expect(g1Flags([degree("DOCTORATE")], profile, at).g1Msw).toBe(true);
    expect(g1Flags([degree("BACHELOR")], profile, at).g1Msw).toBe(false);
    expect(g1Flags([degree("MASTER", { status: "SUBMITTED" })], profile, at).g1Msw).toBe(false);
  });

  it("G1.b: a verified 高级社会工作师 certificate satisfies it by default; the city can switch that off", () => {
    const senior = cert({ kind: "SENIOR_SOCIAL_WORKER" });
    expect(g1Flags([senior], profile, at).g1DeputySenior).toBe(true);
    expect(g1Flags([senior], profile, at, { seniorCertificateIsG1b: false }).g1DeputySenior).toBe(false);
    expect(g1Flags([cert({ kind: "SENIOR_SOCIAL_WORKER", status: "SUBMITTED" })], profile, at).g1DeputySenior).toBe(false);
    expect(g1Flags([cert()], profile, at).g1DeputySenior).toBe(false);
  });

  it("G1.b: deputy-senior title or above, from the profile or a verified title credential", () => {
    expect(g1Flags([], { ...profile, professionalTitle: "DEPUTY_SENIOR" }, at).g1DeputySenior).toBe(true);
    expect(g1Flags([], { ...profile, professionalTitle: "INTERMEDIATE" }, at).g1DeputySenior).toBe(false);
    const title: TCredentialFact = { kind: "PROFESSIONAL_TITLE", titleLevel: "SENIOR", status: "VERIFIED", issueDate: d("2020-01-01") };
    expect(g1Flags([title], profile, at).g1DeputySenior).toBe(true);
    expect(g1Flags([{ ...title, status: "REJECTED" }], profile, at).g1DeputySenior).toBe(false);
  });

  it("G1.c: a social-worker or senior certificate held that day; not assistant; not once revoked", () => {
    expect(g1Flags([cert()], profile, at).g1SocialWorker).toBe(true);
    expect(g1Flags([cert({ kind: "SENIOR_SOCIAL_WORKER" })], profile, at).g1SocialWorker).toBe(true);
    expect(g1Flags([cert({ kind: "ASSISTANT_SOCIAL_WORKER" })], profile, at).g1SocialWorker).toBe(false);
    expect(g1Flags([cert()], profile, d("2030-03-01")).g1SocialWorker).toBe(true);
    expect(g1Flags([cert({ status: "REVOKED", revokedOn: d("2025-01-01") })], profile, at).g1SocialWorker).toBe(false);
  });

  it("G1.d: provincial-or-above award only", () => {
    expect(g1Flags([], { ...profile, awardLevels: ["MUNICIPAL", "PROVINCIAL_OR_ABOVE"] }, at).g1ProvincialAward).toBe(true);
    expect(g1Flags([], { ...profile, awardLevels: ["MUNICIPAL"] }, at).g1ProvincialAward).toBe(false);
  });

  it("G1.e: key post needs a bachelor's or above", () => {
    expect(g1Flags([], { ...profile, keyPost: true, degree: "BACHELOR" }, at).g1KeyPost).toBe(true);
    expect(g1Flags([], { ...profile, keyPost: true, degree: "ASSOCIATE" }, at).g1KeyPost).toBe(false);
    expect(g1Flags([], { ...profile, keyPost: false, degree: "DOCTORATE" }, at).g1KeyPost).toBe(false);
  });
});

describe("explainCounting: the decision, since when, why, what would change it (issue 11, item 4)", () => {
  const today = d("2026-06-01");
  it("counts: since the period's first day, held credentials best first, and what would stop it", () => {
    const c = explainCounting([cert({ kind: "ASSISTANT_SOCIAL_WORKER", issueDate: d("2021-01-01") }), cert({ issueDate: d("2024-06-01") })], [], ENTRY, today);
    expect(c).toMatchObject({ counts: true, since: d("2021-01-01"), level: "SOCIAL_WORKER", reasons: [], changes: [{ code: "stopOnLeaving" }, { code: "stopOnRevocation", count: 2 }] });
    expect(c.held.map((h) => h.kind)).toEqual(["SOCIAL_WORKER", "ASSISTANT_SOCIAL_WORKER"]);
  });

  it("left the city: not counted since leaving, the level they hold is kept, returning would change it", () => {
    const c = explainCounting([cert()], [active("2020-01-01"), left("2025-03-01")], ENTRY, today);
    expect(c).toEqual({
      counts: false,
      since: d("2025-03-01"),
      level: "SOCIAL_WORKER",
      held: [{ kind: "SOCIAL_WORKER", degreeLevel: null, issueDate: d("2024-03-01") }],
      reasons: [{ code: "inactive", status: "LEFT", since: d("2025-03-01") }],
      changes: [{ code: "countOnReturn" }],
    });
  });

  it("an entry date ahead: counts from then without anyone doing anything", () => {
    const c = explainCounting([cert()], [active("2026-09-01")], d("2026-09-01"), today);
    expect(c).toMatchObject({ counts: false, since: null, reasons: [{ code: "notYetActive", from: d("2026-09-01") }], changes: [{ code: "countOnDate", from: d("2026-09-01") }] });
  });

  it("nothing verified: names what is pending, rejected, revoked or of a kind that never counts", () => {
    const c = explainCounting(
      [
        cert({ status: "SUBMITTED", submittedOn: d("2026-05-20") }),
        cert({ kind: "ASSISTANT_SOCIAL_WORKER", status: "REJECTED" }),
        cert({ kind: "SENIOR_SOCIAL_WORKER", status: "REVOKED", revokedOn: d("2025-01-10") }),
        { kind: "PROFESSIONAL_TITLE", titleLevel: "SENIOR", status: "VERIFIED", issueDate: d("2020-01-01") },
        degree("NONE"),
      ],
      [],
      ENTRY,
      today,
    );
    expect(c.counts).toBe(false);
    expect(c.since).toEqual(d("2025-01-10"));
    expect(c.reasons).toEqual([
      { code: "noQualifyingCredential" },
      { code: "pending", kind: "SOCIAL_WORKER", since: d("2026-05-20") },
      { code: "rejected", kind: "ASSISTANT_SOCIAL_WORKER" },
      { code: "revoked", kind: "SENIOR_SOCIAL_WORKER", on: d("2025-01-10") },
      { code: "notQualifyingKind", kind: "PROFESSIONAL_TITLE" },
      { code: "notQualifyingKind", kind: "SOCIAL_WORK_DEGREE" },
    ]);
    expect(c.changes).toEqual([{ code: "countOnVerification", kind: "SOCIAL_WORKER" }]);
    expect(explainCounting([], [], ENTRY, today)).toMatchObject({ reasons: [{ code: "noQualifyingCredential" }], changes: [{ code: "countOnCredential" }] });
  });

  it("is the decision deriveFacts stores, on every case above", () => {
    const cases: [TCredentialFact[], TStatusFact[]][] = [
      [[cert()], []],
      [[cert()], [active("2020-01-01"), left("2025-03-01")]],
      [[cert({ status: "SUBMITTED" })], []],
      [[degree("BACHELOR")], [active("2026-09-01")]],
    ];
    for (const [creds, history] of cases) {
      const c = explainCounting(creds, history, ENTRY, today);
      const f = deriveFacts(creds, history, ENTRY, profile, today);
      expect({ isQualified: f.isQualified, qualifiedSince: f.qualifiedSince, qualificationLevel: f.qualificationLevel }).toEqual({ isQualified: c.counts, qualifiedSince: c.counts ? c.since : null, qualificationLevel: c.level });
    }
  });
});
