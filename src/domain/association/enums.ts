// Association enums as plain arrays (checked against prisma/schema.prisma by tests/unit/workforce-enums.test.ts).
export const MEMBER_TYPES = ["AGENCY", "PRACTITIONER"] as const;
export const MEMBERSHIP_STATUSES = ["ACTIVE", "SUSPENDED", "ENDED"] as const;

export type TMemberType = (typeof MEMBER_TYPES)[number];
export type TMembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
