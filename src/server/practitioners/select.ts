import "server-only";
import type { Prisma } from "@/generated/prisma/client";

// The practitioner's columns as the views read them. Each view extends the base fragment with
// what it shows, so a column added to the register is added here once.

/** Who the practitioner is and who employs them: every view names these. */
export const practitionerBaseSelect = {
  id: true,
  name: true,
  gender: true,
  idNumberMasked: true,
  organizationId: true,
} as const satisfies Prisma.PractitionerSelect;

/** How they entered the register and where they stand now. */
const standingSelect = {
  entryPath: true,
  entryDate: true,
  status: true,
  statusSince: true,
} as const satisfies Prisma.PractitionerSelect;

/** The profile without contact details (the export leaves phone and e-mail out). */
const profileSelect = {
  birthDate: true,
  degree: true,
  major: true,
  professionalTitle: true,
  employmentType: true,
  practiceFields: true,
  targetGroups: true,
  talentTrack: true,
} as const satisfies Prisma.PractitionerSelect;

/** The rest of what the register form edits: contact, degree details, hire date, key post. */
const formExtrasSelect = {
  phone: true,
  email: true,
  degreeInstitution: true,
  degreeYear: true,
  hireDate: true,
  keyPost: true,
} as const satisfies Prisma.PractitionerSelect;

/** Whether the person counts as a qualified social worker, since when, at which level. */
export const qualificationSelect = {
  isQualified: true,
  qualifiedSince: true,
  qualificationLevel: true,
} as const satisfies Prisma.PractitionerSelect;

/** The columns recomputePractitioner derives: select these wherever "does this person count" is shown. */
export const derivedFactsSelect = {
  ...qualificationSelect,
  g1Msw: true,
  g1DeputySenior: true,
  g1SocialWorker: true,
  g1ProvincialAward: true,
  g1KeyPost: true,
  registrationEnd: true,
} as const satisfies Prisma.PractitionerSelect;

/** A row of the register list. */
export const practitionerListSelect = {
  ...practitionerBaseSelect,
  regionPath: true,
  entryPath: true,
  entryDate: true,
  status: true,
  ...qualificationSelect,
  registrationEnd: true,
  updatedAt: true,
} as const satisfies Prisma.PractitionerSelect;

/** The profile page and the edit form (relations added by the query). */
export const practitionerDetailSelect = {
  ...practitionerBaseSelect,
  ...profileSelect,
  ...formExtrasSelect,
  ...standingSelect,
  ...derivedFactsSelect,
  regionPath: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.PractitionerSelect;

/** A row of the Excel export: masked ID number, no phone or e-mail. */
export const practitionerExportSelect = {
  ...practitionerBaseSelect,
  ...profileSelect,
  ...standingSelect,
  ...derivedFactsSelect,
  regionPath: true,
} as const satisfies Prisma.PractitionerSelect;

/** What the audit log keeps of a practitioner: no ciphertext, no hash; the ID number only masked. */
export const practitionerAuditSelect = {
  ...practitionerBaseSelect,
  ...profileSelect,
  ...formExtrasSelect,
  ...standingSelect,
  ...qualificationSelect,
  regionId: true,
  version: true,
} as const satisfies Prisma.PractitionerSelect;

/** What the staff import compares to decide UPDATED vs UNCHANGED: the profile the file carries, found by its hash. */
export const practitionerImportCompareSelect = {
  ...practitionerBaseSelect,
  ...profileSelect,
  phone: true,
  email: true,
  degreeInstitution: true,
  degreeYear: true,
  hireDate: true,
  idNumberHash: true,
} as const satisfies Prisma.PractitionerSelect;
