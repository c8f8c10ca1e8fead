import "server-only";
import { prisma } from "@/server/db";
import { addWorkingDays, type TCalendar } from "@/domain/evaluations/rules";

/** The city's calendar (WorkCalendarDay) between two days, inclusive, as the rules read it. */
export async function loadCalendar(from: Date, to: Date): Promise<TCalendar> {
  const rows = await prisma.workCalendarDay.findMany({ where: { day: { gte: from, lte: to } }, select: { day: true, kind: true } });
  return new Map(rows.map((r) => [r.day.toISOString().slice(0, 10), r.kind]));
}

/**
 * The last day of an n-working-day window starting after `from` (a midnight-UTC day), by the city's
 * calendar. Reads enough of the calendar to cover n working days even across the longest holidays.
 */
export async function workingDaysAfter(from: Date, n: number): Promise<Date> {
  const horizon = new Date(from.getTime() + (n * 2 + 30) * 86_400_000);
  return addWorkingDays(from, n, await loadCalendar(from, horizon));
}
