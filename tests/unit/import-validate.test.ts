import { describe, expect, it } from "vitest";
import { buildLabelIndex } from "@/domain/staff/import-columns";
import { validateRows, IMPORT_ERRORS } from "@/domain/staff/import-validate";
import { idNumberCheckChar } from "@/lib/id-number";
import { LOCALES } from "@/lib/locales";
import { loadMessages } from "@/i18n/load-messages";

const index = buildLabelIndex(LOCALES.map((l) => loadMessages(l)));
const id = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;
const row = (n: number, raw: Record<string, string>) => ({ rowNumber: n, raw: { name: "王小红", entryPath: "RECRUITED", entryDate: "2024-03-01", ...raw } });

describe("row validation", () => {
  it("uses the practitioner form's schema: derived birth date and gender, codes out", () => {
    const [r] = validateRows([row(2, { idNumber: id("11010119920304002"), degree: "本科" })], index, "org");
    expect(r).toMatchObject({ ok: true, value: { gender: "FEMALE", degree: "BACHELOR", organizationId: "org", entryPath: "RECRUITED" } });
    expect(r!.ok && r!.value.birthDate?.toISOString().slice(0, 10)).toBe("1992-03-04");
  });

  it("flags every row holding the same ID number, however it is written", () => {
    const same = id("11010119800101001");
    const rows = validateRows([row(2, { idNumber: same }), row(3, { idNumber: id("11010119800101003") }), row(4, { idNumber: ` ${same.toLowerCase()} ` })], index, "org");
    expect(rows.map((r) => r.ok)).toEqual([false, true, false]);
    for (const i of [0, 2]) expect(rows[i]).toMatchObject({ errors: [{ field: "idNumber", key: IMPORT_ERRORS.duplicateInFile }] });
  });

  it("an impossible date is a field error, not a crash, and each column reports one problem", () => {
    const [r] = validateRows([row(2, { idNumber: id("11010119920304002"), hireDate: "2024-02-30", birthDate: "1992-13-01", entryDate: "soon" })], index, "org");
    expect(r).toMatchObject({ ok: false });
    expect(!r!.ok && r!.errors).toEqual([
      { field: "birthDate", key: "date", value: "1992-13-01" },
      { field: "hireDate", key: "date", value: "2024-02-30" },
      { field: "entryDate", key: "date", value: "soon" },
    ]);
  });

  it("names the value that is wrong: a label not in the list, the bad values of a multi-value cell, an ID number masked", () => {
    const [r] = validateRows([row(2, { idNumber: `${id("11010119920304002").slice(0, 17)}0`, degree: "大专生", practiceFields: "学校、火星、月亮" })], index, "org");
    expect(!r!.ok && r!.errors).toEqual(
      expect.arrayContaining([
        { field: "idNumber", key: "idNumber_checkDigit", value: "**************0020" },
        { field: "degree", key: "invalid", value: "大专生" },
        { field: "practiceFields", key: "invalid", value: "火星、月亮" },
      ]),
    );
  });

  it("an ID number read from a number cell says its digits were lost, not that its check digit is wrong", () => {
    const [r] = validateRows([{ rowNumber: 2, raw: { name: "王", idNumber: "110101199203040000", entryPath: "RECRUITED", entryDate: "2024-03-01" }, cellProblems: { idNumber: "idNumberAsNumber" } }], index, "org");
    expect(!r!.ok && r!.errors).toEqual([{ field: "idNumber", key: IMPORT_ERRORS.idNumberAsNumber, value: "**************0000" }]);
  });
});

describe("certificate columns", () => {
  const person = { idNumber: id("11010119920304002") }; // born 1992-03-04
  const cert = { certificateLevel: "社會工作師", certificateNumber: " ｓｗ-2019 ００１ ", certificateIssueDate: "2019/9/1" };

  it("none filled in is a person without a certificate; all three give one, the level by any label, the number canonical", () => {
    const [none, one] = validateRows([row(2, person), row(3, { ...person, idNumber: id("11010119900101001"), ...cert })], index, "org");
    expect(none).toMatchObject({ ok: true, certificate: null });
    expect(one).toMatchObject({ ok: true, certificate: { kind: "SOCIAL_WORKER", number: "SW2019001", issueDate: "2019-09-01" } });
  });

  it("one or two of the three is an error on each one missing", () => {
    const [r] = validateRows([row(2, { ...person, certificateNumber: "SW1" })], index, "org");
    expect(!r!.ok && r!.errors).toEqual([
      { field: "certificateLevel", key: IMPORT_ERRORS.certificateIncomplete },
      { field: "certificateIssueDate", key: IMPORT_ERRORS.certificateIncomplete },
    ]);
  });

  const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
  it("refuses a level not in the list (naming it), a day in the future, and a day before the holder turned 16", () => {
    const [bad, future, young] = validateRows(
      [
        row(2, { ...person, ...cert, certificateLevel: "高级社工" }),
        row(3, { ...person, idNumber: id("11010119900101001"), ...cert, certificateNumber: "A2", certificateIssueDate: nextYear }),
        row(4, { ...person, idNumber: id("11010119900101002"), ...cert, certificateNumber: "A3", certificateIssueDate: "2005-01-01" }),
      ],
      index,
      "org",
    );
    expect(!bad!.ok && bad!.errors).toEqual([{ field: "certificateLevel", key: "invalid", value: "高级社工" }]);
    expect(!future!.ok && future!.errors).toEqual([{ field: "certificateIssueDate", key: "dateInFuture", value: nextYear }]);
    expect(!young!.ok && young!.errors).toEqual([{ field: "certificateIssueDate", key: "underWorkingAge", value: "2005-01-01" }]);
  });

  it("flags every row holding the same certificate number, however it is typed", () => {
    const rows = validateRows(
      [row(2, { ...person, ...cert }), row(3, { ...person, idNumber: id("11010119900101001"), ...cert, certificateNumber: "SW-2019-001" }), row(4, { ...person, idNumber: id("11010119900101002"), ...cert, certificateNumber: "SW2019002" })],
      index,
      "org",
    );
    expect(rows.map((r) => r.ok)).toEqual([false, false, true]);
    expect(rows[1]).toMatchObject({ errors: [{ field: "certificateNumber", key: IMPORT_ERRORS.duplicateCertificateInFile, value: "SW-2019-001" }] });
  });
});
