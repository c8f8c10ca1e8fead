// Codes of contracts, milestones, payments and staffing: full keys in the "contracts" namespace.

export type TContractsErrorCode = `contracts.errors.${
  | "notActive"
  | "milestoneNotReportable"
  | "milestoneNotReported"
  | "notAccepted"
  | "beyondMilestone"
  | "sameOfficial"
  | "notWaiting"
  | "openMilestones"
  | "finalEvaluationNotFinal"
  | "staffNotNamed"
  | "alreadyNamed"
  | "notOnRegister"}`;

export type TContractsFieldErrorCode = `contracts.validation.${"reasonRequired" | "noteRequired" | "amountPositive"}`;
