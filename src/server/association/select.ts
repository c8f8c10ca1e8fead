import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/** A membership's number, dates and state: the member list and the audit snapshot extend it. */
export const membershipBaseSelect = {
  id: true,
  memberType: true,
  memberNumber: true,
  joinedOn: true,
  status: true,
  endedOn: true,
  note: true,
  version: true,
} satisfies Prisma.AssociationMembershipSelect;

/** What the audit log keeps: the membership and whom it belongs to. */
export const membershipAuditSelect = { ...membershipBaseSelect, organizationId: true, practitionerId: true } satisfies Prisma.AssociationMembershipSelect;
