// Which profile fields each role may edit (agencies.updateProfile). The agency's own administrator
// keeps its contact details and service areas up to date; officials may also correct the
// registered particulars. The mutation applies only these fields, whatever a request carries.
import { scopeOf, type TRole } from "@/domain/authz/matrix";

export const AGENCY_CONTACT_FIELDS = ["contactName", "contactPhone", "contactEmail", "serviceAreas", "targetGroups"] as const;
export const AGENCY_PARTICULAR_FIELDS = ["name", "legalRepresentative", "address", "foundedOn", "isPrivate"] as const;
export const AGENCY_PROFILE_FIELDS = [...AGENCY_PARTICULAR_FIELDS, ...AGENCY_CONTACT_FIELDS] as const;
export type TAgencyProfileField = (typeof AGENCY_PROFILE_FIELDS)[number];

export function editableProfileFields(role: TRole | string): readonly TAgencyProfileField[] {
  switch (scopeOf(role, "agencies.updateProfile")) {
    case "city":
    case "district":
      return AGENCY_PROFILE_FIELDS;
    case "organization":
      return AGENCY_CONTACT_FIELDS;
    default:
      return [];
  }
}

export function mayEditParticulars(role: TRole | string): boolean {
  return editableProfileFields(role).includes("name");
}
