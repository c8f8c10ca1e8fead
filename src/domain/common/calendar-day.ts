import { z } from "zod";

// Calendar days (birth dates, entry dates, "valid until"…) are stored as @db.Date and travel as
// a Date at midnight UTC, or as the string YYYY-MM-DD in forms and URLs. "Today" is the city's
// day (Asia/Shanghai, UTC+8, no DST), never the server's: a server in UTC would otherwise still
// be on yesterday for the first eight hours of the city's morning.

const CITY_OFFSET_MS = 8 * 3_600_000;

/** The calendar day an instant falls on in UTC, as midnight UTC (what @db.Date stores). */
export function utcDay(d: Date | string): Date {
  const x = typeof d === "string" ? new Date(d) : d;
  return new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate()));
}

/** Today as a UTC calendar day in the city's time zone. */
export function todayInCity(now = new Date()): Date {
  return utcDay(new Date(now.getTime() + CITY_OFFSET_MS));
}

/** A calendar day (midnight UTC) as YYYY-MM-DD; null stays null. */
export function isoDay(d: Date): string;
export function isoDay(d: Date | null | undefined): string | null;
export function isoDay(d: Date | null | undefined): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

/** Today in the city as YYYY-MM-DD (form defaults, `max` of date inputs, file names). */
export function todayInCityIso(now = new Date()): string {
  return isoDay(todayInCity(now));
}

/** YYYY-MM-DD that is a real calendar day between 1900 and 2200 → Date at midnight UTC; otherwise null. */
export function parseIsoDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900 || y > 2200) return null;
  return date;
}

/** A form's calendar day: YYYY-MM-DD that is a real day → Date at midnight UTC. The message is a "validation" key. */
export const ZDay = z
  .string()
  .trim()
  .max(10, "date")
  .refine((v) => parseIsoDay(v) !== null, "date")
  .transform((v) => parseIsoDay(v)!);

/** Whether a calendar day has come: today in the city at the latest. */
export function isNotInFuture(day: Date, today = todayInCity()): boolean {
  return day.getTime() <= today.getTime();
}

/**
 * A form's day on which something has already happened (an entry, a hire, a status change, an
 * issue, a founding…): not after today in the city. Messages: "date", "dateInFuture".
 */
export const ZPastDay = ZDay.refine((d) => isNotInFuture(d), "dateInFuture");

/** The same calendar day `years` later (earlier when negative); 29 February becomes 1 March in a common year. */
export function addYears(day: Date, years: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear() + years, day.getUTCMonth(), day.getUTCDate()));
}
