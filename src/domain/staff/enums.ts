// Staff and import enums as plain arrays (checked against prisma/schema.prisma by tests/unit/workforce-enums.test.ts).
export const EMPLOYMENT_ENDS = ["LEFT", "MOVED"] as const;
export const IMPORT_STATUSES = ["PREVIEW", "QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED"] as const;
export const IMPORT_ROW_STATUSES = ["INVALID", "PENDING", "DONE"] as const;
export const IMPORT_OUTCOMES = ["CREATED", "UPDATED", "UNCHANGED"] as const;

export type TEmploymentEnd = (typeof EMPLOYMENT_ENDS)[number];
export type TImportStatus = (typeof IMPORT_STATUSES)[number];
export type TImportOutcome = (typeof IMPORT_OUTCOMES)[number];
