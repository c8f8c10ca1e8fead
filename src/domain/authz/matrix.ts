// The one permission matrix: for each action, which roles may perform it and over
// what scope. Anything not listed is denied. Read by server checks, scope filters and
// the navigation alike, so the UI never offers what the server would refuse.

export const ROLES = [
  "CITY_ADMIN",
  "DISTRICT_OFFICER",
  "DEPARTMENT_OFFICER",
  "AGENCY_ADMIN",
  "PRACTITIONER",
  "EVALUATOR",
  "TRAINING_PROVIDER",
  "EXPERT",
] as const;
export type TRole = (typeof ROLES)[number];

/**
 * city: anything in the city · district: inside the caller's district ·
 * department: the caller's government department and the organisations it supervises (主管部门:
 * the education bureau its schools, the health commission its hospitals, civil affairs its
 * welfare institutions) ·
 * organization: the caller's own department / agency / evaluation body / training provider ·
 * self: records about the caller themselves.
 */
export type TScope = "city" | "district" | "department" | "organization" | "self";

const ALL_SELF = {
  CITY_ADMIN: "self",
  DISTRICT_OFFICER: "self",
  DEPARTMENT_OFFICER: "self",
  AGENCY_ADMIN: "self",
  PRACTITIONER: "self",
  EVALUATOR: "self",
  TRAINING_PROVIDER: "self",
  EXPERT: "self",
} as const satisfies Record<TRole, TScope>;

