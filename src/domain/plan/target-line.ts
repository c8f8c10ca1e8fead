// The plan's headline target (plan.md): start value (40) on the start date, plus the yearly
// target (50) per year, prorated by whole months. Pure functions over UTC dates.

export type TPlanTarget = { startDate: Date; startValue: number; yearlyTarget: number };

/** Whole months from the start month to `at`'s month (0 in the start month). */
export function monthsSinceStart(startDate: Date, at: Date): number {
  return (at.getUTCFullYear() - startDate.getUTCFullYear()) * 12 + (at.getUTCMonth() - startDate.getUTCMonth());
}

/** The target line's value in the month of `at`. */
export function targetAt(plan: TPlanTarget, at: Date): number {
  const m = Math.max(0, monthsSinceStart(plan.startDate, at));
  return plan.startValue + (plan.yearlyTarget * m) / 12;
}

/** Plan year n (1-based) that `at` falls in, and that year's end target: startValue + yearlyTarget·n. */
export function planYear(plan: TPlanTarget, at: Date): { year: number; endTarget: number; monthsLeft: number } {
  const m = Math.max(0, monthsSinceStart(plan.startDate, at));
  const year = Math.floor(m / 12) + 1;
  // Months left in this plan year, counting the current month as one still to work in.
  const monthsLeft = year * 12 - m;
  return { year, endTarget: plan.startValue + plan.yearlyTarget * year, monthsLeft };
}

/** How many more qualified people are needed per remaining month to reach this year's target. */
export function neededPerMonth(plan: TPlanTarget, actual: number, at: Date): number {
  const { endTarget, monthsLeft } = planYear(plan, at);
  const gap = endTarget - actual;
  if (gap <= 0) return 0;
  return gap / Math.max(1, monthsLeft);
}

/**
 * Linear forecast from the recent trend: least-squares slope over the last `window` monthly
 * values, projected `ahead` months past the last one. Returns the projected values.
 */
export function forecast(values: number[], ahead: number, window = 6): number[] {
  const recent = values.slice(-window);
  const n = recent.length;
  if (n === 0) return Array.from({ length: ahead }, () => 0);
  const last = recent[n - 1]!;
  if (n === 1) return Array.from({ length: ahead }, () => last);
  const xs = recent.map((_, i) => i);
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = recent.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - meanX) * (recent[i]! - meanY);
    den += (xs[i]! - meanX) ** 2;
  }
  const slope = den === 0 ? 0 : num / den;
  // Anchor on the last actual value so the forecast continues from where the city is.
  return Array.from({ length: ahead }, (_, k) => Math.max(0, last + slope * (k + 1)));
}
