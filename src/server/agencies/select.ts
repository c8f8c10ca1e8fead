import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/** An agency's registered particulars, contact, services, status and rating: shared by the profile page and the audit snapshot. */
export const agencyParticularsSelect = {
  creditCode: true,
  agencyStatus: true,
  agencyStatusSince: true,
  isPrivate: true,
  legalRepresentative: true,
  address: true,
  foundedOn: true,
  serviceAreas: true,
  targetGroups: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  rating: true,
  ratingDate: true,
  version: true,
} satisfies Prisma.OrganizationSelect;
