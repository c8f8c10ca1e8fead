// Who counts toward the plan (plan.md G1–G2, T1). Pure: dates in, periods and flags out.
//
// A practitioner counts from the earliest date on which they hold a verified social-work degree
// (associate or above) or a verified qualification certificate, while active in the city. The
// certificate is permanent: its registration (登记) may lapse, but that never changes whether the
// person counts (plan.md counts "people who hold the certificate or a social-work background").
// They stop counting when they leave (or retire) or every qualifying credential is revoked, and
// count again when they come back. All dates are UTC calendar days; intervals are half-open
// [from, to) with to = null for "still open".
import { utcDay } from "@/domain/common/calendar-day";

export type TDay = Date; // midnight UTC

export type TCredentialFact = {
  kind: "ASSISTANT_SOCIAL_WORKER" | "SOCIAL_WORKER" | "SENIOR_SOCIAL_WORKER" | "SOCIAL_WORK_DEGREE" | "PROFESSIONAL_TITLE" | "OTHER";
  /** Only verified credentials count. EXPIRED is history only (before certificates were permanent) and reads as VERIFIED. */
  status: "SUBMITTED" | "VERIFIED" | "REJECTED" | "EXPIRED" | "REVOKED";
  degreeLevel?: "NONE" | "ASSOCIATE" | "BACHELOR" | "MASTER" | "DOCTORATE" | null;
  titleLevel?: "NONE" | "JUNIOR" | "INTERMEDIATE" | "DEPUTY_SENIOR" | "SENIOR" | null;
  issueDate: TDay;
  /** For REVOKED: the day it was revoked (it counted before). */
  revokedOn?: TDay | null;
  /** The day it was submitted (for "awaiting verification since …"); the rule itself never reads it. */
  submittedOn?: TDay | null;
};

export type TStatusFact = { status: "ACTIVE" | "LEFT" | "RETIRED"; effectiveFrom: TDay };

export type TPeriod = { from: TDay; to: TDay | null };

const CERTIFICATES = new Set(["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"]);
const QUALIFYING_DEGREES = new Set(["ASSOCIATE", "BACHELOR", "MASTER", "DOCTORATE"]);

export function isQualifyingCredential(c: TCredentialFact): boolean {
  if (CERTIFICATES.has(c.kind)) return true;
  return c.kind === "SOCIAL_WORK_DEGREE" && !!c.degreeLevel && QUALIFYING_DEGREES.has(c.degreeLevel);
}

/**
 * The interval during which a credential was held: from its issue date, open-ended (certificates
 * and degrees do not expire) unless it was revoked; null if it never counted.
 */
export function validityInterval(c: TCredentialFact): TPeriod | null {
  if (c.status !== "VERIFIED" && c.status !== "EXPIRED" && c.status !== "REVOKED") return null;
  if (c.status === "REVOKED" && !c.revokedOn) return null;
  const from = utcDay(c.issueDate);
  const to = c.status === "REVOKED" && c.revokedOn ? utcDay(c.revokedOn) : null;
  if (to && to.getTime() <= from.getTime()) return null;
  return { from, to };
}

/** Merges overlapping or touching intervals; input in any order. */
export function union(periods: TPeriod[]): TPeriod[] {
  const sorted = [...periods].sort((a, b) => a.from.getTime() - b.from.getTime());
  const out: TPeriod[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && (last.to === null || last.to.getTime() >= p.from.getTime())) {
      if (last.to !== null && (p.to === null || p.to.getTime() > last.to.getTime())) last.to = p.to;
    } else out.push({ from: p.from, to: p.to });
  }
  return out;
}

export function intersect(a: TPeriod[], b: TPeriod[]): TPeriod[] {
  const out: TPeriod[] = [];
  for (const x of a) {
    for (const y of b) {
      const from = Math.max(x.from.getTime(), y.from.getTime());
      const xt = x.to?.getTime() ?? Infinity;
      const yt = y.to?.getTime() ?? Infinity;
      const to = Math.min(xt, yt);
      if (to > from) out.push({ from: new Date(from), to: to === Infinity ? null : new Date(to) });
    }
  }
  return union(out);
}

