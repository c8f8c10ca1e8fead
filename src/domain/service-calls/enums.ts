// Purchased services (plan.md T5): the project types, and where calls and proposals stand.

export const SERVICE_PROJECT_TYPES = ["ELDER_CARE", "WELFARE_INSTITUTION", "COMMUNITY", "JUDICIAL_ASSISTANCE", "FAMILY_PLANNING", "BEHAVIOUR_CORRECTION", "OTHER"] as const;
export type TServiceProjectType = (typeof SERVICE_PROJECT_TYPES)[number];

export const CALL_STATUSES = ["DRAFT", "OPEN", "CLOSED", "SELECTED", "CANCELLED"] as const;
export type TCallStatus = (typeof CALL_STATUSES)[number];

export const PROPOSAL_STATUSES = ["SUBMITTED", "WITHDRAWN", "INELIGIBLE", "SELECTED", "NOT_SELECTED"] as const;
export type TProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Levels that mean a verified qualification certificate (助理社会工作师 and up). */
export const QUALIFIED_LEVELS = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"] as const;
