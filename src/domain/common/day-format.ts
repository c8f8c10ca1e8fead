/** A calendar day (YYYY-MM-DD) as an instant inside that day in Asia/Shanghai, for date formatters. */
export function dayInstant(iso: string): Date {
  return new Date(`${iso}T12:00:00+08:00`);
}

export const DAY_FORMAT = { year: "numeric", month: "long", day: "numeric" } as const;
export const DAY_FORMAT_SHORT = { year: "numeric", month: "2-digit", day: "2-digit" } as const;
