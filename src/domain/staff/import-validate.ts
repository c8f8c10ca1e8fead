// Row validation for the staff import: the practitioner form's own schema (ZCreatePractitioner)
// on every row, the qualification certificate's three columns (all or none), then the checks only
// a whole file can make (the same ID number or certificate number twice). Pure.
import { z } from "zod";
import { ZCreatePractitioner, isOfWorkingAge, type TCreatePractitioner } from "@/domain/practitioners/schemas";
import { CERTIFICATE_KINDS, ZCredentialDay, type TCredentialKind } from "@/domain/credentials/schemas";
import { ZTypedNumber } from "@/domain/common/typed-number";
import { parseIsoDay } from "@/domain/common/calendar-day";
import { CERTIFICATE_FIELDS, IMPORT_COLUMNS, MULTI_SEPARATOR, normaliseDay, normaliseLabel, rowToFormInput, type TImportField, type TLabelIndex, type TSheetRow } from "./import-columns";
import { checkIdNumber, idNumberBirthDate, maskIdNumber, normaliseIdNumber } from "@/lib/id-number";
import { canonicalNumber } from "@/lib/canonical-number";
import { fieldErrorCode, type TFieldErrorCode } from "@/domain/common/errors";

/**
 * A row problem: the column (field), a catalogue key (bare keys under "validation", dotted ones
 * from the root) and the value as typed that is wrong (an ID number masked), so the message can
 * name it; enumeration columns add the values allowed when they are shown (import-messages).
 */
export type TRowError = { field: string; key: TFieldErrorCode; value?: string };

export const IMPORT_ERRORS = {
  duplicateInFile: "staff.import.rowErrors.duplicateInFile",
  otherEmployer: "staff.import.rowErrors.otherEmployer",
  idNumberAsNumber: "staff.import.rowErrors.idNumberAsNumber",
  certificateNumberAsNumber: "staff.import.rowErrors.certificateNumberAsNumber",
  certificateIncomplete: "staff.import.rowErrors.certificateIncomplete",
  duplicateCertificateInFile: "staff.import.rowErrors.duplicateCertificateInFile",
  certificateNumberTaken: "staff.import.rowErrors.certificateNumberTaken",
} as const;

/** A qualification certificate given on a row: it is submitted for verification with the import. */
export type TImportCertificate = { kind: TCredentialKind; number: string; issueDate: string };

export type TCheckedRow =
  | { rowNumber: number; raw: Record<string, string>; ok: true; value: TCreatePractitioner; certificate: TImportCertificate | null }
  | { rowNumber: number; raw: Record<string, string>; ok: false; errors: TRowError[] };

/** Longest value an error message repeats (the cell itself is in the error report). */
const MAX_SHOWN = 60;

