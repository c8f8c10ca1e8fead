// Codes of the purchased-services calls: full keys in the "serviceCalls" namespace.

export type TServiceCallsErrorCode = `serviceCalls.errors.${
  | "notEditable"
  | "notOpen"
  | "deadlinePassed"
  | "deadlineNotPassed"
  | "notAgency"
  | "ineligible"
  | "alreadyProposed"
  | "notWithdrawable"
  | "noCriteria"
  | "deadlineInPast"
  | "notCancellable"}`;

export type TServiceCallsFieldErrorCode = `serviceCalls.validation.${
  | "wholeNumber"
  | "percent"
  | "money"
  | "endBeforeStart"
  | "deadline"
  | "deadlineAfterStart"
  | "weightsSum"
  | "criteriaCount"
  | "budgetLinesCount"
  | "staffCount"
  | "lineNotServices"
  | "notDistrict"
  | "notDepartment"
  | "departmentRequired"
  | "budgetExceeded"}`;
