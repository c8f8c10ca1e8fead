// Codes of spot checks: full keys in the "spotChecks" namespace.

export type TSpotChecksErrorCode = `spotChecks.errors.${"emptyPopulation"}`;

export type TSpotChecksFieldErrorCode = `spotChecks.validation.${"periodOrder" | "percentBelowSetting" | "percentRange" | "notEvaluationBody" | "noteRequired" | "seedFormat"}`;
