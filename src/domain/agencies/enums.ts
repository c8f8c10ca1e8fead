// Enum values of the agency domain as plain arrays, usable in client forms and zod schemas
// without importing the Prisma client. tests/unit/workforce-enums.test.ts checks them against
// prisma/schema.prisma. Labels: messages/<locale>/enums.json.

export const AGENCY_STATUSES = ["PENDING", "ACTIVE", "SUSPENDED", "REVOKED"] as const;
export const APPLICATION_STATUSES = ["DISTRICT_REVIEW", "CITY_REVIEW", "RETURNED", "APPROVED", "REJECTED"] as const;
export const APPLICATION_DECISIONS = ["SUBMITTED", "AMENDED", "APPROVED", "REJECTED", "RETURNED"] as const;
export const INTEGRITY_KINDS = ["COMMENDATION", "WARNING", "VIOLATION", "ABNORMAL_LIST", "BLACKLIST", "EVALUATION_FAILED"] as const;
/** Integrity kinds that flag an agency while in force. */
export const FLAGGING_INTEGRITY_KINDS = ["ABNORMAL_LIST", "BLACKLIST"] as const;
export const AGENCY_RATING_LEVELS = ["A1", "A2", "A3", "A4", "A5"] as const;

export type TAgencyStatus = (typeof AGENCY_STATUSES)[number];
export type TApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type TApplicationDecision = (typeof APPLICATION_DECISIONS)[number];
export type TIntegrityKind = (typeof INTEGRITY_KINDS)[number];
export type TAgencyRatingLevel = (typeof AGENCY_RATING_LEVELS)[number];
