// Kept apart from schemas.ts so that client components can use it without pulling in the
// password-policy word list.
/** Role-dependent scope: which anchor each role needs. */
export const ROLE_SCOPE_FIELD = {
  CITY_ADMIN: null,
  DISTRICT_OFFICER: "regionId",
  DEPARTMENT_OFFICER: "organizationId",
  AGENCY_ADMIN: "organizationId",
  PRACTITIONER: "practitionerId",
  EVALUATOR: "organizationId",
  TRAINING_PROVIDER: "organizationId",
  /** An external expert's scope is the calls they are assigned to (PanelMember), not an anchor. */
  EXPERT: null,
} as const;

/**
 * How a role's scope reads when it is not a named region or organisation: the whole city (no
 * anchor), the calls assigned to an expert, or the practitioner themself (catalogue keys under home.*).
 */
export function scopeWordsKey(role: keyof typeof ROLE_SCOPE_FIELD): "home.assignedCalls" | "home.wholeCity" | "home.yourself" {
  if (role === "EXPERT") return "home.assignedCalls";
  return ROLE_SCOPE_FIELD[role] === "practitionerId" ? "home.yourself" : "home.wholeCity";
}

/** The kind of organisation a role is anchored to, for roles whose scope is an organisation. */
export const ROLE_ORGANIZATION_KIND = {
  DEPARTMENT_OFFICER: "GOVERNMENT_DEPARTMENT",
  AGENCY_ADMIN: "AGENCY",
  EVALUATOR: "EVALUATION_BODY",
  TRAINING_PROVIDER: "TRAINING_PROVIDER",
} as const;
export type TOrganizationRole = keyof typeof ROLE_ORGANIZATION_KIND;

export function isOrganizationRole(role: string): role is TOrganizationRole {
  return Object.prototype.hasOwnProperty.call(ROLE_ORGANIZATION_KIND, role);
}