/** The value an error names: the cell as typed (an ID number masked), shortened; for a multi-value column the values not allowed. */
export function shownValue(field: string, raw: Record<string, string>, index: TLabelIndex): string | undefined {
  const text = (raw[field] ?? "").trim();
  if (!text) return undefined;
  const column = IMPORT_COLUMNS.find((c) => c.field === field);
  let shown = text;
  if (field === "idNumber") shown = maskIdNumber(text);
  else if (column?.kind === "multi") {
    const map = index.values.get(field);
    const bad = text.split(MULTI_SEPARATOR).map((s) => s.trim()).filter((s) => s && !map?.has(normaliseLabel(s)));
    shown = bad.length ? bad.join("、") : text;
  }
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN)}…` : shown;
}

function addError(errors: TRowError[], e: TRowError) {
  if (!errors.some((x) => x.field === e.field && x.key === e.key)) errors.push(e);
}

const ZCertificateColumns = z.object({
  certificateLevel: z.enum(CERTIFICATE_KINDS as unknown as [TCredentialKind, ...TCredentialKind[]], "invalid"),
  /** Stored canonical, as every look-up compares it. */
  certificateNumber: ZTypedNumber(64),
  certificateIssueDate: z.string().pipe(ZCredentialDay),
});

/**
 * The certificate columns of a row: none filled in is no certificate; otherwise all three are
 * required, the level one of the three certificate levels (a label of any language or the code),
 * the number typed any way (stored canonical), the issue day real, not in the future, and on or
 * after the day the holder turned 16 (by the birth date the row gives or its ID number's).
 */
export function checkCertificate(raw: Record<string, string>, index: TLabelIndex, birth: Date | null): { certificate: TImportCertificate | null; errors: TRowError[] } {
  const text = (f: TImportField) => (raw[f] ?? "").trim();
  if (CERTIFICATE_FIELDS.every((f) => text(f) === "")) return { certificate: null, errors: [] };
  const errors: TRowError[] = [];
  for (const f of CERTIFICATE_FIELDS) if (text(f) === "") errors.push({ field: f, key: IMPORT_ERRORS.certificateIncomplete });
  const input = {
    certificateLevel: index.values.get("certificateLevel")?.get(normaliseLabel(text("certificateLevel"))) ?? text("certificateLevel"),
    certificateNumber: text("certificateNumber"),
    certificateIssueDate: normaliseDay(text("certificateIssueDate")),
  };
  const parsed = ZCertificateColumns.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (text(field as TImportField) === "" || errors.some((e) => e.field === field)) continue;
      errors.push({ field, key: fieldErrorCode(issue), value: shownValue(field, raw, index) });
    }
  }
  const issued = parsed.success ? parseIsoDay(parsed.data.certificateIssueDate) : null;
  if (issued && birth && !isOfWorkingAge(birth, issued)) errors.push({ field: "certificateIssueDate", key: "underWorkingAge", value: text("certificateIssueDate") });
  if (errors.length || !parsed.success) return { certificate: null, errors };
  return { certificate: { kind: parsed.data.certificateLevel, number: parsed.data.certificateNumber, issueDate: parsed.data.certificateIssueDate }, errors: [] };
}

/** One row through the form's schema and the certificate's rules (no file-wide checks). */
export function validateRow({ rowNumber, raw, cellProblems }: TSheetRow, index: TLabelIndex, organizationId: string): TCheckedRow {
  const parsed = ZCreatePractitioner.safeParse(rowToFormInput(raw, index, organizationId));
  const errors: TRowError[] = [];
  // What reading the cell showed comes first: an ID number saved as a number fails its check digit, but that is not what to fix.
  for (const [field, problem] of Object.entries(cellProblems ?? {})) errors.push({ field, key: IMPORT_ERRORS[problem], value: shownValue(field, raw, index) });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "_");
      // One message per column: the first is the one to fix first.
      // The form schema's messages are catalogue codes (checked by tests/unit/i18n-catalogues.test.ts).
      if (!errors.some((e) => e.field === field)) errors.push({ field, key: fieldErrorCode(issue), value: shownValue(field, raw, index) });
    }
  }
  // The birth date the certificate's day is checked against: the row's, else its ID number's.
  const id = normaliseIdNumber(raw.idNumber ?? "");
  const birth = parsed.success ? parsed.data.birthDate : id && !checkIdNumber(id) ? idNumberBirthDate(id) : null;
  const cert = checkCertificate(raw, index, birth);
  for (const e of cert.errors) if (!errors.some((x) => x.field === e.field)) errors.push(e);
  if (parsed.success && errors.length === 0) return { rowNumber, raw, ok: true, value: parsed.data, certificate: cert.certificate };
  return { rowNumber, raw, ok: false, errors };
}

type TWorkingRow = { rowNumber: number; raw: Record<string, string>; errors: TRowError[]; value?: TCreatePractitioner; certificate: TImportCertificate | null };

/** Rows (by index) sharing a key. */
function groups(rows: TWorkingRow[], keyOf: (r: TWorkingRow) => string | null): number[][] {
  const by = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const k = keyOf(r);
    if (k) by.set(k, [...(by.get(k) ?? []), i]);
  });
  return [...by.values()].filter((g) => g.length > 1);
}

/**
 * The same (well-formed) ID number on two rows, or the same certificate number (however typed)
 * on two rows: every such row is flagged, none is guessed right.
 */
export function flagDuplicates(rows: TCheckedRow[], index?: TLabelIndex): TCheckedRow[] {
  const working: TWorkingRow[] = rows.map((r) =>
    r.ok ? { rowNumber: r.rowNumber, raw: r.raw, errors: [], value: r.value, certificate: r.certificate } : { rowNumber: r.rowNumber, raw: r.raw, errors: [...r.errors], certificate: null },
  );
  for (const g of groups(working, (r) => {
    const id = normaliseIdNumber(r.raw.idNumber ?? "");
    return id && !checkIdNumber(id) ? id : null;
  })) {
    for (const i of g) addError(working[i]!.errors, { field: "idNumber", key: IMPORT_ERRORS.duplicateInFile, value: index ? shownValue("idNumber", working[i]!.raw, index) : undefined });
  }
  for (const g of groups(working, (r) => canonicalNumber(r.raw.certificateNumber ?? "") || null)) {
    for (const i of g) addError(working[i]!.errors, { field: "certificateNumber", key: IMPORT_ERRORS.duplicateCertificateInFile, value: (working[i]!.raw.certificateNumber ?? "").trim() });
  }
  return working.map((r) =>
    r.errors.length === 0 ? { rowNumber: r.rowNumber, raw: r.raw, ok: true as const, value: r.value!, certificate: r.certificate } : { rowNumber: r.rowNumber, raw: r.raw, ok: false as const, errors: r.errors },
  );
}

export function validateRows(rows: TSheetRow[], index: TLabelIndex, organizationId: string): TCheckedRow[] {
  return flagDuplicates(
    rows.map((r) => validateRow(r, index, organizationId)),
    index,
  );
}
