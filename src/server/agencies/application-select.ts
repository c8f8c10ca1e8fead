import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/** An application's particulars and state: shared by the review page and the audit snapshot. */
export const applicationParticularsSelect = {
  id: true,
  reference: true,
  status: true,
  returnedFrom: true,
  name: true,
  creditCode: true,
  legalRepresentative: true,
  address: true,
  regionPath: true,
  foundedOn: true,
  isPrivate: true,
  serviceAreas: true,
  targetGroups: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  locale: true,
  amendTokenExpiresAt: true,
  organizationId: true,
  decidedAt: true,
  version: true,
} satisfies Prisma.AgencyApplicationSelect;
