import { z } from "zod";
import { canonicalNumber } from "@/lib/canonical-number";

// Form fields that hold a number someone types (certificate, registration, credit code…): the
// value is turned into its canonical form (src/lib/canonical-number.ts) before any other check,
// so what is validated is what is stored and what look-ups compare.

/** Longest raw text read: separators and spaces may make it longer than the number itself. */
const MAX_RAW = 200;

/** A required typed number, at most `max` characters once canonical. */
export function ZTypedNumber(max = 64, requiredKey = "required") {
  return z.string(requiredKey).max(MAX_RAW, "tooLong").transform(canonicalNumber).pipe(z.string().max(max, "tooLong").refine((v) => v.length > 0, requiredKey));
}

/** An optional typed number: blank (or only separators) gives undefined. */
export function ZOptionalTypedNumber(max = 64) {
  return z.preprocess(
    (v) => (typeof v === "string" ? canonicalNumber(v.slice(0, MAX_RAW + 1)) || undefined : v === null ? undefined : v),
    z.string().max(max, "tooLong").optional(),
  );
}
