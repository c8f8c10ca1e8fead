import { addYears } from "@/domain/common/calendar-day";

// New civil servants' two-year qualification deadline (plan.md T2, 要求两年内取得职业资格证书) and the
// hiring priority for department posts (优先录用获得证书并有两年以上社会工作经验者), as pure rules.
// src/server/civil-servants computes the same in SQL for whole lists; tests/integration/civil-servants
// checks the two agree (docs/decisions/017-civil-servant-deadline.md).

export const DEADLINE_STATUSES = ["OVERDUE", "DUE", "PENDING", "DONE"] as const;
export type TDeadlineStatus = (typeof DEADLINE_STATUSES)[number];

const DAY = 86_400_000;

/** Whole days from `from` to `to` (calendar days at midnight UTC); negative when `to` is earlier. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY);
}

export type TDeadlineSettings = {
  /** PlanTarget.startDate: only people entering on or after it are "new". */
  planStart: Date;
  civilServantDeadlineYears: number;
  civilServantDeadlineIncludesPublicInstitutions: boolean;
  civilServantDueDays: number;
};

/** The employment types the rule applies to: civil servants, and public-institution staff when the city says so. */
export function subjectEmploymentTypes(includePublicInstitutions: boolean): ("CIVIL_SERVANT" | "PUBLIC_INSTITUTION")[] {
  return includePublicInstitutions ? ["CIVIL_SERVANT", "PUBLIC_INSTITUTION"] : ["CIVIL_SERVANT"];
}

/**
 * Whether a person falls under the rule: active, of a subject employment type, working in a P1
 * department (or an organisation one supervises), and entered on or after the plan's start.
 */
export function isSubject(p: { status: string; employmentType: string | null; inP1Department: boolean; entryDate: Date | null }, s: TDeadlineSettings): boolean {
  if (p.status !== "ACTIVE" || !p.inP1Department || !p.entryDate) return false;
  if (!(subjectEmploymentTypes(s.civilServantDeadlineIncludesPublicInstitutions) as string[]).includes(p.employmentType ?? "")) return false;
  return p.entryDate.getTime() >= s.planStart.getTime();
}

/** The last day to hold the certificate: the entry date that many years later (29 February → 1 March). */
export function deadlineOf(entryDate: Date, years: number): Date {
  return addYears(entryDate, years);
}

export type TDeadline = {
  deadline: Date;
  status: TDeadlineStatus;
  /** Days from today to the deadline: negative once it has passed. */
  daysLeft: number;
  /** DONE: the day the first verified certificate was issued. */
  certifiedOn: Date | null;
  /** DONE after the deadline had passed. */
  late: boolean;
};

/**
 * The person's standing: DONE once a verified qualification certificate is held (whenever it was
 * issued; late when issued after the deadline); otherwise OVERDUE after the deadline day, DUE
 * within `dueDays` of it (the deadline day included), PENDING before that.
 */
export function deadlineStatus(entryDate: Date, certifiedOn: Date | null, today: Date, s: Pick<TDeadlineSettings, "civilServantDeadlineYears" | "civilServantDueDays">): TDeadline {
  const deadline = deadlineOf(entryDate, s.civilServantDeadlineYears);
  const daysLeft = daysBetween(today, deadline);
  if (certifiedOn) return { deadline, status: "DONE", daysLeft, certifiedOn, late: certifiedOn.getTime() > deadline.getTime() };
  const status: TDeadlineStatus = daysLeft < 0 ? "OVERDUE" : daysLeft <= s.civilServantDueDays ? "DUE" : "PENDING";
  return { deadline, status, daysLeft, certifiedOn: null, late: false };
}

export type TDeadlineCounts = { due: number; overdue: number; done: number; doneLate: number; pending: number; total: number };

export const EMPTY_COUNTS: TDeadlineCounts = { due: 0, overdue: 0, done: 0, doneLate: 0, pending: 0, total: 0 };

// ─── Hiring priority (优先录用) ─────────────────────────────────────────────────────────────

/** Years of social-work experience the priority asks for, and the days that makes (two years of 365 days). */
export const PRIORITY_EXPERIENCE_YEARS = 2;
export const PRIORITY_EXPERIENCE_DAYS = PRIORITY_EXPERIENCE_YEARS * 365;

/**
 * Days of social-work experience up to (not including) today: the union of the given intervals
 * (employment at social-work agencies, holding social-work posts; `to` exclusive, null while open),
 * so overlapping spells count once and days still to come not at all.
 */
export function experienceDays(intervals: { from: Date; to: Date | null }[], today: Date): number {
  const spans = intervals
    .map((i) => ({ from: i.from.getTime(), to: Math.min((i.to ?? today).getTime(), today.getTime()) }))
    .filter((i) => i.to > i.from)
    .sort((a, b) => a.from - b.from);
  let total = 0;
  let cur: { from: number; to: number } | null = null;
  for (const s of spans) {
    if (cur && s.from <= cur.to) cur.to = Math.max(cur.to, s.to);
    else {
      if (cur) total += cur.to - cur.from;
      cur = { ...s };
    }
  }
  if (cur) total += cur.to - cur.from;
  return Math.round(total / DAY);
}

/** Listed first for a department post: a verified qualification certificate and at least two years' social-work experience. */
export function hasHiringPriority(p: { holdsCertificate: boolean; experienceDays: number }): boolean {
  return p.holdsCertificate && p.experienceDays >= PRIORITY_EXPERIENCE_DAYS;
}

/** Whole years of experience, for the explanation ("3 years of social-work experience"). */
export function experienceYears(days: number): number {
  return Math.floor(days / 365);
}
