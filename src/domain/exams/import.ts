// The exam-sitting import's spreadsheet (issue 12, G2): one row per sitting — the person's resident
// ID number (and, to catch a wrong number, their name), the year, the level and passed or not, in
// any of the three languages. Pure: the columns, the headers in every language, one row's checks.
import { normaliseLabel } from "@/domain/staff/import-columns";
import { checkIdNumber, normaliseIdNumber } from "@/lib/id-number";
import { EXAM_LEVELS, EXAM_RESULTS, examYearProblem, parseExamLevel, parseExamResult, parseExamYear, type TExamLevel, type TExamResult } from "./rules";

export const EXAM_IMPORT_FIELDS = ["idNumber", "name", "year", "level", "result"] as const;
export type TExamImportField = (typeof EXAM_IMPORT_FIELDS)[number];
export const EXAM_IMPORT_REQUIRED: readonly TExamImportField[] = ["idNumber", "year", "level", "result"];

export type TExamRowErrorCode = `exams.import.rowErrors.${
  | "idNumber"
  | "year"
  | "yearTooEarly"
  | "yearInFuture"
  | "tooYoung"
  | "level"
  | "result"
  | "notFound"
  | "nameMismatch"
  | "duplicateInFile"}`;

export type TExamRowError = { field: TExamImportField; key: TExamRowErrorCode };

const E = (key: string) => `exams.import.rowErrors.${key}` as TExamRowErrorCode;

type TCatalogue = Record<string, unknown>;
const get = (obj: unknown, path: string): unknown => path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as TCatalogue)[k] : undefined), obj);
const labelsOf = <K extends string>(catalogues: TCatalogue[], keys: readonly K[], prefix: string) =>
  Object.fromEntries(keys.map((k) => [k, catalogues.map((c) => get(c, `${prefix}.${k}`)).filter((x): x is string => typeof x === "string")])) as Record<K, string[]>;

export type TExamLabelIndex = { headers: Map<string, string>; levels: Record<TExamLevel, string[]>; results: Record<TExamResult, string[]> };

/** Headers (any language, or the field's code) → field; the levels' and results' labels in every language. */
export function examImportLabels(catalogues: TCatalogue[]): TExamLabelIndex {
  const headers = new Map<string, string>();
  for (const f of EXAM_IMPORT_FIELDS) {
    headers.set(normaliseLabel(f), f);
    for (const cat of catalogues) {
      const label = get(cat, `exams.import.columns.${f}`);
      if (typeof label === "string") headers.set(normaliseLabel(label), f);
    }
  }
  return { headers, levels: labelsOf(catalogues, EXAM_LEVELS, "enums.qualificationLevel"), results: labelsOf(catalogues, EXAM_RESULTS, "exams.results") };
}

/** A row as read, before the register is asked who the person is. */
export type TExamRowValue = { idNumber: string; name: string; year: number; level: TExamLevel; result: TExamResult };

export type TExamRowChecked =
  | { rowNumber: number; raw: Record<string, string>; ok: true; value: TExamRowValue }
  | { rowNumber: number; raw: Record<string, string>; ok: false; errors: TExamRowError[] };

/** One row's own checks: a valid ID number, a year from 2008 to this year, a level, a result. */
export function checkExamRow(rowNumber: number, raw: Record<string, string>, labels: Pick<TExamLabelIndex, "levels" | "results">, currentYear: number): TExamRowChecked {
  const errors: TExamRowError[] = [];
  const idNumber = normaliseIdNumber(raw.idNumber ?? "");
  if (checkIdNumber(idNumber) !== null) errors.push({ field: "idNumber", key: E("idNumber") });
  const year = parseExamYear(raw.year ?? "");
  if (year === null) errors.push({ field: "year", key: E("year") });
  else {
    const problem = examYearProblem(year, { currentYear });
    if (problem) errors.push({ field: "year", key: E(problem.replace("exams.validation.", "")) });
  }
  const level = parseExamLevel(raw.level ?? "", labels.levels);
  if (!level) errors.push({ field: "level", key: E("level") });
  const result = parseExamResult(raw.result ?? "", labels.results);
  if (!result) errors.push({ field: "result", key: E("result") });
  if (errors.length) return { rowNumber, raw, ok: false, errors };
  return { rowNumber, raw, ok: true, value: { idNumber, name: (raw.name ?? "").normalize("NFKC").trim(), year: year!, level: level!, result: result! } };
}

/** Same person, year and level more than once in the file: every such row is refused (which is right is not guessed). */
export function duplicateKeys(rows: { key: string | null }[]): Set<number> {
  const seen = new Map<string, number[]>();
  rows.forEach((r, i) => r.key && seen.set(r.key, [...(seen.get(r.key) ?? []), i]));
  return new Set([...seen.values()].filter((ix) => ix.length > 1).flat());
}
