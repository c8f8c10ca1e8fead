// The training feature's enum values as plain arrays, usable in client forms and zod schemas
// without the Prisma client. tests/unit/training-rules.test.ts checks them against prisma/schema.prisma.

export const TRAINING_KINDS = ["PROFESSIONAL", "ROTATION", "SEMINAR", "EXAM_PREPARATION", "INDUCTION"] as const;
export type TTrainingKind = (typeof TRAINING_KINDS)[number];

/** What a commissioned provider may teach (委托具有培训资质的专业机构): the scope of an approval and of a programme. */
export const TRAINING_SCOPES = ["THEORY", "PRACTICE", "EXAM_PREPARATION"] as const;
export type TTrainingScope = (typeof TRAINING_SCOPES)[number];

export const TRAINING_STATUSES = ["DRAFT", "PUBLISHED", "CANCELLED", "CLOSED"] as const;
export type TTrainingStatus = (typeof TRAINING_STATUSES)[number];

export const ENROLMENT_STATUSES = ["ENROLLED", "WAITLISTED", "WITHDRAWN", "COMPLETED", "NOT_COMPLETED"] as const;
export type TEnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** Who a programme is for: the P1 department types (of the employer or its supervising department). */
export const AUDIENCE_DEPARTMENT_TYPES = [
  "CIVIL_AFFAIRS",
  "EDUCATION",
  "CULTURE",
  "HEALTH",
  "LABOUR",
  "PETITIONS",
  "POPULATION_FAMILY_PLANNING",
  "PUBLIC_SECURITY",
  "JUSTICE",
  "TRADE_UNION",
  "YOUTH_LEAGUE",
  "WOMENS_FEDERATION",
  "DISABLED_PERSONS_FEDERATION",
] as const;
export type TDepartmentType = (typeof AUDIENCE_DEPARTMENT_TYPES)[number];

/** Employers' kinds a programme may be limited to (those that employ practitioners). */
export const AUDIENCE_ORGANIZATION_KINDS = ["GOVERNMENT_DEPARTMENT", "AGENCY", "WELFARE_INSTITUTION", "SCHOOL", "HOSPITAL", "COMMUNITY", "PARTY_SERVICE_CENTER", "PUBLIC_WELFARE_ORG"] as const;
export type TAudienceOrganizationKind = (typeof AUDIENCE_ORGANIZATION_KINDS)[number];
