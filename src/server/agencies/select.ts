import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { namedSelect } from "@/server/select";

// An agency's columns as the views read them: lists, the profile, the public directory and the
// audit snapshot all extend the one base fragment.

/** What the public may read of any active agency: ownership, services and current rating. */
export const agencyPublicBaseSelect = {
  isPrivate: true,
  serviceAreas: true,
  rating: true,
  ratingDate: true,
} as const satisfies Prisma.OrganizationSelect;

/** The register entry as the officials' list shows it: the public base, credit code and status. */
export const agencyBaseSelect = {
  ...agencyPublicBaseSelect,
  creditCode: true,
  agencyStatus: true,
  agencyStatusSince: true,
} as const satisfies Prisma.OrganizationSelect;

/** An agency's registered particulars, contact, services, status and rating: shared by the profile page and the audit snapshot. */
export const agencyParticularsSelect = {
  ...agencyBaseSelect,
  legalRepresentative: true,
  address: true,
  foundedOn: true,
  targetGroups: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  version: true,
} satisfies Prisma.OrganizationSelect;

/** A row of the officials' agency list. */
export const agencyListSelect = { ...namedSelect, ...agencyBaseSelect, foundedOn: true, region: { select: { path: true } } } satisfies Prisma.OrganizationSelect;

/** A card of the public directory. */
export const agencyPublicListSelect = { ...namedSelect, ...agencyPublicBaseSelect, region: { select: { path: true } } } satisfies Prisma.OrganizationSelect;

/** One agency's public page: the card and the facts a citizen needs to get in touch. */
export const agencyPublicDetailSelect = { ...agencyPublicListSelect, creditCode: true, address: true, foundedOn: true, targetGroups: true, contactPhone: true } satisfies Prisma.OrganizationSelect;

/** An integrity record (commendation, warning, list entry): the profile's table, the edit form and the audit snapshot extend it. */
export const integrityRecordSelect = {
  id: true,
  kind: true,
  occurredOn: true,
  source: true,
  description: true,
  endsOn: true,
  version: true,
} satisfies Prisma.IntegrityRecordSelect;