export const PERMISSIONS = {
  "account.read": ALL_SELF,
  "account.changePassword": ALL_SELF,
  "account.updatePreferences": ALL_SELF,
  "users.read": { CITY_ADMIN: "city" },
  "users.create": { CITY_ADMIN: "city" },
  "users.update": { CITY_ADMIN: "city" },
  "users.disable": { CITY_ADMIN: "city" },
  "users.resetPassword": { CITY_ADMIN: "city" },
  "audit.read": { CITY_ADMIN: "city" },
  "outbox.read": { CITY_ADMIN: "city" },
  "organizations.read": {
    CITY_ADMIN: "city",
    DISTRICT_OFFICER: "district",
    DEPARTMENT_OFFICER: "department",
    AGENCY_ADMIN: "organization",
    EVALUATOR: "organization",
  },
  "regions.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },
  /** Which government department supervises an organisation (主管部门): it widens that department's officers' scope. */
  "organizations.setSupervisingDepartment": { CITY_ADMIN: "city" },

  // Practitioner register (plan.md T1, G1–G2).
  "practitioners.read": {
    CITY_ADMIN: "city",
    DISTRICT_OFFICER: "district",
    DEPARTMENT_OFFICER: "department",
    AGENCY_ADMIN: "organization",
    PRACTITIONER: "self",
  },
  "practitioners.create": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", AGENCY_ADMIN: "organization" },
  /** Practitioners may edit only their contact details; the mutation enforces which fields. */
  "practitioners.update": {
    CITY_ADMIN: "city",
    DISTRICT_OFFICER: "district",
    DEPARTMENT_OFFICER: "organization",
    AGENCY_ADMIN: "organization",
    PRACTITIONER: "self",
  },
  /** Status (active / left / retired) and entry path: never the practitioner themselves. */
  "practitioners.changeStatus": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", AGENCY_ADMIN: "organization" },
  /** The G1.e key-post flag (plan.md G1): officials set it, agencies and practitioners may not. */
  "practitioners.setKeyPost": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "organization" },
  /**
   * Choose a practitioner's employer from a list. Without it (an agency administrator) the
   * employer is fixed: their own agency for new staff, the current one on edit.
   */
  "practitioners.chooseEmployer": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "organization" },
  "practitioners.revealIdNumber": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },
  "practitioners.export": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization" },
  "credentials.read": {
    CITY_ADMIN: "city",
    DISTRICT_OFFICER: "district",
    DEPARTMENT_OFFICER: "department",
    AGENCY_ADMIN: "organization",
    PRACTITIONER: "self",
  },
  "credentials.submit": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", AGENCY_ADMIN: "organization", PRACTITIONER: "self" },
  /** Verify or reject; rules.ts also refuses anyone verifying a credential of their own. */
  "credentials.verify": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },
  "credentials.revoke": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },

  // Registration (登记) and the continuing-education ledger (T1): read like credentials.
  "registrations.read": {
    CITY_ADMIN: "city",
    DISTRICT_OFFICER: "district",
    DEPARTMENT_OFFICER: "department",
    AGENCY_ADMIN: "organization",
    PRACTITIONER: "self",
  },
  /** External hours with proof: by the practitioner, their agency, or an official in scope. */
  "cpd.submit": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", AGENCY_ADMIN: "organization", PRACTITIONER: "self" },
  /** Verify or reject hours, in the credentials' queue; nobody decides on their own entry. */
  "cpd.verify": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },
  "registrations.requestRenewal": { AGENCY_ADMIN: "organization", PRACTITIONER: "self" },
  /** Record the registration of a verified certificate that has none on file (from the registration authority's records). */
  "registrations.record": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },
  "registrations.verifyRenewal": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },
  /** Each user's own notification centre. */
  "notifications.read": ALL_SELF,

  // Agencies: the access system (T1), profile, integrity (T4), the association (T6).
  /** Agency profiles and the officials' agency list; an agency administrator sees their own. */
  "agencies.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", AGENCY_ADMIN: "organization" },
  /** Contact details and service areas; officials may also correct the registered particulars. */
  "agencies.updateProfile": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", AGENCY_ADMIN: "organization" },
  /** The registered particulars (name, legal representative, address, founding date, private): officials only. */
  "agencies.updateParticulars": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },
  /** Suspend, revoke or reinstate an agency. */
  "agencies.changeStatus": { CITY_ADMIN: "city" },
  /** Applications are scoped by the district they were filed in. */
  "agencyApplications.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },
  /** First review, by the district officer of the application's district. */
  "agencyApplications.reviewDistrict": { DISTRICT_OFFICER: "district" },
  /** Final review, by the city administrator. */
  "agencyApplications.reviewCity": { CITY_ADMIN: "city" },
  "integrity.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", AGENCY_ADMIN: "organization" },
  /** Integrity records and ratings. */
  "integrity.manage": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },
  "association.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },
  "association.manage": { CITY_ADMIN: "city" },

  // Posts (P1, P2) in the nine practice fields (T3).
  "posts.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department" },
  /** Create, edit and close posts; assign practitioners to them and end assignments. */
  "posts.manage": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department" },

  // Staff of an agency.
  /** Record a practitioner leaving their employer or moving to another agency. */
  "staff.transfer": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", AGENCY_ADMIN: "organization" },
  /** Bulk import of an agency's staff from Excel. */
  "staff.import": { AGENCY_ADMIN: "organization" },

  // Growth dashboard and the plan's headline target.
  "dashboard.growth.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },
  /** Practice fields, posts, agencies and the association (T3, T6). */
  "dashboard.workforce.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },
  "plan.updateTarget": { CITY_ADMIN: "city" },
  /** Registration years, continuing-education hours, the G1.b rule (PlanTarget). */
  "plan.updateQualificationSettings": { CITY_ADMIN: "city" },
  /** Civil servants' deadline, rotation coverage, completion threshold, supervision rules (PlanTarget). */
  "plan.updateTrainingSettings": { CITY_ADMIN: "city" },
  /** Grade bands, the 1A–5A table, appeal window, panel, recusal, spot checks, the failed-evaluation bar, the disbursement threshold (PlanTarget). */
  "plan.updateServicesSettings": { CITY_ADMIN: "city" },

  // Training (plan.md G2, T2, S2). Published programmes are a city-wide catalogue; who is enrolled is scoped.
  /** Commissioned providers and their approvals (period, scope). */
  "trainingProviders.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "city", TRAINING_PROVIDER: "organization" },
  "trainingProviders.approve": { CITY_ADMIN: "city" },
  /** The catalogue of programmes; a provider also sees its drafts. */
  "trainings.read": {
    CITY_ADMIN: "city",
    DISTRICT_OFFICER: "city",
    DEPARTMENT_OFFICER: "city",
    AGENCY_ADMIN: "city",
    PRACTITIONER: "city",
    TRAINING_PROVIDER: "organization",
  },
  /** Create, edit, publish, cancel and close programmes and their sessions. */
  "trainings.manage": { CITY_ADMIN: "city", TRAINING_PROVIDER: "organization" },
  /** Enrol (and withdraw): oneself, an agency's staff, a department's civil servants, anyone in a district or the city. */
  "trainings.enrol": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", PRACTITIONER: "self" },
  /** Who is enrolled: a provider sees its own programmes' participants (names, never ID numbers). */
  "trainings.participants.read": {
    CITY_ADMIN: "city",
    DISTRICT_OFFICER: "district",
    DEPARTMENT_OFFICER: "department",
    AGENCY_ADMIN: "organization",
    PRACTITIONER: "self",
    TRAINING_PROVIDER: "organization",
  },
  /** Take attendance (on the page or from Excel). */
  "trainings.attendance": { CITY_ADMIN: "city", TRAINING_PROVIDER: "organization" },
  /** Special funds and their budget lines (S2, S3). */
  "funds.read": { CITY_ADMIN: "city" },
  "funds.manage": { CITY_ADMIN: "city" },
  /** Qualification-exam sittings (G2): entered by the person or by officials. */
  "exams.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", PRACTITIONER: "self" },
  "exams.record": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", PRACTITIONER: "self" },
  /** New civil servants' two-year deadline (T2). */
  "civilServants.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department" },
  /** A department's rotation list and its coverage (T2). */
  "rotation.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department" },
  "rotation.manage": { CITY_ADMIN: "city", DEPARTMENT_OFFICER: "organization" },
  /** Propose a cohort for a rotation programme and enrol it in one step. */
  "rotation.buildCohort": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district" },
  /** Supervision (T7): pairs, sessions, loads. */
  "supervision.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", PRACTITIONER: "self" },
  /** Start and end supervisor–supervisee pairs. */
  "supervision.manage": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", AGENCY_ADMIN: "organization" },
  /** Approve a supervisor who does not meet the level-and-years rule. */
  "supervision.approveSupervisor": { CITY_ADMIN: "city" },
  /** Log a session (as the supervisor) and confirm or dispute it (as the supervisee). */
  "supervision.log": { PRACTITIONER: "self" },
  "supervision.confirm": { PRACTITIONER: "self" },
  /** The training and development dashboard. */
  "dashboard.training.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department" },
  // Purchased services (plan.md T5, S2, S3).
  /** Calls for proposals: officials in scope; agencies every published call; experts the calls they are assigned to. */
  "serviceCalls.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "city", EXPERT: "self" },
  /** Draft, publish and cancel a call, and keep its panel (the city, or the commissioning department). */
  "serviceCalls.manage": { CITY_ADMIN: "city", DEPARTMENT_OFFICER: "department" },
  "proposals.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", EXPERT: "self" },
  /** Submit or withdraw the agency's proposal before the deadline. */
  "proposals.submit": { AGENCY_ADMIN: "organization" },
  /** Score as a member of a call's panel (the PanelMember row decides which calls). */
  "proposals.score": { CITY_ADMIN: "city", DEPARTMENT_OFFICER: "department", EXPERT: "self" },
  /** Select the winning proposal, with reasons. */
  "proposals.select": { CITY_ADMIN: "city" },
  "contracts.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization" },
  /** Draw up a contract from a selected proposal, its milestones; close it. */
  "contracts.manage": { CITY_ADMIN: "city", DEPARTMENT_OFFICER: "department" },
  "milestones.report": { AGENCY_ADMIN: "organization" },
  "milestones.accept": { CITY_ADMIN: "city", DEPARTMENT_OFFICER: "department" },
  /** Request a payment against an accepted milestone. */
  "disbursements.request": { CITY_ADMIN: "city", DEPARTMENT_OFFICER: "department" },
  /** A second official approves a payment above the city's threshold (never the one who requested it). */
  "disbursements.approve": { CITY_ADMIN: "city" },
  /** Record enterprises' and charities' contributions to the special fund (S3). */
  "contributions.manage": { CITY_ADMIN: "city" },
  /** The purchased-services dashboard. */
  "dashboard.services.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department" },
  // Third-party evaluation (plan.md T7, issue 14).
  /** Evaluations and their reports: the city all, a district its district's, a department its projects', an evaluation body its own assignments, an agency its own, a practitioner their appraisal. */
  "evaluations.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", PRACTITIONER: "self", EVALUATOR: "organization" },
  /** Assign an evaluation to a body (kind, subject, rubric version, due date); cancel it. */
  "evaluations.assign": { CITY_ADMIN: "city" },
  /** Keep the rubrics (a new version for each change). */
  "rubrics.manage": { CITY_ADMIN: "city" },
  /** Sit on an evaluation's panel of one's own body: declare, score. */
  "evaluations.score": { EVALUATOR: "organization" },
  /** Write and publish the report once every scorer has scored. */
  "evaluations.report": { EVALUATOR: "organization" },
  /** Appeal a published report within its window. */
  "appeals.file": { AGENCY_ADMIN: "organization" },
  /** Decide an appeal, with reasons. */
  "appeals.decide": { CITY_ADMIN: "city" },
  /** Draw a period's accepted milestones for a document check (seed stored). */
  "spotChecks.draw": { CITY_ADMIN: "city" },
  /** Check the documents of a drawn milestone (the body the draw went to). */
  "spotChecks.check": { EVALUATOR: "organization" },
  /** Keep the working-day calendar (public holidays, make-up working days). */
  "calendar.manage": { CITY_ADMIN: "city" },
} as const satisfies Record<string, Partial<Record<TRole, TScope>>>;

