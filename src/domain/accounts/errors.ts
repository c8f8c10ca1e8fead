import type { TPasswordProblem } from "@/lib/password-policy";

// Codes the accounts domain refuses with. Form-level codes are keys under "errors"; field codes
// (from DomainError and the accounts schemas) are keys under "validation".

export type TAccountsErrorCode = "cannotDisableSelf" | "tokenInvalid" | "signInFailed" | "signInThrottled";

export type TPasswordProblemCode = `password_${TPasswordProblem}`;

export type TAccountsFieldErrorCode =
  | "invalidScope"
  | "practitionerHasAccount"
  | "emailTaken"
  | "cannotChangeOwnRole"
  | "wrongCurrentPassword"
  | "passwordTooLong"
  | "passwordMismatch"
  | "passwordUnchanged"
  | TPasswordProblemCode;
