// The register's enum values as plain arrays, usable in client forms and zod schemas without
// importing the Prisma client. tests/unit/practitioner-schemas.test.ts checks them against
// prisma/schema.prisma.

export const GENDERS = ["MALE", "FEMALE"] as const;
export const DEGREES = ["NONE", "ASSOCIATE", "BACHELOR", "MASTER", "DOCTORATE"] as const;
export const MAJORS = ["SOCIAL_WORK", "OTHER"] as const;
export const PROFESSIONAL_TITLES = ["NONE", "JUNIOR", "INTERMEDIATE", "DEPUTY_SENIOR", "SENIOR"] as const;
export const EMPLOYMENT_TYPES = ["AGENCY_STAFF", "CIVIL_SERVANT", "PUBLIC_INSTITUTION", "COMMUNITY_WORKER", "OTHER"] as const;
export const PRACTICE_FIELDS = [
  "PARTY_MASS",
  "SOCIAL_ORGANIZATIONS",
  "SCHOOLS",
  "HOSPITALS",
  "WELFARE_INSTITUTIONS",
  "CIVIL_AFFAIRS",
  "DISABILITY",
  "FAMILY_PLANNING",
  "MIGRANTS",
] as const;
export const TARGET_GROUPS = ["CHILDREN", "YOUTH", "ELDERLY", "WOMEN", "DISABLED", "MIGRANTS", "FAMILIES", "OTHER"] as const;
export const TALENT_TRACKS = ["FRONTLINE", "PROJECT_OPERATION", "SUPERVISION", "AGENCY_MANAGEMENT"] as const;
export const ENTRY_PATHS = ["BASELINE", "RECRUITED", "CULTIVATED"] as const;
export const PRACTITIONER_STATUSES = ["ACTIVE", "LEFT", "RETIRED"] as const;
export const AWARD_LEVELS = ["PROVINCIAL_OR_ABOVE", "MUNICIPAL", "OTHER"] as const;
export const QUALIFICATION_LEVELS = ["NONE", "DEGREE", "ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"] as const;
export const G1_FLAGS = ["g1Msw", "g1DeputySenior", "g1SocialWorker", "g1ProvincialAward", "g1KeyPost"] as const;

export type TGender = (typeof GENDERS)[number];
export type TDegree = (typeof DEGREES)[number];
export type TPracticeField = (typeof PRACTICE_FIELDS)[number];
export type TTargetGroup = (typeof TARGET_GROUPS)[number];
export type TEntryPath = (typeof ENTRY_PATHS)[number];
export type TPractitionerStatus = (typeof PRACTITIONER_STATUSES)[number];
export type TQualificationLevel = (typeof QUALIFICATION_LEVELS)[number];
export type TG1Flag = (typeof G1_FLAGS)[number];

/** Sort keys of the register list (URL ?sort=). */
export const LIST_SORTS = ["name", "qualifiedSince", "entryDate", "updatedAt"] as const;
export type TListSort = (typeof LIST_SORTS)[number];
