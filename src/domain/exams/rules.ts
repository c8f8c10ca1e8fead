// The qualification exam (社会工作者职业水平考试, plan.md G2): which levels are sat, since when,
// from what age, and how a sitting's cells read in any of the portal's languages. Pure.
import type { TExamsFieldErrorCode } from "./errors";

/** The levels one sits an exam for (the register's levels above "none" and "degree"). */
export const EXAM_LEVELS = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"] as const;
export type TExamLevel = (typeof EXAM_LEVELS)[number];

export const EXAM_RESULTS = ["PASSED", "FAILED"] as const;
export type TExamResult = (typeof EXAM_RESULTS)[number];

export const EXAM_SOURCES = ["SELF", "OFFICIAL"] as const;
export type TExamSource = (typeof EXAM_SOURCES)[number];

/** The national exam was first held in 2008. */
export const EXAM_FIRST_YEAR = 2008;
/** Nobody sits it before the working age of 16. */
export const EXAM_MIN_AGE = 16;

export const isExamLevel = (v: unknown): v is TExamLevel => typeof v === "string" && (EXAM_LEVELS as readonly string[]).includes(v);
export const isExamResult = (v: unknown): v is TExamResult => typeof v === "string" && (EXAM_RESULTS as readonly string[]).includes(v);

/**
 * What is wrong with a sitting's year, or null: before the first exam, after this year, or before
 * the person turned 16 (when their birth year is known).
 */
export function examYearProblem(year: number, facts: { currentYear: number; birthYear?: number | null }): TExamsFieldErrorCode | null {
  if (year < EXAM_FIRST_YEAR) return "exams.validation.yearTooEarly";
  if (year > facts.currentYear) return "exams.validation.yearInFuture";
  if (facts.birthYear != null && year < facts.birthYear + EXAM_MIN_AGE) return "exams.validation.tooYoung";
  return null;
}

/** The years a form offers: this year back to the first exam. */
export function examYears(currentYear: number): number[] {
  const out: number[] = [];
  for (let y = currentYear; y >= EXAM_FIRST_YEAR; y--) out.push(y);
  return out;
}

const norm = (s: string) => s.normalize("NFKC").replace(/[\s*＊()（）]/g, "").toLowerCase();

// Words an exam office's sheet uses besides the portal's own labels (read from the catalogues).
const LEVEL_WORDS: Record<TExamLevel, string[]> = {
  ASSISTANT_SOCIAL_WORKER: ["assistant", "助理", "初级", "初級", "助理社工", "助理社工师", "助理社工師"],
  SOCIAL_WORKER: ["intermediate", "中级", "中級", "社工师", "社工師", "中级社会工作师", "中級社會工作師"],
  SENIOR_SOCIAL_WORKER: ["senior", "高级", "高級", "高级社工师", "高級社工師"],
};
const RESULT_WORDS: Record<TExamResult, string[]> = {
  PASSED: ["passed", "pass", "yes", "y", "1", "true", "通过", "通過", "合格", "是", "√", "✓", "✔"],
  FAILED: ["failed", "fail", "no", "n", "0", "false", "未通过", "未通過", "不通过", "不通過", "不合格", "否", "×", "✗", "✘"],
};

/** A cell → level, matching the codes, `labels` (each level's labels in every language) and common words. */
export function parseExamLevel(text: string, labels: Record<TExamLevel, string[]> = { ASSISTANT_SOCIAL_WORKER: [], SOCIAL_WORKER: [], SENIOR_SOCIAL_WORKER: [] }): TExamLevel | null {
  const v = norm(text);
  if (!v) return null;
  for (const level of EXAM_LEVELS) if ([level, ...labels[level], ...LEVEL_WORDS[level]].some((w) => norm(w) === v)) return level;
  return null;
}

/** A cell → result, matching the codes, `labels` (each result's labels in every language) and yes/no words. */
export function parseExamResult(text: string, labels: Record<TExamResult, string[]> = { PASSED: [], FAILED: [] }): TExamResult | null {
  const v = norm(text);
  if (!v) return null;
  for (const result of EXAM_RESULTS) if ([result, ...labels[result], ...RESULT_WORDS[result]].some((w) => norm(w) === v)) return result;
  return null;
}

/** A year cell: four digits (full-width too, "2024年" too). */
export function parseExamYear(text: string): number | null {
  const m = /^(\d{4})(?:年|\.0+)?$/.exec(text.normalize("NFKC").trim());
  return m ? Number(m[1]) : null;
}
