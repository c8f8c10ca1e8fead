import type { TIdNumberProblem } from "@/lib/id-number";

// Codes the practitioner register refuses with: form-level ones under "errors", field ones under
// "validation" (the form's own on-blur ID check uses the same idNumber_* codes).

export type TPractitionersErrorCode = "noIdNumber";

export type TIdNumberProblemCode = `idNumber_${TIdNumberProblem}`;

export type TPractitionersFieldErrorCode = TIdNumberProblemCode | "idNumberTaken" | "idNumberNotHere" | "birthDateMismatch" | "genderMismatch" | "dateBeforeBirth";
