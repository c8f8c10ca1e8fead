// Codes of the agency profile, integrity records and the access applications. They are full keys
// in the feature namespaces ("agencies.errors.…", "agencyApplications.validation.…").

export type TAgenciesErrorCode =
  | `agencies.errors.${"invalidStatusTransition" | "alreadyEnded"}`
  | `agencyApplications.errors.${"alreadyDecided" | "adminEmailTaken" | "creditCodeRegistered" | "rateLimited" | "emailCodeRateLimited" | "amendLinkInvalid" | "statusNotFound" | "statusRateLimited"}`;

export type TRegistrationScanProblemCode = `agencyApplications.validation.${"registrationScanRequired" | "registrationScanTooLarge" | "registrationScanType"}`;

export type TAgenciesFieldErrorCode =
  | "serviceAreasRequired"
  | "agencies.validation.endsBeforeOccurred"
  | TRegistrationScanProblemCode
  | `agencyApplications.validation.${
      | "creditCodeFormat"
      | "creditCodeCheck"
      | "creditCodeRegistered"
      | "creditCodePending"
      | "districtRequired"
      | "reasonRequired"
      | "tokenInvalid"
      | "emailCodeFormat"
      | "emailCodeRequired"
      | "emailCodeWrong"
      | "emailCodeMissing"
      | "commentForCityNotAllowed"
      | "referenceFormat"}`;
