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

/**
 * The work plan's codes (plan.md): task T3's nine practice fields and goal G1's five profiles.
 * Not words: shown only beside the name where officials work with the plan (a muted label),
 * never instead of it, on public pages or in charts; the staff import also reads them.
 */
export const PRACTICE_FIELD_CODES: Record<(typeof PRACTICE_FIELDS)[number], string> = {
  PARTY_MASS: "T3.1",
  SOCIAL_ORGANIZATIONS: "T3.2",
  SCHOOLS: "T3.3",
  HOSPITALS: "T3.4",
  WELFARE_INSTITUTIONS: "T3.5",
  CIVIL_AFFAIRS: "T3.6",
  DISABILITY: "T3.7",
  FAMILY_PLANNING: "T3.8",
  MIGRANTS: "T3.9",
};
export const G1_CODES: Record<(typeof G1_FLAGS)[number], string> = { g1Msw: "G1.a", g1DeputySenior: "G1.b", g1SocialWorker: "G1.c", g1ProvincialAward: "G1.d", g1KeyPost: "G1.e" };

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
