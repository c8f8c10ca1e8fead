// Resident ID number (GB 11643-1999): 17 digits + a check character (0-9 or X).
// Digits 7–14 are the birth date (YYYYMMDD); digit 17 is odd for men, even for women.

import { canonicalNumber } from "./canonical-number";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** As typed → as checked, hashed and stored: the rule for every typed number (a lower-case x, full-width digits, spaces, dashes). */
export function normaliseIdNumber(value: string): string {
  return canonicalNumber(value);
}

export function idNumberCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** The birth date encoded in the number, or null when it is not a real calendar date. */
export function idNumberBirthDate(id: string): Date | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(id);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900) return null;
  return date;
}

export type TIdNumberProblem = "format" | "checkDigit" | "birthDate";

/** null when valid. `today` bounds the birth date (no one is born in the future). */
export function checkIdNumber(raw: string, today = new Date()): TIdNumberProblem | null {
  const id = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return "format";
  const birth = idNumberBirthDate(id);
  if (!birth || birth.getTime() > today.getTime()) return "birthDate";
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return "checkDigit";
  return null;
}

export function idNumberGender(id: string): "MALE" | "FEMALE" | null {
  const d = Number(id[16]);
  return Number.isNaN(d) ? null : d % 2 === 1 ? "MALE" : "FEMALE";
}

/**
 * Only the last 4 characters, the rest starred: **************123X. The first 6 name the place of
 * registration (guessable from the district) and characters 7–14 are the birth date, so a mask
 * that kept them would give back all but the last four to anyone who also sees the birth date
 * (issue 10, hole 1).
 */
export function maskIdNumber(id: string): string {
  const n = normaliseIdNumber(id);
  if (n.length <= 4) return "*".repeat(n.length);
  return `${"*".repeat(n.length - 4)}${n.slice(-4)}`;
}
