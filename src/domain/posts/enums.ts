// Post enums as plain arrays (checked against prisma/schema.prisma by tests/unit/workforce-enums.test.ts).
export const POST_KINDS = ["DEPARTMENT", "RATIO"] as const;
export const RATIO_BASES = ["BEDS", "STUDENTS", "PATIENTS", "RESIDENTS"] as const;

export type TPostKind = (typeof POST_KINDS)[number];
export type TRatioBasis = (typeof RATIO_BASES)[number];
