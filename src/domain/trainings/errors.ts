import type { TImportFileProblem } from "@/domain/staff/errors";
// Codes of the training feature: full keys in the "trainings" namespace.
import type { TAttendanceRowErrorCode } from "./attendance-import";

export type TTrainingsErrorCode = `trainings.errors.${
  | "notProvider"
  | "noApproval"
  | "approvalRevoked"
  | "notOpen"
  | "notEditable"
  | "alreadyEnrolled"
  | "notInAudience"
  | "outOfScope"
  | "notEnrolled"
  | "notWithdrawable"
  | "sessionsIncomplete"
  | "noSessions"
  | "notClosable"
  | "sessionsNotOver"
  | "sessionHasAttendance"
  | "sessionOfOtherProgramme"
  | "attendanceClosed"
  | "attendanceBeyondLength"
  | "lineRequired"
  | "lineNotSubsidy"
  | "lineExceeded"
  | "notActive"}`
  | `trainings.import.errors.${"notPreview" | "nothingToImport" | "notFailed"}`
  | `trainings.import.fileErrors.${TImportFileProblem}`;

export type TTrainingsFieldErrorCode = `trainings.validation.${
  | "wholeNumber"
  | "percent"
  | "hours"
  | "halfHours"
  | "cpdAboveLength"
  | "endBeforeStart"
  | "subsidyAboveCost"
  | "subsidyNeedsLine"
  | "lineNotSubsidy"
  | "money"
  | "time"
  | "scopes"
  | "sessionOutsideDates"
  | "sessionsBeyondLength"
  | "validToBeforeFrom"
  | "providerRequired"
  | "nobodyChosen"
  | "tooMany"
  | "capacityBelowEnrolled"
  | "lengthNotSessions"
  | "moneyFixed"
  | "notDistrict"
  | "notProviderKind"}`
  | TAttendanceRowErrorCode;
