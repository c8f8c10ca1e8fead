import type { TShortfallReason } from "./enums";

// A contract's staffing, as the call set it: at least `minQualifiedStaff` named people who count
// (active, employed by the agency, holding a verified certificate, registration current) and at
// least `minQualifiedPercent` of the named people counting. Pure: the server derives the facts live.

export type TStaffingRule = { minQualifiedStaff: number; minQualifiedPercent: number };

/** Whether `counting` of `named` people meet the rule. */
export function meetsStaffing(rule: TStaffingRule, named: number, counting: number): boolean {
  return counting >= rule.minQualifiedStaff && counting * 100 >= rule.minQualifiedPercent * named;
}

export type TNotCounting = { since: Date; reason: TShortfallReason };

/**
 * Since when a contract falls short: the earliest day on which, of the people who do not count
 * today, those who had stopped counting by then were already enough to break the rule. Null when
 * the staffing is met today.
 */
export function shortfallSince(rule: TStaffingRule, named: number, counting: number, notCounting: readonly TNotCounting[]): Date | null {
  if (meetsStaffing(rule, named, counting)) return null;
  const days = [...new Set(notCounting.map((p) => p.since.getTime()))].sort((a, b) => a - b);
  for (const day of days) {
    const stoppedLater = notCounting.filter((p) => p.since.getTime() > day).length;
    if (!meetsStaffing(rule, named, counting + stoppedLater)) return new Date(day);
  }
  return days.length ? new Date(days.at(-1)!) : null;
}
