import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildLabelIndex } from "@/domain/staff/import-columns";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/domain/staff/schemas";
import { loadMessages } from "@/i18n/load-messages";
import { LOCALES } from "@/lib/locales";
import { readImportFile } from "@/server/staff-import/read";
import { staffRow, staffWorkbook } from "../helpers/staff-import";
import { gigabyteBomb } from "../helpers/zip-bomb";

// Reading an uploaded staff file: what the zip guard refuses never reaches exceljs, which would
// inflate every part whole and build every row in memory before any check of ours could run.

const index = buildLabelIndex(LOCALES.map((l) => loadMessages(l)));

/** Spies on exceljs's reader: `workbook.xlsx` is a getter creating it on first use. */
const excelReader = () => vi.spyOn(ExcelJS.Workbook.prototype, "xlsx", "get");

const problemOf = (bytes: Uint8Array) =>
  readImportFile(bytes, index).then(
    () => null,
    (error: unknown) => error,
  );

afterEach(() => {
  vi.restoreAllMocks();
});

describe("reading a staff file", () => {
  it("refuses a workbook that inflates to 1 GB while declaring 1,000 bytes as too large, before exceljs sees it", async () => {
    const bomb = gigabyteBomb();
    const reader = excelReader();
    const error = await problemOf(bomb.bytes);
    expect(error).toMatchObject({ problem: "fileTooLarge", detail: { max: IMPORT_MAX_BYTES } });
    expect(reader).not.toHaveBeenCalled();
  });

  it("refuses more rows than the import's limit before exceljs builds the sheet", async () => {
    const bytes = await staffWorkbook(Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => ({ name: `n${i}` })), undefined, ["name"]);
    const reader = excelReader(); // after writing the file, which uses it too
    const error = await problemOf(new Uint8Array(bytes));
    expect(error).toMatchObject({ problem: "tooManyRows", detail: { max: IMPORT_MAX_ROWS } });
    expect(reader).not.toHaveBeenCalled();
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
