// Registration (登记) of a qualification certificate and the continuing-education (继续教育)
// ledger behind its renewal. Pure: dates in, statuses and sums out. The certificate itself is
// permanent (src/domain/practitioners/qualification.ts); nothing here decides whether a person
// counts toward the plan.
//
// Sources: the 2009 continuing-education rules for social workers (社会工作者继续教育办法):
// a registration runs three years; in each period 助理社会工作师 need at least 72 hours and
// 社会工作师 / 高级社会工作师 at least 90; a social-work degree completed in the period counts 90
// hours at once. Every figure is a city setting (PlanTarget) with these defaults.
import { isoDay, utcDay } from "@/domain/common/calendar-day";

const DAY = 86_400_000;

export type TQualificationSettings = {
  registrationYears: number;
  registrationDueDays: number;
  cpdHoursAssistant: number;
  cpdHoursSocialWorker: number;
  cpdDegreeHours: number;
  cpdMaxHoursPerDay: number;
  seniorCertificateIsG1b: boolean;
};

export const DEFAULT_QUALIFICATION_SETTINGS: TQualificationSettings = {
  registrationYears: 3,
  registrationDueDays: 90,
  cpdHoursAssistant: 72,
  cpdHoursSocialWorker: 90,
  cpdDegreeHours: 90,
  cpdMaxHoursPerDay: 8,
  seniorCertificateIsG1b: true,
};

/** Reminders go out this many days before a registration period ends (largest first). */
export const REMINDER_DAYS = [90, 30, 7] as const;
export type TReminderDays = (typeof REMINDER_DAYS)[number];

export type TCertificateKind = "ASSISTANT_SOCIAL_WORKER" | "SOCIAL_WORKER" | "SENIOR_SOCIAL_WORKER";
export const CERTIFICATE_LEVELS: readonly TCertificateKind[] = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"];

export type TRegistrationStatus = "current" | "due" | "lapsed";
export const REGISTRATION_STATUSES: readonly TRegistrationStatus[] = ["current", "due", "lapsed"];

export type TPeriodDays = { start: Date; end: Date };

/** Whole days from `today` to `end` (0 on the last day, negative once it has passed). */
export function daysLeft(end: Date, today: Date): number {
  return Math.round((utcDay(end).getTime() - utcDay(today).getTime()) / DAY);
}

/** current, due (ends within `dueDays`, inclusive) or lapsed (its last day has passed). */
export function registrationStatus(end: Date, today: Date, dueDays: number): TRegistrationStatus {
  const left = daysLeft(end, today);
  if (left < 0) return "lapsed";
  return left <= dueDays ? "due" : "current";
}

function addYears(d: Date, years: number): Date {
  const x = utcDay(d);
  const y = new Date(Date.UTC(x.getUTCFullYear() + years, x.getUTCMonth(), x.getUTCDate()));
  // 29 February plus a non-leap number of years: JavaScript rolls over to 1 March, which is right.
  return y;
}

/** A period that starts on `start` and runs `years` years (its last day is the day before the anniversary). */
export function periodFrom(start: Date, years: number): TPeriodDays {
  const s = utcDay(start);
  return { start: s, end: new Date(addYears(s, years).getTime() - DAY) };
}

/** The period after one ending on `end`: it starts the next day. */
export function nextPeriod(end: Date, years: number): TPeriodDays {
  return periodFrom(new Date(utcDay(end).getTime() + DAY), years);
}

/** The hours (not half hours) a period needs for a certificate of `level`. */
export function requiredHours(level: TCertificateKind, settings: TQualificationSettings): number {
  return level === "ASSISTANT_SOCIAL_WORKER" ? settings.cpdHoursAssistant : settings.cpdHoursSocialWorker;
}

export type TLedgerLine = { endDate: Date; halfHours: number; status: "SUBMITTED" | "VERIFIED" | "REJECTED" };

export type TCpdProgress = {
  /** Verified hours whose activity ended inside the period, plus a degree's hours. */
  countedHours: number;
  /** Hours submitted in the period and still waiting for verification. */
  pendingHours: number;
  requiredHours: number;
  remainingHours: number;
  met: boolean;
  /** A social-work degree completed in the period counts `cpdDegreeHours` at once. */
  degreeInPeriod: boolean;
};

const inPeriod = (d: Date, p: TPeriodDays) => utcDay(d).getTime() >= p.start.getTime() && utcDay(d).getTime() <= p.end.getTime();

/**
 * The period's continuing-education progress. An entry counts toward the period that contains
 * the day its activity ended; a verified social-work degree issued in the period counts
 * `cpdDegreeHours`.
 */
export function cpdProgress(
  lines: readonly TLedgerLine[],
  degreesIssued: readonly Date[],
  period: TPeriodDays,
  level: TCertificateKind,
  settings: TQualificationSettings,
): TCpdProgress {
  let verifiedHalf = 0;
  let pendingHalf = 0;
  for (const l of lines) {
    if (!inPeriod(l.endDate, period)) continue;
    if (l.status === "VERIFIED") verifiedHalf += l.halfHours;
    else if (l.status === "SUBMITTED") pendingHalf += l.halfHours;
  }
  const degreeInPeriod = degreesIssued.some((d) => inPeriod(d, period));
  const countedHours = verifiedHalf / 2 + (degreeInPeriod ? settings.cpdDegreeHours : 0);
  const required = requiredHours(level, settings);
  return {
    countedHours,
    pendingHours: pendingHalf / 2,
    requiredHours: required,
    remainingHours: Math.max(0, required - countedHours),
    met: countedHours >= required,
    degreeInPeriod,
  };
}

/** Why a renewal cannot be requested now, or null when it can. */
export type TRenewalBlocker = "renewalHoursNotMet" | "renewalAlreadyRequested" | "renewalNotVerified";

export function renewalBlocker(input: { certificateVerified: boolean; progress: TCpdProgress; openRequest: boolean }): TRenewalBlocker | null {
  if (!input.certificateVerified) return "renewalNotVerified";
  if (input.openRequest) return "renewalAlreadyRequested";
  if (!input.progress.met) return "renewalHoursNotMet";
  return null;
}

/** Days an activity spans, both ends included. */
export function activityDays(start: Date, end: Date): number {
  return Math.round((utcDay(end).getTime() - utcDay(start).getTime()) / DAY) + 1;
}

/** The most hours an activity from `start` to `end` can give. */
export function maxHoursFor(start: Date, end: Date, settings: Pick<TQualificationSettings, "cpdMaxHoursPerDay">): number {
  return activityDays(start, end) * settings.cpdMaxHoursPerDay;
}

/** The reminder due on `today` for a period ending on `end`: the smallest threshold it is within, or null. */
export function reminderDue(end: Date, today: Date): TReminderDays | null {
  const left = daysLeft(end, today);
  if (left < 0) return null;
  let due: TReminderDays | null = null;
  for (const d of REMINDER_DAYS) if (left <= d) due = d;
  return due;
}

/** "2027-05-01"-style period label pieces for messages. */
export function periodLabel(p: TPeriodDays): { start: string; end: string } {
  return { start: isoDay(p.start), end: isoDay(p.end) };
}
