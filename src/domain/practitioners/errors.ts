import type { TIdNumberProblem } from "@/lib/id-number";

// Codes the practitioner register refuses with: form-level ones under "errors", field ones under
// "validation" (the form's own on-blur ID check uses the same idNumber_* codes).

export type TPractitionersErrorCode = "noIdNumber" | "revealLimit";

/** Full ID numbers one user may reveal in an hour; beyond it reveals are refused and the city is alerted. */
export const REVEALS_PER_HOUR = 20;

export type TIdNumberProblemCode = `idNumber_${TIdNumberProblem}`;

export type TPractitionersFieldErrorCode =
  | TIdNumberProblemCode
  | "idNumber_age"
  | "idNumberTaken"
  | "idNumberNotHere"
  | "birthDateMismatch"
  | "genderMismatch"
  | "birthDateRange"
  | "underWorkingAge";