export type TAction = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as TAction[];

export function isRole(value: unknown): value is TRole {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function isAction(value: unknown): value is TAction {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(PERMISSIONS, value);
}

/** The scope a role holds for an action, or null when the role may not perform it at all. */
export function scopeOf(role: unknown, action: unknown): TScope | null {
  if (!isRole(role) || !isAction(action)) return null;
  const row = PERMISSIONS[action] as Partial<Record<TRole, TScope>>;
  return row[role] ?? null;
}

/** The principal as authorization sees it: role plus the anchors of its scope. */
export type TPrincipal = {
  id: string;
  role: TRole;
  /** Materialised path of the district (DISTRICT_OFFICER). */
  regionPath: string | null;
  organizationId: string | null;
  practitionerId: string | null;
};

/** What a record exposes about where it lives, for scope checks. */
export type TTarget = {
  regionPath?: string | null;
  organizationId?: string | null;
  /** The supervising department of the record's organisation (for the "department" scope). */
  supervisingDepartmentId?: string | null;
  userId?: string | null;
  practitionerId?: string | null;
};

export function inScope(principal: TPrincipal, scope: TScope, target: TTarget): boolean {
  switch (scope) {
    case "city":
      return true;
    case "district":
      return !!principal.regionPath && !!target.regionPath && target.regionPath.startsWith(principal.regionPath);
    case "department":
      return !!principal.organizationId && (target.organizationId === principal.organizationId || target.supervisingDepartmentId === principal.organizationId);
    case "organization":
      return !!principal.organizationId && target.organizationId === principal.organizationId;
    case "self":
      return (
        (!!target.userId && target.userId === principal.id) ||
        (!!principal.practitionerId && target.practitionerId === principal.practitionerId)
      );
    default:
      return false;
  }
}

/**
 * May `principal` perform `action`? Without a target, answers whether the role holds the
 * action at all (for navigation and page gates); with a target, also checks the scope.
 */
export function can(principal: Pick<TPrincipal, "role"> & Partial<TPrincipal>, action: unknown, target?: TTarget): boolean {
  const scope = scopeOf(principal.role, action);
  if (!scope) return false;
  if (!target) return true;
  return inScope(principal as TPrincipal, scope, target);
}
