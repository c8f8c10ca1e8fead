// Row validation for the staff import: the practitioner form's own schema (ZCreatePractitioner)
// on every row, then the checks only a whole file can make (the same ID number twice). Pure.
import { ZCreatePractitioner, type TCreatePractitioner } from "@/domain/practitioners/schemas";
import { rowToFormInput, type TLabelIndex, type TSheetRow } from "./import-columns";
import { checkIdNumber, normaliseIdNumber } from "@/lib/id-number";
import { fieldErrorCode, type TFieldErrorCode } from "@/domain/common/errors";

/** A row problem: the column (field) and a catalogue key (bare keys under "validation", dotted ones from the root). */
export type TRowError = { field: string; key: TFieldErrorCode };

export const IMPORT_ERRORS = {
  duplicateInFile: "staff.import.rowErrors.duplicateInFile",
  otherEmployer: "staff.import.rowErrors.otherEmployer",
} as const;

export type TCheckedRow =
  | { rowNumber: number; raw: Record<string, string>; ok: true; value: TCreatePractitioner }
  | { rowNumber: number; raw: Record<string, string>; ok: false; errors: TRowError[] };

function addError(errors: TRowError[], e: TRowError) {
  if (!errors.some((x) => x.field === e.field && x.key === e.key)) errors.push(e);
}

type TWorkingRow = { rowNumber: number; raw: Record<string, string>; errors: TRowError[]; value?: TCreatePractitioner };

/** One row through the form's schema (no file-wide checks). */
export function validateRow({ rowNumber, raw }: TSheetRow, index: TLabelIndex, organizationId: string): TCheckedRow {
  const parsed = ZCreatePractitioner.safeParse(rowToFormInput(raw, index, organizationId));
  if (parsed.success) return { rowNumber, raw, ok: true, value: parsed.data };
  const errors: TRowError[] = [];
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_");
    // One message per column: the first is the one to fix first.
    // The form schema's messages are catalogue codes (checked by tests/unit/i18n-catalogues.test.ts).
    if (!errors.some((e) => e.field === field)) errors.push({ field, key: fieldErrorCode(issue) });
  }
  return { rowNumber, raw, ok: false, errors };
}

/** The same (well-formed) ID number on two rows: both are flagged, neither is guessed right. */
export function flagDuplicates(rows: TCheckedRow[]): TCheckedRow[] {
  const working: TWorkingRow[] = rows.map((r) => (r.ok ? { rowNumber: r.rowNumber, raw: r.raw, errors: [], value: r.value } : { rowNumber: r.rowNumber, raw: r.raw, errors: [...r.errors] }));
  const byId = new Map<string, number[]>();
  working.forEach((r, i) => {
    const id = normaliseIdNumber(r.raw.idNumber ?? "");
    if (id && !checkIdNumber(id)) byId.set(id, [...(byId.get(id) ?? []), i]);
  });
  for (const indexes of byId.values()) {
    if (indexes.length < 2) continue;
    for (const i of indexes) addError(working[i]!.errors, { field: "idNumber", key: IMPORT_ERRORS.duplicateInFile });
  }
  return working.map((r) => (r.errors.length === 0 ? { rowNumber: r.rowNumber, raw: r.raw, ok: true as const, value: r.value! } : { rowNumber: r.rowNumber, raw: r.raw, ok: false as const, errors: r.errors }));
}

export function validateRows(rows: TSheetRow[], index: TLabelIndex, organizationId: string): TCheckedRow[] {
  return flagDuplicates(rows.map((r) => validateRow(r, index, organizationId)));
}
