import { z } from "zod";
import { ZDay } from "@/domain/common/calendar-day";

// The calendar page's forms: a day added or changed (public holiday or make-up working day, with
// its name), a day removed. The calendar holds days of years FIRST_YEAR–LAST_YEAR.

export const CALENDAR_KINDS = ["HOLIDAY", "WORKDAY"] as const;
export type TCalendarKind = (typeof CALENDAR_KINDS)[number];

export const FIRST_CALENDAR_YEAR = 2020;
export const LAST_CALENDAR_YEAR = 2100;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const ZRequiredDay = z.preprocess(blank, ZDay.optional()).refine((v) => v !== undefined, "required").transform((v) => v!);

/** Saturday or Sunday (a day at midnight UTC). */
export const isWeekend = (day: Date) => day.getUTCDay() === 0 || day.getUTCDay() === 6;

export const ZCalendarDay = z
  .object({
    day: ZRequiredDay.refine((d) => d.getUTCFullYear() >= FIRST_CALENDAR_YEAR && d.getUTCFullYear() <= LAST_CALENDAR_YEAR, "workCalendar.validation.dayOutOfRange"),
    kind: z.enum(CALENDAR_KINDS, { message: "required" }),
    name: z.string().trim().min(1, "workCalendar.validation.nameRequired").max(40, "tooLong"),
  })
  // A make-up working day is a weekend day worked; a weekday is a working day already.
  .refine((v) => v.kind !== "WORKDAY" || isWeekend(v.day), { path: ["day"], message: "workCalendar.validation.workdayOnWeekend" });
export type TCalendarDay = z.infer<typeof ZCalendarDay>;

export const ZRemoveCalendarDay = z.object({ day: ZRequiredDay });
export type TRemoveCalendarDay = z.infer<typeof ZRemoveCalendarDay>;

/** The year a page shows: ?year=2027, within the calendar's years; otherwise `fallback`. */
export function calendarYearOf(value: string | string[] | undefined, fallback: number): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= FIRST_CALENDAR_YEAR && n <= LAST_CALENDAR_YEAR ? n : fallback;
}
