import "server-only";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/domain/staff/schemas";
import { cellToText, IMPORT_COLUMNS, normaliseLabel, REQUIRED_FIELDS, type TImportField, type TLabelIndex, type TSheetRow } from "@/domain/staff/import-columns";
import type { TImportFileDetail, TImportFileProblem } from "@/domain/staff/errors";
import { inflateGuard, zipFacts, type TInflateLimits } from "@/lib/zip-guard";
import { sniffSpreadsheet } from "@/lib/spreadsheet-sniff";
import { openXlsx, XlsxReadError, type TXlsxRows } from "@/lib/xlsx-read";

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
/** Columns read per row: the template has 21; anything far right of it is ignored. */
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

/** Rows searched for the header: a title or a blank line or two above it is common. */
const HEADER_SEARCH_ROWS = 10;

type THeader = { rowNumber: number; byColumn: Map<number, string> };

/** A row's cells matched to fields (each field once, its first column). */
function headerOf(cells: Map<number, unknown> | undefined, rows: TXlsxRows, rowNumber: number, index: Pick<TLabelIndex, "headers">): THeader {
  const byColumn = new Map<number, string>();
  const seen = new Set<string>();
  for (const [col, cell] of [...(rows.get(rowNumber) ?? cells ?? new Map())].sort((a, b) => a[0] - b[0])) {
    const field = index.headers.get(normaliseLabel(cellToText(cell as never, "text").text));
    if (field && !seen.has(field)) {
      seen.add(field);
      byColumn.set(col, field);
    }
  }
  return { rowNumber, byColumn };
}

/** The header row: the first of the top rows holding every required column, else the one matching most (to say what is missing). */
function findHeader(rows: TXlsxRows, index: Pick<TLabelIndex, "headers">, spec: TSheetSpec): { header: THeader | null; complete: boolean } {
  let best: THeader | null = null;
  const top = [...rows.keys()].sort((a, b) => a - b).slice(0, HEADER_SEARCH_ROWS);
  for (const n of top) {
    const h = headerOf(undefined, rows, n, index);
    const fields = new Set(h.byColumn.values());
    if (spec.required.every((f) => fields.has(f))) return { header: h, complete: true };
    if (h.byColumn.size > (best?.byColumn.size ?? 0)) best = h;
  }
  return { header: best, complete: false };
}

const missingOf = (header: THeader | null, spec: TSheetSpec) => spec.required.filter((f) => ![...(header?.byColumn.values() ?? [])].includes(f));

/**
 * The staff sheet of an uploaded workbook as rows of text keyed by field. The file is identified
 * by its bytes (an old .xls, a CSV, a password-protected workbook… each refused with what it is),
 * bounded by the zip guard, then read by src/lib/xlsx-read.ts, which takes workbooks from any
 * writer. The sheet is the first, in the workbook's order, with a header row holding every
 * required column among its top rows (matched by the form's labels in any language, or the field
 * codes); other columns are ignored, so a returned error report (with its "errors" column) reads
 * back as is. Blank rows are skipped; row numbers are the spreadsheet's own.
 */
export async function readImportFile(bytes: Uint8Array | null, index: Pick<TLabelIndex, "headers">, spec: TSheetSpec = STAFF_SHEET): Promise<{ rows: TSheetRow[]; columns: string[] }> {
  if (!bytes || bytes.byteLength === 0) throw new ImportFileError("fileRequired");
  if (bytes.byteLength > IMPORT_MAX_BYTES) throw new ImportFileError("fileTooLarge", { max: IMPORT_MAX_BYTES });
  const kind = sniffSpreadsheet(bytes);
  if (kind !== "xlsx") throw new ImportFileError(kind);
  const facts = zipFacts(bytes);
  if (!facts) throw new ImportFileError("damaged");
  // What the archive declares refuses an honest bomb without inflating a byte; the guard then
  // inflates every part for real (counting, keeping nothing) before the reader, which inflates
  // each part it needs whole into memory, sees the file.
  if (facts.uncompressed > MAX_UNCOMPRESSED_BYTES) throw new ImportFileError("fileTooLarge", { max: IMPORT_MAX_BYTES });
  const inflated = await inflateGuard(bytes, INFLATE_LIMITS);
  if (!inflated.ok) {
    if (inflated.problem === "tooLarge") throw new ImportFileError("fileTooLarge", { max: IMPORT_MAX_BYTES });
    if (inflated.problem === "tooManyRows") throw new ImportFileError("tooManyRows", { max: IMPORT_MAX_ROWS });
    throw new ImportFileError("damaged");
  }

  let found: { rows: TXlsxRows; header: THeader; date1904: boolean } | null = null;
  let partial: THeader | null = null;
  let anyValues = false;
  try {
    const book = openXlsx(bytes, { maxEntryBytes: MAX_ENTRY_BYTES, maxColumns: MAX_COLUMNS });
    for (const sheet of book.sheets) {
      const rows = sheet.read();
      if (rows.size === 0) continue;
      anyValues = true;
      const { header, complete } = findHeader(rows, index, spec);
      if (complete) {
        found = { rows, header: header!, date1904: book.date1904 };
        break;
      }
      if (header && header.byColumn.size > (partial?.byColumn.size ?? 0)) partial = header;
    }
  } catch (error) {
    if (error instanceof XlsxReadError) throw new ImportFileError("damaged");
    throw error;
  }
  if (!anyValues) throw new ImportFileError("fileEmpty");
  if (!found) {
    const missing = missingOf(partial, spec);
    throw new ImportFileError("missingColumns", spec === STAFF_SHEET ? { fields: missing as TImportField[] } : { columns: missing });
  }

  const { rows: sheetRows, header, date1904 } = found;
  // The staff columns' kinds (dates, ID numbers…); another import's columns are read as text.
  const kindOf = new Map<string, (typeof IMPORT_COLUMNS)[number]["kind"]>(IMPORT_COLUMNS.map((c) => [c.field, c.kind]));
  const rows: TSheetRow[] = [];
  for (const rowNumber of [...sheetRows.keys()].sort((a, b) => a - b)) {
    if (rowNumber <= header.rowNumber) continue;
    const cells = sheetRows.get(rowNumber)!;
    const raw: Record<string, string> = {};
    const cellProblems: NonNullable<TSheetRow["cellProblems"]> = {};
    let blank = true;
    for (const [col, field] of header.byColumn) {
      const { text, problem } = cellToText(cells.get(col), spec === STAFF_SHEET ? kindOf.get(field)! : "text", date1904);
      raw[field] = text;
      if (problem) cellProblems[field as TImportField] = problem;
      if (text !== "") blank = false;
    }
    if (blank) continue;
    rows.push(Object.keys(cellProblems).length ? { rowNumber, raw, cellProblems } : { rowNumber, raw });
  }
  if (rows.length === 0) throw new ImportFileError("fileEmpty");
  if (rows.length > IMPORT_MAX_ROWS) throw new ImportFileError("tooManyRows", { max: IMPORT_MAX_ROWS });
  const columns = spec.fields.filter((f) => [...header.byColumn.values()].includes(f));
  return { rows, columns };
}
