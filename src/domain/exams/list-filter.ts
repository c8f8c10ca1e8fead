// The exam sittings list's URL state (officials' /exams): year, level, result, district, a name
// search, and the page.
import { EXAM_LEVELS, EXAM_RESULTS, type TExamLevel, type TExamResult } from "./rules";

export type TSittingListFilter = { year: number | null; level: TExamLevel | null; result: TExamResult | null; district: string; q: string; page: number };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseSittingListFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): TSittingListFilter {
  const one = (k: string): string => {
    if (params instanceof URLSearchParams) return params.get(k) ?? "";
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const year = /^\d{4}$/.test(one("year")) ? Number(one("year")) : null;
  const page = Number.parseInt(one("page"), 10);
  return {
    year,
    level: (EXAM_LEVELS as readonly string[]).includes(one("level")) ? (one("level") as TExamLevel) : null,
    result: (EXAM_RESULTS as readonly string[]).includes(one("result")) ? (one("result") as TExamResult) : null,
    district: ID.test(one("district")) ? one("district") : "",
    q: one("q").trim().slice(0, 100),
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The filter as search params (the list's links, its export and the audit of an export). */
export function sittingListParams(f: TSittingListFilter): Record<string, string | undefined> {
  return { year: f.year ? String(f.year) : undefined, level: f.level ?? undefined, result: f.result ?? undefined, district: f.district || undefined, q: f.q || undefined };
}
