// The words of third-party evaluation as the forms and filters carry them (the schema's enums).

export const EVALUATION_KINDS = ["PROJECT_MIDTERM", "PROJECT_FINAL", "AGENCY_GRADING", "PERSONAL_APPRAISAL"] as const;
export type TEvaluationKind = (typeof EVALUATION_KINDS)[number];

export const EVALUATION_STATUSES = ["ASSIGNED", "SCORING", "SCORED", "PUBLISHED", "UNDER_APPEAL", "FINAL", "CANCELLED"] as const;
export type TEvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** While the panel forms or scores: scorers may be added, declare a conflict and score. */
export const PANEL_OPEN_STATUSES: readonly TEvaluationStatus[] = ["ASSIGNED", "SCORING"];

/** A project's evaluations name a contract; an agency grading an agency; an appraisal a practitioner and a track. */
export const isProjectKind = (kind: TEvaluationKind) => kind === "PROJECT_MIDTERM" || kind === "PROJECT_FINAL";

export const MAX_CRITERIA = 20;
