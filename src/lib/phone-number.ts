// Mainland China phone numbers as people type them → one canonical form, or null.
//   Mobile: 11 digits 1[3-9]…, optionally after +86 / 0086 / 86 → "13912345678".
//   Landline: area code 0XX (010, 02X: eight-digit numbers) or 0XXX (seven or eight digits), the
//   local number not starting with 0, an optional extension (-123, 转123, ext. 123, x123);
//   +86 / 0086 may stand for the area code's 0 → "010-66660000", "0755-1234567-123".
// Spaces, dashes, dots and brackets between digits are dropped; full-width characters count as
// their ASCII forms (a Chinese input method types "１３９").

const MOBILE = /^1[3-9]\d{9}$/;
const EXTENSION = /^(.*?)\s*(?:转|轉|分机|分機|ext\.?|x|#)\s*(\d{1,6})$/i;

/** A landline's digits (without extension) as "0AA-NNNNNNNN" / "0AAA-NNNNNNN(N)", or null. */
function landline(digits: string): string | null {
  const short = /^(0(?:10|2\d))([1-9]\d{7})$/.exec(digits);
  if (short) return `${short[1]}-${short[2]}`;
  const long = /^(0[3-9]\d{2})([1-9]\d{6,7})$/.exec(digits);
  return long ? `${long[1]}-${long[2]}` : null;
}

/** Digits of a number typed with separators; `international` when it began with +86 or 0086. */
function digitsOf(text: string): { digits: string; international: boolean } | null {
  const compact = text.replace(/[\s().\-]/g, "");
  const m = /^(\+86|0086)?(\d+)$/.exec(compact);
  if (!m) return null;
  return { digits: m[2]!, international: !!m[1] };
}

function withoutExtension(text: string): string | null {
  const parts = digitsOf(text);
  if (!parts) return null;
  const { digits, international } = parts;
  if (MOBILE.test(digits)) return digits;
  if (/^861[3-9]\d{9}$/.test(digits) && !international) return digits.slice(2);
  if (international) return landline(digits.startsWith("0") ? digits : `0${digits}`);
  return landline(digits);
}

export function normalisePhoneNumber(raw: string): string | null {
  const text = raw.normalize("NFKC").trim();
  if (!text || text.length > 40) return null;
  const whole = withoutExtension(text);
  if (whole) return whole;
  // An extension after a word (转, ext.) or after the last dash of a landline.
  const worded = EXTENSION.exec(text);
  if (worded) {
    const main = withoutExtension(worded[1]!);
    return main && !MOBILE.test(main) ? `${main}-${worded[2]}` : null;
  }
  const dashed = /^(.*\d)\s*-\s*(\d{1,6})$/.exec(text);
  if (dashed) {
    const main = withoutExtension(dashed[1]!);
    return main && !MOBILE.test(main) ? `${main}-${dashed[2]}` : null;
  }
  return null;
}
