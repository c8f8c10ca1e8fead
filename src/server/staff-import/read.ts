import "server-only";
import ExcelJS from "exceljs";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/domain/staff/schemas";
import { cellText, IMPORT_COLUMNS, normaliseLabel, REQUIRED_FIELDS, type TImportField, type TLabelIndex, type TSheetRow } from "@/domain/staff/import-columns";
import type { TImportFileDetail, TImportFileProblem } from "@/domain/staff/errors";
import { inflateGuard, looksLikeXlsx, zipFacts, type TInflateLimits } from "@/lib/zip-guard";

// Guards against decompression bombs, in bytes actually inflated (not what the archive declares).
// A 20,000-row, 18-column staff sheet written by exceljs inflates to 13.6 MB of worksheet XML and
// 1.9 MB of shared strings (a 1.3 MB file); exceljs then holds ~190 MB to read it. Each part may be
// ~4.5 times that sheet, and the whole workbook two such parts: room for wordy cells, inline strings
// and other writers' markup, while inflating a bomb up to the cap takes well under a second.
/** Bytes any one part of the workbook may inflate to. */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
/** Bytes the whole workbook may inflate to. */
export const MAX_UNCOMPRESSED_BYTES = 128 * 1024 * 1024;
/** Parts of the workbook: the template has 10, a workbook of 100 sheets with drawings and comments
 * stays under 500; 65,000 empty parts fit in an upload and would cost seconds of inflaters. */
export const MAX_ENTRIES = 1000;
/** What the guard lets through: rows are the header plus the import's limit, with a value (as
 * `actualRowCount` below), counted while inflating, before exceljs builds a sheet. */
export const INFLATE_LIMITS: TInflateLimits = { maxEntries: MAX_ENTRIES, maxEntryBytes: MAX_ENTRY_BYTES, maxTotalBytes: MAX_UNCOMPRESSED_BYTES, maxRows: IMPORT_MAX_ROWS + 1 };
/** Columns read per row: the template has 18; anything far right of it is ignored. */
const MAX_COLUMNS = 64;

export type TFileProblem = TImportFileProblem;

/**
 * Which columns a sheet has: its fields (matched by the label index's headers) and those it
 * cannot do without. The staff import's by default; another import (attendance) names its own.
 */
export type TSheetSpec = { fields: readonly string[]; required: readonly string[] };
const STAFF_SHEET: TSheetSpec = { fields: IMPORT_COLUMNS.map((c) => c.field), required: REQUIRED_FIELDS };

export class ImportFileError extends Error {
  constructor(
    public readonly problem: TFileProblem,
    public readonly detail: TImportFileDetail = {},
  ) {
    super(problem);
  }
}

/**
 * The first worksheet of an .xlsx file as rows of text keyed by field. Row 1 is the header; its
 * cells are matched to fields by the form's labels in any language (or the field codes); other
 * columns are ignored, so a returned error report (with its "errors" column) reads back as is.
 * Blank rows are skipped; row numbers are the spreadsheet's own.
 */
export async function readImportFile(bytes: Uint8Array | null, index: Pick<TLabelIndex, "headers">, spec: TSheetSpec = STAFF_SHEET): Promise<{ rows: TSheetRow[]; columns: string[] }> {
  if (!bytes || bytes.byteLength === 0) throw new ImportFileError("fileRequired");
  if (bytes.byteLength > IMPORT_MAX_BYTES) throw new ImportFileError("fileTooLarge", { max: IMPORT_MAX_BYTES });
  const facts = zipFacts(bytes);
  if (!looksLikeXlsx(facts)) throw new ImportFileError("fileType");
  // What the archive declares refuses an honest bomb without inflating a byte; the guard then
  // inflates every part for real (counting, keeping nothing) before exceljs, which would inflate
  // each part whole into memory, ever sees the file.
  if (facts!.uncompressed > MAX_UNCOMPRESSED_BYTES) throw new ImportFileError("fileTooLarge", { max: IMPORT_MAX_BYTES });
  const inflated = await inflateGuard(bytes, INFLATE_LIMITS);
  if (!inflated.ok) {
    if (inflated.problem === "tooLarge") throw new ImportFileError("fileTooLarge", { max: IMPORT_MAX_BYTES });
    if (inflated.problem === "tooManyRows") throw new ImportFileError("tooManyRows", { max: IMPORT_MAX_ROWS });
    throw new ImportFileError("fileType");
  }

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError("fileType");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new ImportFileError("fileEmpty");
  if (sheet.actualRowCount - 1 > IMPORT_MAX_ROWS) throw new ImportFileError("tooManyRows", { max: IMPORT_MAX_ROWS });

  const byColumn = new Map<number, string>();
  const header = sheet.getRow(1);
  for (let col = 1; col <= Math.min(header.cellCount, MAX_COLUMNS); col++) {
    const field = index.headers.get(normaliseLabel(cellText(header.getCell(col).value)));
    if (field && ![...byColumn.values()].includes(field)) byColumn.set(col, field);
  }
  const columns = spec.fields.filter((f) => [...byColumn.values()].includes(f));
  const missing = spec.required.filter((f) => !columns.includes(f));
  if (missing.length) throw new ImportFileError("missingColumns", spec === STAFF_SHEET ? { fields: missing as TImportField[] } : { columns: missing });

  const rows: TSheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const raw: Record<string, string> = {};
    let blank = true;
    for (const [col, field] of byColumn) {
      const text = cellText(row.getCell(col).value);
      raw[field] = text;
      if (text !== "") blank = false;
    }
    if (!blank) rows.push({ rowNumber, raw });
  });
  if (rows.length === 0) throw new ImportFileError("fileEmpty");
  if (rows.length > IMPORT_MAX_ROWS) throw new ImportFileError("tooManyRows", { max: IMPORT_MAX_ROWS });
  return { rows, columns };
}
