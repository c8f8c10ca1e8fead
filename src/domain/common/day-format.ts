/** A calendar day (YYYY-MM-DD) as an instant inside that day in Asia/Shanghai, for date formatters. */
export function dayInstant(iso: string): Date {
  return new Date(`${iso}T12:00:00+08:00`);
}

export const DAY_FORMAT = { year: "numeric", month: "long", day: "numeric" } as const;
export const DAY_FORMAT_SHORT = { year: "numeric", month: "2-digit", day: "2-digit" } as const;

/** The part of next-intl's formatter (getFormatter / useFormatter) that dates need. */
type TDateFormatter = { dateTime(value: Date, options: { dateStyle?: "medium" | "long"; year?: "numeric"; month?: "short"; timeZone: string }): string };

/**
 * Formats stored calendar days (midnight UTC, or YYYY-MM-DD) in the reader's language without
 * shifting them into another day; `none` stands for a missing date.
 */
export function dayFormatter(format: TDateFormatter, { style = "medium", none = "—" }: { style?: "medium" | "long"; none?: string } = {}) {
  return (d: Date | string | null | undefined): string =>
    d ? format.dateTime(typeof d === "string" ? new Date(`${d}T00:00:00Z`) : d, { dateStyle: style, timeZone: "UTC" }) : none;
}

/** A month (YYYY-MM) as "Mar 2025" in the reader's language. */
export function monthFormatter(format: TDateFormatter) {
  return (month: string): string => format.dateTime(new Date(`${month}-01T00:00:00Z`), { year: "numeric", month: "short", timeZone: "UTC" });
}
