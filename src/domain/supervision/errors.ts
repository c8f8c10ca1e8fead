// Codes the supervision workflows refuse with: full keys in the "supervision" namespace.

export type TSupervisionErrorCode = `supervision.errors.${
  | "notSupervisor"
  | "notSupervisee"
  | "notLogged"
  | "alreadyEnded"
  | "noPractitionerRecord"}`;

export type TSupervisionFieldErrorCode = `supervision.validation.${
  | "supervisorNotFound"
  | "superviseeNotFound"
  | "supervisorNotEligible"
  | "supervisorAtCap"
  | "selfSupervision"
  | "pairExists"
  | "superviseeNotActive"
  | "pairNotFound"
  | "sessionOutsidePair"
  | "sessionTooLong"
  | "endBeforeStart"
  | "sessionsAfterEnd"
  | "alreadyApproved"
  | "approvalNotFound"}`;
