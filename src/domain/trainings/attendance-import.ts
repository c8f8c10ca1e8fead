// The attendance import's spreadsheet (issue 12 §1): one row per participant and session — the
// programme's reference, the session's number, the participant (by the participant number shown on
// the attendance list, or by name and phone) and present yes/no in any of the three languages.
// Pure: the columns, the headers in every language, and one row's checks.
import { normaliseLabel } from "@/domain/staff/import-columns";
import { normalisePhoneNumber } from "@/lib/phone-number";
import { normaliseTrainingReference, parsePresent } from "./rules";

export const ATTENDANCE_FIELDS = ["reference", "session", "number", "name", "phone", "present"] as const;
export type TAttendanceField = (typeof ATTENDANCE_FIELDS)[number];
export const ATTENDANCE_REQUIRED: readonly TAttendanceField[] = ["reference", "session", "present"];

export type TAttendanceRowErrorCode = `trainings.import.rowErrors.${
  | "reference"
  | "session"
  | "participant"
  | "present"
  | "programmeNotFound"
  | "notRunning"
  | "sessionNotFound"
  | "participantNotFound"
  | "participantMismatch"
  | "ambiguous"
  | "notEnrolled"
  | "duplicate"}`;

export type TAttendanceRowError = { field: TAttendanceField; key: TAttendanceRowErrorCode };

const E = (key: string) => `trainings.import.rowErrors.${key}` as TAttendanceRowErrorCode;

type TCatalogue = Record<string, unknown>;
const get = (obj: unknown, path: string): unknown => path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as TCatalogue)[k] : undefined), obj);

/** Header text (any language, or the field's code) → field. */
export function attendanceHeaders(catalogues: TCatalogue[]): { headers: Map<string, string> } {
  const headers = new Map<string, string>();
  for (const f of ATTENDANCE_FIELDS) {
    headers.set(normaliseLabel(f), f);
    for (const cat of catalogues) {
      const label = get(cat, `trainings.import.columns.${f}`);
      if (typeof label === "string") headers.set(normaliseLabel(label), f);
    }
  }
  return { headers };
}

/** A row as read: who and what it marks, before the look-ups. */
export type TAttendanceRowValue = { reference: string; session: number; number: number | null; name: string; phone: string | null; present: boolean };

export type TAttendanceChecked = { rowNumber: number; raw: Record<string, string>; ok: true; value: TAttendanceRowValue } | { rowNumber: number; raw: Record<string, string>; ok: false; errors: TAttendanceRowError[] };

const whole = (text: string): number | null => {
  const t = text.normalize("NFKC").trim();
  return /^\d{1,6}$/.test(t) && Number(t) > 0 ? Number(t) : null;
};

/** One row's own checks: a reference, a session number, a participant (number, or name and phone), present yes/no. */
export function checkAttendanceRow(rowNumber: number, raw: Record<string, string>): TAttendanceChecked {
  const errors: TAttendanceRowError[] = [];
  const reference = normaliseTrainingReference(raw.reference ?? "");
  if (!reference) errors.push({ field: "reference", key: E("reference") });
  const session = whole(raw.session ?? "");
  if (session === null) errors.push({ field: "session", key: E("session") });
  const numberText = (raw.number ?? "").trim();
  const number = numberText ? whole(numberText) : null;
  const name = (raw.name ?? "").trim();
  const phone = raw.phone?.trim() ? normalisePhoneNumber(raw.phone) : null;
  if (numberText && number === null) errors.push({ field: "number", key: E("participant") });
  else if (!numberText && (!name || !phone)) errors.push({ field: (raw.phone ?? "").trim() && !phone ? "phone" : "number", key: E("participant") });
  const present = parsePresent(raw.present ?? "");
  if (present === null) errors.push({ field: "present", key: E("present") });
  if (errors.length) return { rowNumber, raw, ok: false, errors };
  return { rowNumber, raw, ok: true, value: { reference: reference!, session: session!, number, name, phone, present: present! } };
}
