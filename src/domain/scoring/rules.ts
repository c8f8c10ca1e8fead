// Pure rules of a call's scoring, selection and contract (issue 13): the weighted total of a
// proposal, the ranking, and the checks a contract's milestones must pass. No I/O.

// ─── Weighted totals ────────────────────────────────────────────────────────────────────────

export type TCriterionWeight = { id: string; weight: number; maxScore: number };
/** One scorer's scores of one proposal: criterion id → integer score. */
export type TScoreSheet = ReadonlyMap<string, number>;

/** An exact non-negative fraction (scores are small integers: no floating point in the ranking). */
export type TFraction = { num: bigint; den: bigint };

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
function reduce(f: TFraction): TFraction {
  const g = gcd(f.num, f.den) || 1n;
  return { num: f.num / g, den: f.den / g };
}
function add(a: TFraction, b: TFraction): TFraction {
  return reduce({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
}

/** A sheet is complete when it scores every criterion. */
export function isCompleteSheet(criteria: readonly TCriterionWeight[], sheet: TScoreSheet): boolean {
  return criteria.every((c) => sheet.has(c.id));
}

/**
 * One scorer's weighted score of a proposal, out of 100: Σ score/maxScore × weight (weights add up
 * to 100). Null when the sheet is incomplete.
 */
export function sheetTotal(criteria: readonly TCriterionWeight[], sheet: TScoreSheet): TFraction | null {
  if (criteria.length === 0 || !isCompleteSheet(criteria, sheet)) return null;
  let total: TFraction = { num: 0n, den: 1n };
  for (const c of criteria) total = add(total, { num: BigInt(sheet.get(c.id)!) * BigInt(c.weight), den: BigInt(Math.max(1, c.maxScore)) });
  return total;
}

/** A proposal's weighted total: the mean of its complete sheets' totals (null when none is complete). */
export function proposalTotal(criteria: readonly TCriterionWeight[], sheets: readonly TScoreSheet[]): { total: TFraction | null; sheets: number } {
  const totals = sheets.map((s) => sheetTotal(criteria, s)).filter((t): t is TFraction => t !== null);
  if (totals.length === 0) return { total: null, sheets: 0 };
  const sum = totals.reduce(add, { num: 0n, den: 1n });
  return { total: reduce({ num: sum.num, den: sum.den * BigInt(totals.length) }), sheets: totals.length };
}

/** A fraction in hundredths, rounded half up: 12.345 → 1235 (shown as 12.35). */
export function toHundredths(f: TFraction): number {
  return Number((f.num * 200n + f.den) / (2n * f.den));
}

/** "87.50" from hundredths. */
export function formatPoints(hundredths: number): string {
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}

export function compareFractions(a: TFraction | null, b: TFraction | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l === r ? 0 : l > r ? -1 : 1;
}

export type TRanked<T> = T & { rank: number | null };

/**
 * Ranks proposals by their weighted total, highest first; equal totals share a rank (1, 2, 2, 4);
 * a proposal nobody has scored completely is listed last without a rank.
 */
export function rankProposals<T extends { total: TFraction | null }>(items: readonly T[]): TRanked<T>[] {
  const sorted = [...items].sort((a, b) => compareFractions(a.total, b.total));
  const ranked: TRanked<T>[] = [];
  sorted.forEach((item, i) => {
    if (item.total === null) return void ranked.push({ ...item, rank: null });
    const previous = ranked[i - 1];
    const tie = previous && previous.total !== null && compareFractions(previous.total, item.total) === 0;
    ranked.push({ ...item, rank: tie ? previous.rank : i + 1 });
  });
  return ranked;
}

// ─── Scores ────────────────────────────────────────────────────────────────────────────────

/** A score is an integer from 0 to the criterion's maximum. */
export function isValidScore(score: number, maxScore: number): boolean {
  return Number.isInteger(score) && score >= 0 && score <= maxScore;
}

// ─── Contract ──────────────────────────────────────────────────────────────────────────────

export type TMilestoneInput = { dueDate: Date; amountFen: bigint };

/** The problems of a contract's money and dates, as field → code (empty when it may be written). */
export function contractProblems(input: { valueFen: bigint; budgetFen?: bigint; termStart: Date; termEnd: Date; milestones: readonly TMilestoneInput[] }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (input.valueFen <= 0n) problems.value = "scoring.validation.valuePositive";
  else if (input.budgetFen !== undefined && input.valueFen > input.budgetFen) problems.value = "scoring.validation.valueAboveBudget";
  if (input.termEnd.getTime() < input.termStart.getTime()) problems.termEnd = "scoring.validation.termOrder";
  if (input.milestones.length === 0) problems.milestones = "scoring.validation.milestonesRequired";
  else if (input.milestones.reduce((s, m) => s + m.amountFen, 0n) !== input.valueFen) problems.milestones = "scoring.validation.milestonesSum";
  input.milestones.forEach((m, i) => {
    if (m.dueDate.getTime() < input.termStart.getTime() || m.dueDate.getTime() > input.termEnd.getTime()) problems[`milestones.${i}.dueDate`] = "scoring.validation.dueOutsideTerm";
  });
  return problems;
}

// ─── Reference ─────────────────────────────────────────────────────────────────────────────

const CONTRACT_REFERENCE = /^HT-(\d{4})-(\d{4,9})$/;

/** HT-<year>-<sequence>, the sequence at least four digits: HT-2027-0001. */
export function formatContractReference(year: number, sequence: number): string {
  return `HT-${year}-${String(sequence).padStart(4, "0")}`;
}

/** The sequence of `reference` when it belongs to `year`, else 0. */
export function contractReferenceSequence(reference: string, year: number): number {
  const m = CONTRACT_REFERENCE.exec(reference);
  return m && Number(m[1]) === year ? Number(m[2]) : 0;
}
