// Enumerations of purchased-service contracts, in the order pages list them.

export const SERVICE_PROJECT_TYPES = ["ELDER_CARE", "WELFARE_INSTITUTION", "COMMUNITY", "JUDICIAL_ASSISTANCE", "FAMILY_PLANNING", "BEHAVIOUR_CORRECTION", "OTHER"] as const;
export type TServiceProjectType = (typeof SERVICE_PROJECT_TYPES)[number];

export const CONTRACT_STATUSES = ["ACTIVE", "CLOSED", "TERMINATED"] as const;
export type TContractStatus = (typeof CONTRACT_STATUSES)[number];

export const MILESTONE_STATUSES = ["PENDING", "REPORTED", "ACCEPTED", "RETURNED"] as const;
export type TMilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const DISBURSEMENT_STATUSES = ["REQUESTED", "PAID", "REFUSED"] as const;
export type TDisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];

/** Why a named person does not count toward the contract's staffing now. */
export const SHORTFALL_REASONS = ["LEFT_AGENCY", "REGISTRATION_LAPSED", "NOT_QUALIFIED"] as const;
export type TShortfallReason = (typeof SHORTFALL_REASONS)[number];
