import { addYears } from "@/domain/common/calendar-day";

// Rotation coverage (plan.md T2): someone on a department's rotation list is covered when they
// completed a rotation programme (kind ROTATION) that ended within the last N years (the plan's
// setting rotationCoverageYears, default 3), counted in calendar days: a programme ending on the
// same day N years ago still counts, one ending the day before does not.

/** The first day a rotation programme may have ended on to count as covering someone today. */
export function coverageSince(today: Date, years: number): Date {
  return addYears(today, -years);
}

/** Covered: their last completed rotation programme ended on or after the window's first day. */
export function isCovered(lastRotation: Date | null, today: Date, years: number): boolean {
  return lastRotation !== null && lastRotation.getTime() >= coverageSince(today, years).getTime();
}

/** The covered share of those listed; null when nobody is listed (no share to speak of). */
export function rotationShare(covered: number, listed: number): number | null {
  return listed > 0 ? covered / listed : null;
}
