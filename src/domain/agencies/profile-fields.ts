// Which profile fields each role may edit (agencies.updateProfile). The agency's own administrator
// keeps its contact details and service areas up to date; officials may also correct the
// registered particulars. The mutation applies only these fields, whatever a request carries.
import { can, type TRole } from "@/domain/authz/matrix";

export const AGENCY_CONTACT_FIELDS = ["contactName", "contactPhone", "contactEmail", "serviceAreas", "targetGroups"] as const;
export const AGENCY_PARTICULAR_FIELDS = ["name", "legalRepresentative", "address", "foundedOn", "isPrivate"] as const;
export const AGENCY_PROFILE_FIELDS = [...AGENCY_PARTICULAR_FIELDS, ...AGENCY_CONTACT_FIELDS] as const;
export type TAgencyProfileField = (typeof AGENCY_PROFILE_FIELDS)[number];

export function editableProfileFields(role: TRole | string): readonly TAgencyProfileField[] {
  if (!can({ role: role as TRole }, "agencies.updateProfile")) return [];
  return mayEditParticulars(role) ? AGENCY_PROFILE_FIELDS : AGENCY_CONTACT_FIELDS;
}

export function mayEditParticulars(role: TRole | string): boolean {
  return can({ role: role as TRole }, "agencies.updateProfile") && can({ role: role as TRole }, "agencies.updateParticulars");
}
