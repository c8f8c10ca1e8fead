import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/i18n/load-messages";
import type { TLocale } from "@/lib/locales";
import { rowErrorText } from "@/server/staff-import/row-messages";
import type { TRowError } from "@/domain/staff/import-validate";

// A row error as the import's page and its error report show it: the column, the value that is
// wrong and, for a column with a list, the values allowed, in each of the three languages.

const tr = (locale: TLocale) => createTranslator({ locale, messages: loadMessages(locale) as never }) as never;
const text = (locale: TLocale, e: TRowError, birthYearOnly = false) => rowErrorText(tr(locale), e, { birthYearOnly });
const level: TRowError = { field: "certificateLevel", key: "invalid", value: "高级社工" };

describe("row error messages", () => {
  it("a value not in a column's list is named, with the values allowed, in the reader's language", () => {
    expect(text("zh-Hans", level)).toBe("证书等级“高级社工”不是可选值之一：助理社会工作师、社会工作师、高级社会工作师。");
    expect(text("zh-Hant", level)).toBe("證書等級「高级社工」不是可選值之一：助理社會工作師、社會工作師、高級社會工作師。");
    expect(text("en", level)).toBe("Certificate level \u201c高级社工\u201d is not one of: Assistant social worker, Social worker (intermediate), Senior social worker.");
  });

  it("a required list column given a wrong value says what is allowed too; left blank it says it is required", () => {
    expect(text("en", { field: "entryPath", key: "required", value: "transfer" })).toMatch(/^Entry path \u201ctransfer\u201d is not one of: .*External recruitment/);
    expect(text("en", { field: "entryPath", key: "required" })).toBe("Entry path: This field is required.");
  });

  it("other problems name the value and say what is wrong with it", () => {
    expect(text("zh-Hans", { field: "hireDate", key: "date", value: "2025-02-30" })).toBe("入职日期“2025-02-30”：请输入有效日期。");
    expect(text("en", { field: "phone", key: "phone", value: "123" })).toMatch(/^Phone \u201c123\u201d: /);
    expect(text("en", { field: "idNumber", key: "staff.import.rowErrors.idNumberAsNumber", value: "**************0000" })).toMatch(/^Resident ID number \u201c\*+0000\u201d: The ID number was saved as a number/);
  });

  it("a colleague who may not see full birth dates reads the year only", () => {
    expect(text("en", { field: "birthDate", key: "birthDateMismatch", value: "1992-03-05" }, true)).toMatch(/^Birth date \u201c1992\u201d: /);
    expect(text("en", { field: "birthDate", key: "birthDateMismatch", value: "1992-03-05" }, false)).toMatch(/^Birth date \u201c1992-03-05\u201d: /);
  });
});
