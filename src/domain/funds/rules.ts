// A budget line's money (plan.md S2, S3): the amount the fund gives the line, money promised
// (commitments not yet released) and money paid. Nothing may be promised beyond what is left.

export type TLineTotals = {
  amountFen: bigint;
  /** Sum of COMMITMENT entries. */
  committedFen: bigint;
  /** Sum of RELEASE entries (commitments given back or turned into spending). */
  releasedFen: bigint;
  /** Sum of SPENDING entries. */
  spentFen: bigint;
};

/** Promised and not yet paid or given back. */
export function outstandingFen(t: TLineTotals): bigint {
  return t.committedFen - t.releasedFen;
}

/** What the line can still promise: amount − outstanding commitments − spending. */
export function availableFen(t: TLineTotals): bigint {
  return t.amountFen - outstandingFen(t) - t.spentFen;
}

/** May `amountFen` be promised from the line? Only a positive amount within what is left. */
export function canCommit(t: TLineTotals, amountFen: bigint): boolean {
  return amountFen > 0n && availableFen(t) >= amountFen;
}

/** The smallest amount a line may be given: what it has already promised and paid. */
export function minimumLineAmount(t: TLineTotals): bigint {
  return outstandingFen(t) + t.spentFen;
}

/** Share of the line used (promised or paid), 0–100, for a progress bar. */
export function usedPercent(t: TLineTotals): number {
  if (t.amountFen <= 0n) return 0;
  return Math.min(100, Number(((outstandingFen(t) + t.spentFen) * 1000n) / t.amountFen) / 10);
}
