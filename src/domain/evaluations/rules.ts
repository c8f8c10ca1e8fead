// Pure rules of third-party evaluation (plan.md T7, issue 14): a scorer's weighted total, the panel's
// result (mean and spread), the grade band, the 1A–5A rating from a score, and working days by the
// city's calendar. Scores are integers 0–100 and weights integer percents adding up to 100, so a
// weighted total Σ score × weight is exactly the total in hundredths: no floating point.

import prand from "pure-rand";

export type TGrade = "EXCELLENT" | "GOOD" | "PASS" | "FAIL";
export type TRatingLevel = "A1" | "A2" | "A3" | "A4" | "A5";

export type TGradeBands = { gradeExcellentMin: number; gradeGoodMin: number; gradePassMin: number };
export type TRatingTable = { rating5AMin: number; rating4AMin: number; rating3AMin: number; rating2AMin: number };

export const DEFAULT_GRADE_BANDS: TGradeBands = { gradeExcellentMin: 90, gradeGoodMin: 80, gradePassMin: 60 };
export const DEFAULT_RATING_TABLE: TRatingTable = { rating5AMin: 90, rating4AMin: 80, rating3AMin: 70, rating2AMin: 60 };

export const isValidEvaluationScore = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 100;

/**
 * One scorer's weighted total in hundredths (0–10000): Σ score × weight over the rubric's criteria.
 * Null when a criterion is missing or a score is not an integer 0–100.
 */
export function sheetHundredths(criteria: readonly { id: string; weight: number }[], scores: ReadonlyMap<string, number>): number | null {
  if (criteria.length === 0) return null;
  let total = 0;
  for (const c of criteria) {
    const s = scores.get(c.id);
    if (!isValidEvaluationScore(s)) return null;
    total += s * c.weight;
  }
  return total;
}

/** The panel's result: the mean of the scorers' totals (hundredths, rounded half up) and their spread (max − min). */
export function panelResult(totals: readonly number[]): { meanHundredths: number; spreadHundredths: number } | null {
  if (totals.length === 0) return null;
  const sum = totals.reduce((a, b) => a + b, 0);
  const meanHundredths = Math.floor((2 * sum + totals.length) / (2 * totals.length));
  return { meanHundredths, spreadHundredths: Math.max(...totals) - Math.min(...totals) };
}

/** 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 below (the city's bands; compared in hundredths). */
export function gradeOf(scoreHundredths: number, bands: TGradeBands = DEFAULT_GRADE_BANDS): TGrade {
  if (scoreHundredths >= bands.gradeExcellentMin * 100) return "EXCELLENT";
  if (scoreHundredths >= bands.gradeGoodMin * 100) return "GOOD";
  if (scoreHundredths >= bands.gradePassMin * 100) return "PASS";
  return "FAIL";
}

/** An agency grading's rating: ≥ 90 5A, ≥ 80 4A, ≥ 70 3A, ≥ 60 2A, below 1A (the city's table). */
export function ratingOf(scoreHundredths: number, table: TRatingTable = DEFAULT_RATING_TABLE): TRatingLevel {
  if (scoreHundredths >= table.rating5AMin * 100) return "A5";
  if (scoreHundredths >= table.rating4AMin * 100) return "A4";
  if (scoreHundredths >= table.rating3AMin * 100) return "A3";
  if (scoreHundredths >= table.rating2AMin * 100) return "A2";
  return "A1";
}

/** The city's calendar: YYYY-MM-DD → a public holiday or a make-up working day (调休). */
export type TCalendar = ReadonlyMap<string, "HOLIDAY" | "WORKDAY">;

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A working day: Monday–Friday unless a holiday, or a weekend day the calendar makes a working day. Days are midnight UTC. */
export function isWorkingDay(day: Date, calendar: TCalendar): boolean {
  const kind = calendar.get(iso(day));
  if (kind) return kind === "WORKDAY";
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `n`th working day after `from` (not counting `from` itself): the last day of an n-working-day window. */
export function addWorkingDays(from: Date, n: number, calendar: TCalendar): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError("addWorkingDays: n must be a whole number ≥ 0");
  let day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let left = n;
  while (left > 0) {
    day = new Date(day.getTime() + DAY);
    if (isWorkingDay(day, calendar)) left--;
  }
  return day;
}

/** How many of a period's `population` items a spot check draws: at least `percent` % (rounded up). */
export function spotCheckSize(population: number, percent: number): number {
  return Math.min(population, Math.ceil((population * percent) / 100));
}

/** FNV-1a over the seed's UTF-16 code units: the stored seed text → the generator's 32-bit seed. */
function seed32(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h | 0;
}

/**
 * A spot check's sample: `size` of the population's ids, drawn by a partial Fisher–Yates shuffle
 * driven by xoroshiro128+ (pure-rand) seeded from the stored seed text. The population is sorted
 * first, so the same seed and the same population give the same sample, in the same order, on any
 * machine: the draw is reproducible and can be audited from the seed alone.
 */
export function drawSample(population: readonly string[], size: number, seed: string): string[] {
  const ids = [...population].sort();
  const n = Math.min(Math.max(0, Math.trunc(size)), ids.length);
  const rng = prand.xoroshiro128plus(seed32(seed));
  for (let i = 0; i < n; i++) {
    const j = prand.unsafeUniformIntDistribution(i, ids.length - 1, rng);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, n);
}
