// Codes the registration and continuing-education workflows refuse with: form-level ones under
// "errors", field ones under "validation".
import type { TRenewalBlocker } from "./rules";

export type TRegistrationsErrorCode = TRenewalBlocker | "cannotDecideOwn" | "invalidTransition" | "noRegistration" | "registrationExists";

export type TRegistrationsFieldErrorCode = "cpdHours" | "cpdHalfHours" | "cpdHoursTooMany" | "cpdEndBeforeStart" | "registrationNumberRequired" | "registrationStartRequired" | "registrationBeforeIssue" | "settingRange";
