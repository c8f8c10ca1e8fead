/** Today as a UTC calendar day in the city's time zone (Asia/Shanghai, UTC+8, no DST). */
export function todayInCity(now = new Date()): Date {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}
