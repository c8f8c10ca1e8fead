import { addYears } from "@/domain/common/calendar-day";

// When an evaluation's appeal window is open, and what its final result sets: a rating's validity.

const DAY = 86_400_000;

/** The window is open through its last day (inclusive): `today` and `deadline` are calendar days (midnight UTC). */
export function isWindowOpen(deadline: Date | null, today: Date): boolean {
  return deadline !== null && today.getTime() <= deadline.getTime();
}

/** A rating given on `ratedOn` holds `years` years: its last day is the day before the same date `years` later. */
export function ratingValidUntil(ratedOn: Date, years: number): Date {
  return new Date(addYears(ratedOn, years).getTime() - DAY);
}

/** Hundredths as a score with two decimals ("87.25"), for forms and messages. */
export function formatHundredths(hundredths: number): string {
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}
