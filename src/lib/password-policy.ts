import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

export type TPasswordProblem = "tooShort" | "tooLong" | "common" | "containsEmail";

/**
 * OWASP ASVS 2.1: length over composition rules, and no passwords known from breaches.
 * Also refuses the account's own e-mail name, the first thing an attacker tries.
 */
export function checkPassword(password: string, email?: string): TPasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "tooLong";
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "common";
  // A common password padded with digits or repeated ("password1234", "qwertyqwerty").
  const stripped = lower.replace(/[\d\W_]+$/u, "");
  if (stripped.length >= 4 && COMMON.has(stripped)) return "common";
  if (/^(.)\1+$/u.test(lower)) return "common";
  const half = lower.slice(0, lower.length / 2);
  if (lower.length % 2 === 0 && half + half === lower && COMMON.has(half)) return "common";
  const name = email?.split("@")[0]?.toLowerCase();
  if (name && name.length >= 4 && lower.includes(name)) return "containsEmail";
  return null;
}
