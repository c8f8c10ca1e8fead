import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/load-messages";
import { examYearProblem, examYears, parseExamLevel, parseExamResult, parseExamYear } from "@/domain/exams/rules";
import { checkExamRow, duplicateKeys, examImportLabels } from "@/domain/exams/import";
import { ZRecordOwnSitting, ZRecordSitting } from "@/domain/exams/schemas";
import { parseSittingListFilter, sittingListParams } from "@/domain/exams/list-filter";
import { validIdNumber, withWrongCheckDigit } from "@/server/seed/id-numbers";
import { todayInCity } from "@/domain/common/calendar-day";

// The exam pipeline's pure rules (issue 12, plan.md G2): years from the first national exam (2008)
// to this year and not before the person turned 16; levels and results read in any of the three
// languages; one row's checks; duplicates in a file.

const labels = examImportLabels((["zh-Hans", "zh-Hant", "en"] as const).map((l) => loadMessages(l)));
const THIS_YEAR = todayInCity().getUTCFullYear();

describe("a sitting's year", () => {
  it("is refused before 2008, after this year, or before the person was 16", () => {
    expect(examYearProblem(2007, { currentYear: 2026 })).toBe("exams.validation.yearTooEarly");
    expect(examYearProblem(2008, { currentYear: 2026 })).toBeNull();
    expect(examYearProblem(2026, { currentYear: 2026 })).toBeNull();
    expect(examYearProblem(2027, { currentYear: 2026 })).toBe("exams.validation.yearInFuture");
    expect(examYearProblem(2015, { currentYear: 2026, birthYear: 2000 })).toBe("exams.validation.tooYoung");
    expect(examYearProblem(2016, { currentYear: 2026, birthYear: 2000 })).toBeNull();
    expect(examYearProblem(2016, { currentYear: 2026, birthYear: null })).toBeNull();
  });

  it("the forms offer this year back to 2008, newest first", () => {
    const years = examYears(2026);
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(2008);
    expect(years).toHaveLength(19);
  });

  it("is read from a cell as four digits, full-width or with 年", () => {
    expect(parseExamYear("2024")).toBe(2024);
    expect(parseExamYear("２０２４年")).toBe(2024);
    expect(parseExamYear("2024.0")).toBe(2024);
    expect(parseExamYear("24")).toBeNull();
    expect(parseExamYear("")).toBeNull();
  });
});

describe("levels and results in any language", () => {
  it("reads the catalogues' labels, the codes and common words", () => {
    expect(parseExamLevel("助理社会工作师", labels.levels)).toBe("ASSISTANT_SOCIAL_WORKER");
    expect(parseExamLevel("社會工作師", labels.levels)).toBe("SOCIAL_WORKER");
    expect(parseExamLevel("Social worker (intermediate)", labels.levels)).toBe("SOCIAL_WORKER");
    expect(parseExamLevel("senior social worker", labels.levels)).toBe("SENIOR_SOCIAL_WORKER");
    expect(parseExamLevel("中级", labels.levels)).toBe("SOCIAL_WORKER");
    expect(parseExamLevel("SENIOR_SOCIAL_WORKER")).toBe("SENIOR_SOCIAL_WORKER");
    expect(parseExamLevel("社会工作专业学历", labels.levels)).toBeNull();
    expect(parseExamResult("通过", labels.results)).toBe("PASSED");
    expect(parseExamResult("未通過", labels.results)).toBe("FAILED");
    expect(parseExamResult("Not passed", labels.results)).toBe("FAILED");
    expect(parseExamResult("合格", labels.results)).toBe("PASSED");
    expect(parseExamResult("maybe", labels.results)).toBeNull();
  });
});

describe("one row of the import", () => {
  const id = validIdNumber();
  it("passes with a valid ID number, year, level and result, the name trimmed", () => {
    expect(checkExamRow(2, { idNumber: id.toLowerCase(), name: " 张三 ", year: "2024", level: "助理社会工作师", result: "通过" }, labels, 2026)).toEqual({
      rowNumber: 2,
      raw: { idNumber: id.toLowerCase(), name: " 张三 ", year: "2024", level: "助理社会工作师", result: "通过" },
      ok: true,
      value: { idNumber: id.toUpperCase(), name: "张三", year: 2024, level: "ASSISTANT_SOCIAL_WORKER", result: "PASSED" },
    });
  });

  it("lists every problem of a row at once, each with its column", () => {
    const r = checkExamRow(3, { idNumber: withWrongCheckDigit(id), year: "2030", level: "初中", result: "" }, labels, 2026);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => `${e.field}:${e.key.split(".").pop()}`)).toEqual(["idNumber:idNumber", "year:yearInFuture", "level:level", "result:result"]);
  });

  it("flags every row of a sitting given twice, and no other", () => {
    expect([...duplicateKeys([{ key: "a|2024|X" }, { key: null }, { key: "b|2024|X" }, { key: "a|2024|X" }])].sort()).toEqual([0, 3]);
  });
});

describe("the forms' schemas", () => {
  it("take the year as text from the form and refuse what the rules refuse, with catalogue keys", () => {
    expect(ZRecordOwnSitting.parse({ year: String(THIS_YEAR), level: "SOCIAL_WORKER", result: "FAILED" })).toEqual({ year: THIS_YEAR, level: "SOCIAL_WORKER", result: "FAILED" });
    const bad = ZRecordOwnSitting.safeParse({ year: "20x4", level: "DEGREE" });
    expect(bad.success).toBe(false);
    expect(Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]))).toEqual({ year: "year", level: "exams.validation.level", result: "exams.validation.result" });
    expect(ZRecordSitting.safeParse({ year: "2020", level: "SOCIAL_WORKER", result: "PASSED" }).error?.issues[0]?.message).toBe("exams.validation.practitionerRequired");
  });

  it("the list filter keeps only what it knows and writes back the same params", () => {
    const f = parseSittingListFilter({ year: "2024", level: "SOCIAL_WORKER", result: "nope", district: "bad id!", q: " 张 ", page: "3" });
    expect(f).toEqual({ year: 2024, level: "SOCIAL_WORKER", result: null, district: "", q: "张", page: 3 });
    expect(sittingListParams(f)).toEqual({ year: "2024", level: "SOCIAL_WORKER", result: undefined, district: undefined, q: "张" });
  });
});
