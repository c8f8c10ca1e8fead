// Shares of money for the purchased-services dashboard, computed on integer fen.

/** `part` as a percentage of `whole` with one decimal (e.g. 62.5), or null when `whole` is 0. Exact integer arithmetic, rounded half up. */
export function sharePercent(part: bigint, whole: bigint): number | null {
  if (whole <= 0n) return null;
  const tenths = (part * 1000n * 2n + whole) / (whole * 2n);
  return Number(tenths) / 10;
}

/** Fen as whole yuan (rounded down). */
export function wholeYuan(fen: bigint): number {
  return Number(fen / 100n);
}

/** Fen as ten-thousands of yuan (万元), rounded half up, for a chart's bars; the exact figures are in its table. */
export function tenThousandYuan(fen: bigint): number {
  return Number((fen + 500_000n) / 1_000_000n);
}

/** The first `max` rows, and the rest summed into one (null when nothing is left over): a chart stays readable. */
export function topWithRest<R extends { contracts: number; promisedFen: bigint; paidFen: bigint }>(rows: R[], max: number): { top: R[]; rest: { contracts: number; promisedFen: bigint; paidFen: bigint; count: number } | null } {
  if (rows.length <= max) return { top: rows, rest: null };
  const left = rows.slice(max - 1);
  return {
    top: rows.slice(0, max - 1),
    rest: { count: left.length, contracts: left.reduce((a, r) => a + r.contracts, 0), promisedFen: left.reduce((a, r) => a + r.promisedFen, 0n), paidFen: left.reduce((a, r) => a + r.paidFen, 0n) },
  };
}
