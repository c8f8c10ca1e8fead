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
      { field: "birthDate", key: "date" },
      { field: "hireDate", key: "date" },
      { field: "entryDate", key: "date" },
    ]);
  });
});
