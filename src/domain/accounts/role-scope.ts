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
} as const;
