import type { TImportFileProblem } from "@/domain/staff/errors";
import type { TExamRowErrorCode } from "./import";

// Codes the exam pipeline refuses with: full keys in the "exams" namespace.

export type TExamsErrorCode =
  | `exams.errors.${"noPractitionerRecord" | "officialEntry" | "importNotAllowed"}`
  | `exams.import.errors.${"notPreview" | "nothingToImport"}`
  | `exams.import.fileErrors.${TImportFileProblem}`;

export type TExamsFieldErrorCode =
  | `exams.validation.${"yearTooEarly" | "yearInFuture" | "tooYoung" | "level" | "result" | "duplicate" | "practitionerRequired" | "practitionerNotFound"}`
  | TExamRowErrorCode;
