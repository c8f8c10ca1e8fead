// Shares of money for the purchased-services dashboard, computed on integer fen.

/** `part` as a percentage of `whole` with one decimal (e.g. 62.5), or null when `whole` is 0. Exact integer arithmetic, rounded half up. */
export function sharePercent(part: bigint, whole: bigint): number | null {
  if (whole <= 0n) return null;
  const tenths = (part * 1000n * 2n + whole) / (whole * 2n);
  return Number(tenths) / 10;
}

/** Fen as whole yuan (rounded down) for a chart's bar length; the figures shown are formatted from fen. */
export function wholeYuan(fen: bigint): number {
  return Number(fen / 100n);
}