/**
 * Active intervals from the status history. Without any history, the person is active from
 * `activeSince` (entry date), or not at all when that is unknown.
 */
export function activeIntervals(history: TStatusFact[], activeSince: TDay | null): TPeriod[] {
  const sorted = [...history].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
  if (sorted.length === 0) return activeSince ? [{ from: utcDay(activeSince), to: null }] : [];
  const out: TPeriod[] = [];
  let openFrom: TDay | null = null;
  for (const s of sorted) {
    const at = utcDay(s.effectiveFrom);
    if (s.status === "ACTIVE") openFrom ??= at;
    else if (openFrom) {
      if (at.getTime() > openFrom.getTime()) out.push({ from: openFrom, to: at });
      openFrom = null;
    }
  }
  if (openFrom) out.push({ from: openFrom, to: null });
  return union(out);
}

export function qualifiedPeriods(credentials: TCredentialFact[], history: TStatusFact[], activeSince: TDay | null): TPeriod[] {
  const held = union(credentials.filter(isQualifyingCredential).map(validityInterval).filter((p): p is TPeriod => p !== null));
  return intersect(held, activeIntervals(history, activeSince));
}

export function contains(p: TPeriod, at: TDay): boolean {
  return p.from.getTime() <= at.getTime() && (p.to === null || at.getTime() < p.to.getTime());
}

export type TQualificationLevel = "NONE" | "DEGREE" | "ASSISTANT_SOCIAL_WORKER" | "SOCIAL_WORKER" | "SENIOR_SOCIAL_WORKER";
export const LEVEL_RANK: Record<TQualificationLevel, number> = { NONE: 0, DEGREE: 1, ASSISTANT_SOCIAL_WORKER: 2, SOCIAL_WORKER: 3, SENIOR_SOCIAL_WORKER: 4 };

/** Does `level` reach `required`? (A post's required qualification against its holder's level.) */
export function meetsLevel(level: TQualificationLevel, required: TQualificationLevel): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[required];
}

/** Credentials valid on `at` (verified and within their validity interval). */
export function validOn(credentials: TCredentialFact[], at: TDay): TCredentialFact[] {
  return credentials.filter((c) => {
    const p = validityInterval(c);
    return p !== null && contains(p, at);
  });
}

const levelOf = (c: TCredentialFact): TQualificationLevel => (c.kind === "SOCIAL_WORK_DEGREE" ? "DEGREE" : (c.kind as TQualificationLevel));

/** The highest qualifying credential held on `at` (verified, not revoked), whether or not the person is active then. */
export function qualificationLevel(credentials: TCredentialFact[], at: TDay): TQualificationLevel {
  let best: TQualificationLevel = "NONE";
  for (const c of validOn(credentials, at).filter(isQualifyingCredential)) {
    const level = levelOf(c);
    if (LEVEL_RANK[level] > LEVEL_RANK[best]) best = level;
  }
  return best;
}

// ─── Why someone counts, or does not ─────────────────────────────────────────────────────
// The one answer to "does this person count, since when, why, and what would change it",
// computed from the same facts and periods as the decision itself, so that no page can say
// "counts" with one rule and explain it with another. Every page that says whether someone
// counts renders this (features/practitioners/components/counting-explanation.tsx), and the
// derived columns (isQualified, qualifiedSince, qualificationLevel) are its decision, stored.

/** A qualifying credential as the explanation names it. */
export type TCountingCredential = { kind: TCredentialFact["kind"]; degreeLevel: TCredentialFact["degreeLevel"] | null; issueDate: TDay };

/** Why someone does not count today (several may hold at once; all are listed). */
export type TNotCountingReason =
  /** Status LEFT or RETIRED since `since`. */
  | { code: "inactive"; status: "LEFT" | "RETIRED"; since: TDay }
  /** Active only from a later day (an entry date in the future). */
  | { code: "notYetActive"; from: TDay }
  /** No verified qualification certificate or social-work degree (associate or above) held today. */
  | { code: "noQualifyingCredential" }
  /** A qualifying credential submitted and awaiting verification. */
  | { code: "pending"; kind: TCredentialFact["kind"]; since: TDay | null }
  /** A qualifying credential was revoked on `on`. */
  | { code: "revoked"; kind: TCredentialFact["kind"]; on: TDay }
  /** A qualifying credential was rejected (it may be submitted again). */
  | { code: "rejected"; kind: TCredentialFact["kind"] }
  /** A verified credential of a kind that does not count (professional title, other, a degree below associate). */
  | { code: "notQualifyingKind"; kind: TCredentialFact["kind"] }
  /** A verified qualifying credential whose issue date is still ahead. */
  | { code: "issuedLater"; kind: TCredentialFact["kind"]; from: TDay };

