// Professional supervision (plan.md T7 专业督导): who may supervise, how many, and what a session
// may record. Pure: facts and settings in, decisions and their reasons out. The pages say why
// someone is not eligible with these reasons, in the words of the rule (docs/decisions/014-supervision.md).
import { addYears, utcDay } from "@/domain/common/calendar-day";
import { LEVEL_RANK, type TQualificationLevel } from "@/domain/practitioners/qualification";

/** The certificate levels a supervisor's minimum may be set to (years of practice run from a certificate). */
export const SUPERVISOR_LEVELS = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"] as const;
export type TSupervisorLevel = (typeof SUPERVISOR_LEVELS)[number];

export type TSupervisionSettings = {
  /** At least this qualification level (the person's highest verified certificate) … */
  supervisorMinLevel: TSupervisorLevel;
  /** … and this many whole years of practice, or approved by the city. */
  supervisorMinYears: number;
  /** At most this many active supervisees per supervisor. */
  supervisorMaxSupervisees: number;
  /** A session not confirmed this many days after it was logged is reminded. */
  supervisionConfirmDays: number;
};

export const DEFAULT_SUPERVISION_SETTINGS: TSupervisionSettings = {
  supervisorMinLevel: "SOCIAL_WORKER",
  supervisorMinYears: 3,
  supervisorMaxSupervisees: 8,
  supervisionConfirmDays: 14,
};

/** Longest topic of a session, in characters. */
export const TOPIC_MAX = 200;
/** Longest reason of a dispute, in characters. */
export const DISPUTE_REASON_MAX = 500;

export type TSupervisorFacts = {
  status: "ACTIVE" | "LEFT" | "RETIRED";
  qualificationLevel: TQualificationLevel;
  /**
   * Start of practice: the issue date of the person's earliest VERIFIED qualification certificate
   * (助理社会工作师 or above), or null when they hold none.
   */
  practiceSince: Date | null;
  /** The city approved them as a supervisor (SupervisorApproval). */
  approved: boolean;
};

export type TIneligibleReason =
  | { code: "notActive"; status: "LEFT" | "RETIRED" }
  | { code: "levelBelow"; level: TQualificationLevel; minLevel: TSupervisorLevel }
  | { code: "noPractice"; minYears: number }
  | { code: "tooFewYears"; years: number; minYears: number; since: Date; eligibleFrom: Date };

export type TEligibility =
  | { eligible: true; basis: "approved" | "levelAndYears"; years: number | null; since: Date | null }
  | { eligible: false; reasons: TIneligibleReason[]; years: number | null; since: Date | null };

/** Whole years from `since` to `today` (an anniversary completes a year; 29 February's falls on 1 March). */
export function practiceYears(since: Date, today: Date): number {
  const s = utcDay(since);
  const t = utcDay(today);
  if (t.getTime() < s.getTime()) return 0;
  let years = t.getUTCFullYear() - s.getUTCFullYear();
  if (addYears(s, years).getTime() > t.getTime()) years--;
  return Math.max(0, years);
}

/**
 * May this person supervise? Active, and either approved by the city, or holding at least the
 * minimum level with at least the minimum whole years since their first verified certificate.
 * When not, every reason that stands in the way (so a page can say all of what would change it).
 */
export function supervisorEligibility(facts: TSupervisorFacts, settings: Pick<TSupervisionSettings, "supervisorMinLevel" | "supervisorMinYears">, today: Date): TEligibility {
  const since = facts.practiceSince ? utcDay(facts.practiceSince) : null;
  const years = since ? practiceYears(since, today) : null;
  if (facts.status !== "ACTIVE") return { eligible: false, reasons: [{ code: "notActive", status: facts.status }], years, since };
  if (facts.approved) return { eligible: true, basis: "approved", years, since };
  const reasons: TIneligibleReason[] = [];
  if (LEVEL_RANK[facts.qualificationLevel] < LEVEL_RANK[settings.supervisorMinLevel]) reasons.push({ code: "levelBelow", level: facts.qualificationLevel, minLevel: settings.supervisorMinLevel });
  if (!since || years === null) reasons.push({ code: "noPractice", minYears: settings.supervisorMinYears });
  else if (years < settings.supervisorMinYears) reasons.push({ code: "tooFewYears", years, minYears: settings.supervisorMinYears, since, eligibleFrom: addYears(since, settings.supervisorMinYears) });
  return reasons.length ? { eligible: false, reasons, years, since } : { eligible: true, basis: "levelAndYears", years, since };
}

/** Is a supervisor with `active` supervisees at the cap (no further pair may start)? */
export function atCap(active: number, settings: Pick<TSupervisionSettings, "supervisorMaxSupervisees">): boolean {
  return active >= settings.supervisorMaxSupervisees;
}

export type TPairPeriod = { startDate: Date; endDate: Date | null };

/** Is `day` inside the pair's period (its start to its last day, or to today while it is open)? */
export function inPairPeriod(day: Date, pair: TPairPeriod): boolean {
  const d = utcDay(day).getTime();
  return d >= utcDay(pair.startDate).getTime() && (pair.endDate === null || d <= utcDay(pair.endDate).getTime());
}

export type TSessionFieldCode = "dateInFuture" | "supervision.validation.sessionOutsidePair" | "supervision.validation.sessionTooLong";

/**
 * What is wrong with a session's date and length, by field: a day not in the future, inside the
 * pair's period; its hours, with the supervisor's other (not disputed) sessions that day with any
 * supervisee, at most the city's daily maximum of continuing-education hours.
 */
export function sessionProblems(
  session: { date: Date; halfHours: number },
  context: { pair: TPairPeriod; today: Date; maxHoursPerDay: number; halfHoursSameDay: number },
): Partial<Record<"date" | "hours", TSessionFieldCode>> {
  const problems: Partial<Record<"date" | "hours", TSessionFieldCode>> = {};
  if (utcDay(session.date).getTime() > utcDay(context.today).getTime()) problems.date = "dateInFuture";
  else if (!inPairPeriod(session.date, context.pair)) problems.date = "supervision.validation.sessionOutsidePair";
  if (session.halfHours + context.halfHoursSameDay > context.maxHoursPerDay * 2) problems.hours = "supervision.validation.sessionTooLong";
  return problems;
}

/** Is a pair's last day acceptable: not before its first day (a pair may end the day it started) and not in the future? */
export function endDateProblem(endDate: Date, pair: { startDate: Date }, today: Date): "dateInFuture" | "supervision.validation.endBeforeStart" | null {
  if (utcDay(endDate).getTime() > utcDay(today).getTime()) return "dateInFuture";
  if (utcDay(endDate).getTime() < utcDay(pair.startDate).getTime()) return "supervision.validation.endBeforeStart";
  return null;
}

/**
 * Share of frontline workers with an active supervisor: of the active practitioners on the
 * frontline-service track in scope, those who are the supervisee of at least one open pair.
 * Null while there are none to count.
 */
export function coverageShare(covered: number, frontline: number): number | null {
  return frontline > 0 ? covered / frontline : null;
}
