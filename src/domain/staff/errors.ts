import type { TImportField } from "./import-columns";

// Codes of staff transfers and the staff import: full keys in the "staff" namespace.

/** What can be wrong with an uploaded staff file as a whole (before any row is read). */
export type TImportFileProblem =
  | "fileRequired"
  | "fileTooLarge"
  | "fileEmpty"
  | "tooManyRows"
  | "missingColumns"
  // What the file really is when it is not an .xlsx the import can read (src/lib/spreadsheet-sniff.ts).
  | "oldXls"
  | "passwordProtected"
  | "csv"
  | "html"
  | "ods"
  | "xlsb"
  | "damaged"
  | "notSpreadsheet";

/** What the file problem's message needs: the missing columns, or the limit exceeded. */
export type TImportFileDetail = { fields?: TImportField[]; max?: number; /** Another import's missing columns (its own field names). */ columns?: string[] };

export type TStaffErrorCode =
  | "staff.transfer.errors.noEmployer"
  | `staff.import.errors.${"notPreview" | "nothingToImport" | "notFailed"}`
  | `staff.import.fileErrors.${TImportFileProblem}`;

export type TImportRowErrorCode = `staff.import.rowErrors.${"duplicateInFile" | "otherEmployer" | "idNumberAsNumber" | "certificateNumberAsNumber" | "certificateIncomplete" | "duplicateCertificateInFile" | "certificateNumberTaken"}`;

export type TStaffFieldErrorCode = `staff.transfer.validation.${"beforeStart" | "targetNotActive" | "sameAgency"}` | TImportRowErrorCode;
