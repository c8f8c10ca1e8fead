import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildLabelIndex } from "@/domain/staff/import-columns";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/domain/staff/schemas";
import { loadMessages } from "@/i18n/load-messages";
import { LOCALES } from "@/lib/locales";
import { readImportFile } from "@/server/staff-import/read";
import { staffRow, staffWorkbook } from "../helpers/staff-import";
import { gigabyteBomb } from "../helpers/zip-bomb";

// Reading an uploaded staff file: what the zip guard refuses never reaches the workbook reader,
// which inflates the parts it reads whole and builds every row in memory; files from other writers
// are read (tests/fixtures/staff-import), and a file that cannot be read says what it is.

vi.mock("@/lib/xlsx-read", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/xlsx-read")>();
  return { ...original, openXlsx: vi.fn(original.openXlsx) };
});
const { openXlsx } = await import("@/lib/xlsx-read");

const index = buildLabelIndex(LOCALES.map((l) => loadMessages(l)));

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "../fixtures/staff-import", name)));

const problemOf = (bytes: Uint8Array) =>
  readImportFile(bytes, index).then(
    () => null,
    (error: unknown) => error,
  );

afterEach(() => {
  vi.mocked(openXlsx).mockClear();
});

describe("reading a staff file", () => {
  it("refuses a workbook that inflates to 1 GB while declaring 1,000 bytes as too large, before the reader sees it", async () => {
    const bomb = gigabyteBomb();
    const error = await problemOf(bomb.bytes);
    expect(error).toMatchObject({ problem: "fileTooLarge", detail: { max: IMPORT_MAX_BYTES } });
    expect(openXlsx).not.toHaveBeenCalled();
  });

  it("refuses more rows than the import's limit before the reader builds the sheet", async () => {
    const bytes = await staffWorkbook(Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => ({ name: `n${i}` })), undefined, ["name"]);
    const error = await problemOf(new Uint8Array(bytes));
    expect(error).toMatchObject({ problem: "tooManyRows", detail: { max: IMPORT_MAX_ROWS } });
    expect(openXlsx).not.toHaveBeenCalled();
  });

  it.each([
    ["old-excel.xls", "oldXls"],
    ["password-protected.xlsx", "passwordProtected"],
    ["staff.csv", "csv"],
    ["web-page.xls", "html"],
    ["opendocument.ods", "ods"],
    ["truncated.xlsx", "damaged"],
    ["word-document.xlsx", "notSpreadsheet"],
  ])("refuses %s with its own reason (%s), without reading it as a workbook", async (name, problem) => {
    expect(await problemOf(fixture(name))).toMatchObject({ problem });
    expect(openXlsx).not.toHaveBeenCalled();
  });

  it("a sheet whose header row matches nothing says which required columns are missing", async () => {
    expect(await problemOf(fixture("no-header.xlsx"))).toMatchObject({ problem: "missingColumns", detail: { fields: ["name", "idNumber", "entryPath", "entryDate"] } });
  });

  it("still reads a normal workbook made with exceljs", async () => {
    const bytes = await staffWorkbook([staffRow({ name: "王小红" }), staffRow({ name: "李明" })]);
    const { rows, columns } = await readImportFile(new Uint8Array(bytes), index);
    expect(rows.map((r) => [r.rowNumber, r.raw.name])).toEqual([
      [2, "王小红"],
      [3, "李明"],
    ]);
    expect(columns).toEqual(expect.arrayContaining(["name", "idNumber", "entryDate"]));
  });
});
