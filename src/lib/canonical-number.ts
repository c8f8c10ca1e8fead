// The one rule for numbers people type: certificate and registration numbers, unified social
// credit codes, resident ID numbers, application references. People copy them from paper and
// screens with whatever their keyboard gives: lower case, full-width characters (全角, an IME's
// default), spaces (also the ideographic space U+3000), dashes, dots, slashes, middle dots.
// None of these tell two numbers apart, so the canonical form drops them all: it is what is
// stored, and what every look-up compares. A false "not found" is the worst answer an employer
// can get from the register.

/**
 * The canonical form of a typed number: NFKC (folds full-width letters and digits, ideographic
 * space, circled digits…), upper case, and only letters and digits kept (whitespace, dashes of
 * every kind, underscores, dots, slashes, middle dots, quotes, brackets and the like are dropped).
 * Letters beyond Latin (e.g. a Chinese prefix) are kept.
 */
export function canonicalNumber(input: string): string {
  return input.normalize("NFKC").toUpperCase().replace(/[^\p{L}\p{N}]+/gu, "");
}
