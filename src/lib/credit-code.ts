import { canonicalNumber } from "./canonical-number";

// Unified social credit code (GB 32100-2015): 18 characters from a 31-symbol alphabet
// (no I, O, Z, S, V); the last is a check character over the first 17.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check]!;
}

/** Whether a code as typed (any case, width, spacing or dashes) is a valid code. */
export function isValidCreditCode(code: string): boolean {
  const c = canonicalNumber(code);
  return c.length === 18 && creditCodeCheckChar(c.slice(0, 17)) === c[17];
}