/** What would change the answer: for someone who counts, what would stop it; otherwise what would make them count. */
export type TCountingChange =
  | { code: "stopOnLeaving" }
  /** Stops only when every one of the held qualifying credentials is revoked. */
  | { code: "stopOnRevocation"; count: number }
  /** Counts again on returning to ACTIVE status. */
  | { code: "countOnReturn" }
  /** Counts from `from` without anyone doing anything. */
  | { code: "countOnDate"; from: TDay }
  /** Counts once the submitted credential is verified. */
  | { code: "countOnVerification"; kind: TCredentialFact["kind"] }
  /** Counts once a qualification certificate or a social-work degree (associate or above) is submitted and verified. */
  | { code: "countOnCredential" };

export type TCounting = {
  counts: boolean;
  /** Counting: the first day of the current counting period. Not counting: the day counting ended (null: never counted). */
  since: TDay | null;
  /** The qualification level held today from verified credentials, whether or not the person counts. */
  level: TQualificationLevel;
  /** The qualifying credentials held today, highest level first: why someone counts (or would, if active). */
  held: TCountingCredential[];
  /** Why not (empty when counting). */
  reasons: TNotCountingReason[];
  changes: TCountingChange[];
};

const asCounting = (c: TCredentialFact): TCountingCredential => ({ kind: c.kind, degreeLevel: c.degreeLevel ?? null, issueDate: utcDay(c.issueDate) });

/**
 * Whether the person counts on `today`, and why: the decision is qualifiedPeriods' (counts when
 * today lies in a counting period), the rest names the facts that decided it.
 */
export function explainCounting(credentials: TCredentialFact[], history: TStatusFact[], activeSince: TDay | null, today: TDay): TCounting {
  const now = utcDay(today);
  const periods = qualifiedPeriods(credentials, history, activeSince);
  const current = periods.find((p) => contains(p, now)) ?? null;
  const heldNow = validOn(credentials, now)
    .filter(isQualifyingCredential)
    .sort((a, b) => LEVEL_RANK[levelOf(b)] - LEVEL_RANK[levelOf(a)] || a.issueDate.getTime() - b.issueDate.getTime());
  const held = heldNow.map(asCounting);
  const level = qualificationLevel(credentials, now);
  if (current) {
    return { counts: true, since: current.from, level, held, reasons: [], changes: [{ code: "stopOnLeaving" }, { code: "stopOnRevocation", count: held.length }] };
  }

  const ended = periods.filter((p) => p.to !== null && p.to.getTime() <= now.getTime()).at(-1);
  const reasons: TNotCountingReason[] = [];
  const changes: TCountingChange[] = [];

  const active = activeIntervals(history, activeSince);
  if (!active.some((p) => contains(p, now))) {
    const later = active.find((p) => p.from.getTime() > now.getTime());
    const last = [...history].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime()).filter((s) => utcDay(s.effectiveFrom).getTime() <= now.getTime()).at(-1);
    if (later) {
      reasons.push({ code: "notYetActive", from: later.from });
      if (heldNow.length) changes.push({ code: "countOnDate", from: later.from });
    } else if (last && last.status !== "ACTIVE") {
      reasons.push({ code: "inactive", status: last.status, since: utcDay(last.effectiveFrom) });
      changes.push({ code: "countOnReturn" });
    } else {
      // No active day on record at all (no history and no entry date): treated as not yet active.
      changes.push({ code: "countOnReturn" });
    }
  }

  if (!heldNow.length) {
    reasons.push({ code: "noQualifyingCredential" });
    const qualifying = credentials.filter(isQualifyingCredential);
    const pending = qualifying.filter((c) => c.status === "SUBMITTED");
    for (const c of qualifying) {
      const p = validityInterval(c);
      if (c.status === "REVOKED" && c.revokedOn) reasons.push({ code: "revoked", kind: c.kind, on: utcDay(c.revokedOn) });
      else if (c.status === "REJECTED") reasons.push({ code: "rejected", kind: c.kind });
      else if (c.status === "SUBMITTED") reasons.push({ code: "pending", kind: c.kind, since: c.submittedOn ? utcDay(c.submittedOn) : null });
      else if (p && p.from.getTime() > now.getTime()) reasons.push({ code: "issuedLater", kind: c.kind, from: p.from });
    }
    for (const c of credentials) if ((c.status === "VERIFIED" || c.status === "EXPIRED") && !isQualifyingCredential(c)) reasons.push({ code: "notQualifyingKind", kind: c.kind });
    const issuedLater = reasons.find((r): r is Extract<TNotCountingReason, { code: "issuedLater" }> => r.code === "issuedLater");
    if (pending.length) for (const c of pending) changes.push({ code: "countOnVerification", kind: c.kind });
    else if (issuedLater) changes.push({ code: "countOnDate", from: issuedLater.from });
    else changes.push({ code: "countOnCredential" });
  }
  return { counts: false, since: ended?.to ?? null, level, held, reasons, changes };
}

