// How the portal writes dates: ONE format per language, for every page, table, chart, e-mail
// and notification (zh: 2026年3月5日, en: Mar 5, 2026; with a time: 2026年3月5日 14:05,
// Mar 5, 2026, 2:05 PM). Write dates only through these helpers, never with
// toLocaleDateString, an ISO string or other dateStyle options.

/** The options of a calendar day, for Intl.DateTimeFormat where no next-intl formatter is at hand. */
export const DAY_OPTIONS = { dateStyle: "medium" } as const;

/** The part of next-intl's formatter (getFormatter / useFormatter) that dates need. */
type TDateFormatter = {
  dateTime(value: Date, options: { dateStyle?: "medium"; timeStyle?: "short" | "medium"; year?: "numeric"; month?: "short"; timeZone?: string }): string;
};

const asDate = (d: Date | string) => (typeof d === "string" ? new Date(`${d}T00:00:00Z`) : d);

/**
 * Formats stored calendar days (midnight UTC, or YYYY-MM-DD) in the reader's language without
 * shifting them into another day; `none` stands for a missing date.
 */
export function dayFormatter(format: TDateFormatter, { none = "—" }: { none?: string } = {}) {
  return (d: Date | string | null | undefined): string => (d ? format.dateTime(asDate(d), { ...DAY_OPTIONS, timeZone: "UTC" }) : none);
}

/**
 * Formats an instant (a submission, a sign-in, an audit event) as its day, written as above, and
 * its time in the city's time zone (the formatter's); `seconds` for the audit log.
 */
export function momentFormatter(format: TDateFormatter, { seconds = false }: { seconds?: boolean } = {}) {
  return (d: Date): string => format.dateTime(d, { ...DAY_OPTIONS, timeStyle: seconds ? "medium" : "short" });
}

/** The day of an instant in the city's time zone (the formatter's), written like any other day. */
export function instantDayFormatter(format: TDateFormatter) {
  return (d: Date): string => format.dateTime(d, DAY_OPTIONS);
}

/** A month (YYYY-MM) as "Mar 2025" in the reader's language. */
export function monthFormatter(format: TDateFormatter) {
  return (month: string): string => format.dateTime(new Date(`${month}-01T00:00:00Z`), { year: "numeric", month: "short", timeZone: "UTC" });
}

/** A calendar day (YYYY-MM-DD) in `locale`, for text written outside React (notifications, e-mails). */
export function formatIsoDay(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { ...DAY_OPTIONS, timeZone: "UTC" }).format(asDate(iso));
}
