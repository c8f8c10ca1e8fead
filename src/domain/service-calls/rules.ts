// Pure rules of calls: references, the deadline in the city's time, what a status allows.

const CITY_OFFSET_MS = 8 * 3_600_000;

/** "FW-2027-0003": the year and a four-digit sequence. */
export function formatCallReference(year: number, n: number): string {
  return `FW-${year}-${String(n).padStart(4, "0")}`;
}

/** "YYYY-MM-DDTHH:mm" in the city (UTC+8, no DST) → the instant; null when it is not a real time. */
export function parseCityDateTime(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.normalize("NFKC"));
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (local.getUTCFullYear() !== y || local.getUTCMonth() !== mo - 1 || local.getUTCDate() !== d || h > 23 || mi > 59 || y < 2000 || y > 2200) return null;
  return new Date(local.getTime() - CITY_OFFSET_MS);
}

/** The instant as the city's "YYYY-MM-DDTHH:mm" (for a datetime-local field). */
export function cityDateTimeInput(d: Date): string {
  return new Date(d.getTime() + CITY_OFFSET_MS).toISOString().slice(0, 16);
}

/** Proposals are accepted while the call is open and its deadline has not passed. */
export function acceptsProposals(call: { status: string; deadline: Date }, now: Date): boolean {
  return call.status === "OPEN" && now.getTime() < call.deadline.getTime();
}

/** Criteria weights add up to 100. */
export function weightsComplete(criteria: readonly { weight: number }[]): boolean {
  return criteria.length > 0 && criteria.reduce((n, c) => n + c.weight, 0) === 100;
}