export type TProfileFacts = {
  degree: "NONE" | "ASSOCIATE" | "BACHELOR" | "MASTER" | "DOCTORATE";
  professionalTitle: "NONE" | "JUNIOR" | "INTERMEDIATE" | "DEPUTY_SENIOR" | "SENIOR";
  keyPost: boolean;
  awardLevels: ("PROVINCIAL_OR_ABOVE" | "MUNICIPAL" | "OTHER")[];
};

export type TG1Flags = { g1Msw: boolean; g1DeputySenior: boolean; g1SocialWorker: boolean; g1ProvincialAward: boolean; g1KeyPost: boolean };

/** The city's choices in the G1 profile rule (PlanTarget; the plan issue edits them). */
export type TG1Options = {
  /** G1.b asks for a deputy-senior professional title; a verified 高级社会工作师 certificate is its equivalent by default. */
  seniorCertificateIsG1b: boolean;
};
export const DEFAULT_G1_OPTIONS: TG1Options = { seniorCertificateIsG1b: true };

/**
 * plan.md G1.a–e priority profiles, from verified credentials where the plan needs proof. The one
 * place the profile rule lives: the register, the seed and the dashboards all read these flags.
 */
export function g1Flags(credentials: TCredentialFact[], profile: TProfileFacts, at: TDay, options: TG1Options = DEFAULT_G1_OPTIONS): TG1Flags {
  const valid = validOn(credentials, at);
  const degreeRank = { NONE: 0, ASSOCIATE: 1, BACHELOR: 2, MASTER: 3, DOCTORATE: 4 } as const;
  const titleRank = { NONE: 0, JUNIOR: 1, INTERMEDIATE: 2, DEPUTY_SENIOR: 3, SENIOR: 4 } as const;
  return {
    g1Msw: valid.some((c) => c.kind === "SOCIAL_WORK_DEGREE" && !!c.degreeLevel && degreeRank[c.degreeLevel] >= degreeRank.MASTER),
    g1DeputySenior:
      titleRank[profile.professionalTitle] >= titleRank.DEPUTY_SENIOR ||
      valid.some((c) => c.kind === "PROFESSIONAL_TITLE" && !!c.titleLevel && titleRank[c.titleLevel] >= titleRank.DEPUTY_SENIOR) ||
      (options.seniorCertificateIsG1b && valid.some((c) => c.kind === "SENIOR_SOCIAL_WORKER")),
    g1SocialWorker: valid.some((c) => c.kind === "SOCIAL_WORKER" || c.kind === "SENIOR_SOCIAL_WORKER"),
    g1ProvincialAward: profile.awardLevels.includes("PROVINCIAL_OR_ABOVE"),
    g1KeyPost: profile.keyPost && degreeRank[profile.degree] >= degreeRank.BACHELOR,
  };
}
