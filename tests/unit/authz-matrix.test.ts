import { describe, expect, it } from "vitest";
import { ACTIONS, can, inScope, isAction, isRole, ROLES, scopeOf, type TPrincipal, type TRole, type TScope, type TTarget } from "@/domain/authz/matrix";
import { navFor, NAV_ITEMS, ownPageFor } from "@/features/shell/navigation";

// The authorization matrix, written out by hand. It is deliberately NOT derived from
// PERMISSIONS: adding, removing or widening a permission must be mirrored here, or this
// suite fails. null = the role may not perform the action at all.
type TExpectedRow = Record<TRole, TScope | null>;

const SELF_FOR_ALL: TExpectedRow = {
  CITY_ADMIN: "self",
  DISTRICT_OFFICER: "self",
  DEPARTMENT_OFFICER: "self",
  AGENCY_ADMIN: "self",
  PRACTITIONER: "self",
  EVALUATOR: "self",
  TRAINING_PROVIDER: "self",
  EXPERT: "self",
};
const CITY_ADMIN_ONLY: TExpectedRow = {
  CITY_ADMIN: "city",
  DISTRICT_OFFICER: null,
  DEPARTMENT_OFFICER: null,
  AGENCY_ADMIN: null,
  PRACTITIONER: null,
  EVALUATOR: null,
  TRAINING_PROVIDER: null, EXPERT: null,
};

/** A row written as the roles that hold the action; every role not named holds nothing. */
const only = (held: Partial<TExpectedRow>): TExpectedRow => ({
  CITY_ADMIN: null,
  DISTRICT_OFFICER: null,
  DEPARTMENT_OFFICER: null,
  AGENCY_ADMIN: null,
  PRACTITIONER: null,
  EVALUATOR: null,
  TRAINING_PROVIDER: null, EXPERT: null,
  ...held,
});

const EXPECTED: Record<string, TExpectedRow> = {
  "account.read": SELF_FOR_ALL,
  "account.changePassword": SELF_FOR_ALL,
  "account.updatePreferences": SELF_FOR_ALL,
  "users.read": CITY_ADMIN_ONLY,
  "users.create": CITY_ADMIN_ONLY,
  "users.update": CITY_ADMIN_ONLY,
  "users.disable": CITY_ADMIN_ONLY,
  "users.resetPassword": CITY_ADMIN_ONLY,
  "audit.read": CITY_ADMIN_ONLY,
  "outbox.read": CITY_ADMIN_ONLY,
  "organizations.read": {
    CITY_ADMIN: "city",
    DISTRICT_OFFICER: "district",
    DEPARTMENT_OFFICER: "department",
    AGENCY_ADMIN: "organization",
    PRACTITIONER: null,
    EVALUATOR: "organization", TRAINING_PROVIDER: null, EXPERT: null,
  },
  "regions.read": {
    CITY_ADMIN: "city",
    DISTRICT_OFFICER: "district",
    DEPARTMENT_OFFICER: null,
    AGENCY_ADMIN: null,
    PRACTITIONER: null,
    EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null,
  },
  "organizations.setSupervisingDepartment": CITY_ADMIN_ONLY,
  "practitioners.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", PRACTITIONER: "self", EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "practitioners.create": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: "organization", PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "practitioners.update": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "organization", AGENCY_ADMIN: "organization", PRACTITIONER: "self", EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "practitioners.changeStatus": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: "organization", PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "practitioners.setKeyPost": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "organization", AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "practitioners.chooseEmployer": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "organization", AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "practitioners.revealIdNumber": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "practitioners.export": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "credentials.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", PRACTITIONER: "self", EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "credentials.submit": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: "organization", PRACTITIONER: "self", EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "credentials.verify": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "credentials.revoke": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "registrations.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", PRACTITIONER: "self", EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "cpd.submit": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: "organization", PRACTITIONER: "self", EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "cpd.verify": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "registrations.requestRenewal": { CITY_ADMIN: null, DISTRICT_OFFICER: null, DEPARTMENT_OFFICER: null, AGENCY_ADMIN: "organization", PRACTITIONER: "self", EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "registrations.record": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "registrations.verifyRenewal": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "notifications.read": { CITY_ADMIN: "self", DISTRICT_OFFICER: "self", DEPARTMENT_OFFICER: "self", AGENCY_ADMIN: "self", PRACTITIONER: "self", EVALUATOR: "self", TRAINING_PROVIDER: "self", EXPERT: "self" },
  "dashboard.growth.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "plan.updateTarget": CITY_ADMIN_ONLY,
  "plan.updateQualificationSettings": CITY_ADMIN_ONLY,
  "plan.updateTrainingSettings": CITY_ADMIN_ONLY,
  "plan.updateServicesSettings": CITY_ADMIN_ONLY,
  "trainingProviders.read": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "city", TRAINING_PROVIDER: "organization", EXPERT: null }),
  "trainingProviders.approve": CITY_ADMIN_ONLY,
  "trainings.read": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "city", DEPARTMENT_OFFICER: "city", AGENCY_ADMIN: "city", PRACTITIONER: "city", TRAINING_PROVIDER: "organization", EXPERT: null }),
  "trainings.manage": only({ CITY_ADMIN: "city", TRAINING_PROVIDER: "organization", EXPERT: null }),
  "trainings.enrol": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", PRACTITIONER: "self" }),
  "trainings.participants.read": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", PRACTITIONER: "self", TRAINING_PROVIDER: "organization", EXPERT: null }),
  "trainings.attendance": only({ CITY_ADMIN: "city", TRAINING_PROVIDER: "organization", EXPERT: null }),
  "funds.read": CITY_ADMIN_ONLY,
  "funds.manage": CITY_ADMIN_ONLY,
  "exams.read": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", PRACTITIONER: "self" }),
  "exams.record": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", PRACTITIONER: "self" }),
  "civilServants.read": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department" }),
  "rotation.read": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department" }),
  "rotation.manage": only({ CITY_ADMIN: "city", DEPARTMENT_OFFICER: "organization" }),
  "rotation.buildCohort": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district" }),
  "supervision.read": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", PRACTITIONER: "self" }),
  "supervision.manage": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", AGENCY_ADMIN: "organization" }),
  "supervision.approveSupervisor": CITY_ADMIN_ONLY,
  "supervision.log": only({ PRACTITIONER: "self" }),
  "supervision.confirm": only({ PRACTITIONER: "self" }),
  "dashboard.training.read": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department" }),
  "dashboard.workforce.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "agencies.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: "organization", PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "agencies.updateProfile": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: "organization", PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "agencies.updateParticulars": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "agencies.changeStatus": CITY_ADMIN_ONLY,
  "agencyApplications.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "agencyApplications.reviewDistrict": { CITY_ADMIN: null, DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "agencyApplications.reviewCity": CITY_ADMIN_ONLY,
  "integrity.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: "organization", PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "integrity.manage": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "association.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "association.manage": CITY_ADMIN_ONLY,
  "posts.read": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "posts.manage": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: null, PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "staff.transfer": { CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: null, AGENCY_ADMIN: "organization", PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },
  "staff.import": { CITY_ADMIN: null, DISTRICT_OFFICER: null, DEPARTMENT_OFFICER: null, AGENCY_ADMIN: "organization", PRACTITIONER: null, EVALUATOR: null, TRAINING_PROVIDER: null, EXPERT: null },  "serviceCalls.read": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "city", EXPERT: "self" }),
  "serviceCalls.manage": only({ CITY_ADMIN: "city", DEPARTMENT_OFFICER: "department" }),
  "proposals.read": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", EXPERT: "self" }),
  "proposals.submit": only({ AGENCY_ADMIN: "organization" }),
  "proposals.score": only({ CITY_ADMIN: "city", DEPARTMENT_OFFICER: "department", EXPERT: "self" }),
  "proposals.select": only({ CITY_ADMIN: "city" }),
  "contracts.read": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization" }),
  "contracts.manage": only({ CITY_ADMIN: "city", DEPARTMENT_OFFICER: "department" }),
  "milestones.report": only({ AGENCY_ADMIN: "organization" }),
  "milestones.accept": only({ CITY_ADMIN: "city", DEPARTMENT_OFFICER: "department" }),
  "disbursements.request": only({ CITY_ADMIN: "city", DEPARTMENT_OFFICER: "department" }),
  "disbursements.approve": only({ CITY_ADMIN: "city" }),
  "contributions.manage": only({ CITY_ADMIN: "city" }),
  "dashboard.services.read": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department" }),
  "evaluations.read": only({ CITY_ADMIN: "city", DISTRICT_OFFICER: "district", DEPARTMENT_OFFICER: "department", AGENCY_ADMIN: "organization", PRACTITIONER: "self", EVALUATOR: "organization" }),
  "evaluations.assign": only({ CITY_ADMIN: "city" }),
  "rubrics.manage": only({ CITY_ADMIN: "city" }),
  "evaluations.score": only({ EVALUATOR: "organization" }),
  "evaluations.report": only({ EVALUATOR: "organization" }),
  "appeals.file": only({ AGENCY_ADMIN: "organization" }),
  "appeals.decide": only({ CITY_ADMIN: "city" }),
  "spotChecks.draw": only({ CITY_ADMIN: "city" }),
  "spotChecks.check": only({ EVALUATOR: "organization" }),
  "calendar.manage": only({ CITY_ADMIN: "city" }),
};

const EXPECTED_ROLES: TRole[] = ["CITY_ADMIN", "DISTRICT_OFFICER", "DEPARTMENT_OFFICER", "AGENCY_ADMIN", "PRACTITIONER", "EVALUATOR", "TRAINING_PROVIDER", "EXPERT"];

function principalFor(role: TRole): TPrincipal {
  return {
    id: "u1",
    role,
    regionPath: role === "DISTRICT_OFFICER" ? "/c/d1/" : null,
    organizationId: role === "DEPARTMENT_OFFICER" || role === "AGENCY_ADMIN" || role === "EVALUATOR" || role === "TRAINING_PROVIDER" ? "org1" : null,
    practitionerId: role === "PRACTITIONER" ? "p1" : null,
  };
}

const OWN: TTarget = { regionPath: "/c/d1/s1/", organizationId: "org1", userId: "u1", practitionerId: "p1" };
const OTHER: TTarget = { regionPath: "/c/d2/s9/", organizationId: "org2", userId: "u2", practitionerId: "p2" };
/** A record of an organisation that org1 supervises (a school under the education bureau). */
const SUPERVISED: TTarget = { regionPath: "/c/d2/s9/", organizationId: "school1", supervisingDepartmentId: "org1", userId: "u2", practitionerId: "p2" };
/** A record of an organisation another department supervises. */
const SUPERVISED_ELSEWHERE: TTarget = { regionPath: "/c/d2/s9/", organizationId: "school2", supervisingDepartmentId: "org2", userId: "u2", practitionerId: "p2" };

describe("authorization matrix: completeness", () => {
  it("knows exactly the eight roles", () => {
    expect([...ROLES].sort()).toEqual([...EXPECTED_ROLES].sort());
  });

  it("every action in ACTIONS has a row in this test's table", () => {
    const missingFromTest = ACTIONS.filter((a) => !(a in EXPECTED));
    expect(missingFromTest, `actions without an expectation row in tests/unit/authz-matrix.test.ts: ${missingFromTest.join(", ")}`).toEqual([]);
  });

  it("every row in this test's table is an action the matrix knows", () => {
    const unknownToMatrix = Object.keys(EXPECTED).filter((a) => !(ACTIONS as string[]).includes(a));
    expect(unknownToMatrix, `expectation rows for actions the matrix does not define: ${unknownToMatrix.join(", ")}`).toEqual([]);
  });

  it("every row of the table covers all eight roles", () => {
    for (const [action, row] of Object.entries(EXPECTED)) {
      expect(Object.keys(row).sort(), action).toEqual([...EXPECTED_ROLES].sort());
    }
  });
});

describe("authorization matrix: scopeOf", () => {
  for (const action of Object.keys(EXPECTED)) {
    for (const role of EXPECTED_ROLES) {
      const expected = EXPECTED[action]![role];
      it(`${role} × ${action} → ${expected ?? "denied"}`, () => {
        expect(scopeOf(role, action)).toBe(expected);
      });
    }
  }
});

describe("authorization matrix: can() for every action × role × {own, other}", () => {
  for (const action of Object.keys(EXPECTED)) {
    for (const role of EXPECTED_ROLES) {
      const scope = EXPECTED[action]![role];
      const ownAllowed = scope !== null;
      const otherAllowed = scope === "city";
      it(`${role} × ${action}: own ${ownAllowed ? "allowed" : "denied"}, other ${otherAllowed ? "allowed" : "denied"}`, () => {
        const principal = principalFor(role);
        expect(can(principal, action, OWN)).toBe(ownAllowed);
        expect(can(principal, action, OTHER)).toBe(otherAllowed);
        // The department scope also covers the organisations the caller's department supervises; no other scope does
        // (city covers them anyway, and district ones only by region: SUPERVISED lies in another district).
        expect(can(principal, action, SUPERVISED)).toBe(scope === "city" || scope === "department");
        expect(can(principal, action, SUPERVISED_ELSEWHERE)).toBe(scope === "city");
        // Without a target: does the role hold the action at all?
        expect(can(principal, action)).toBe(scope !== null);
      });
    }
  }
});

describe("authorization matrix: unknowns and traps", () => {
  const city = principalFor("CITY_ADMIN");

  it("denies an unknown role for every action", () => {
    for (const action of ACTIONS) {
      const ghost = { ...city, role: "SUPERUSER" } as unknown as TPrincipal;
      expect(scopeOf("SUPERUSER", action)).toBeNull();
      expect(can(ghost, action)).toBe(false);
      expect(can(ghost, action, OWN)).toBe(false);
    }
    expect(scopeOf(undefined, "account.read")).toBeNull();
    expect(scopeOf(null, "account.read")).toBeNull();
    expect(scopeOf("city_admin", "users.read")).toBeNull();
  });

  it("denies unknown actions, including inherited object keys", () => {
    for (const action of ["users.delete", "", "USERS.READ", "toString", "constructor", "__proto__", "hasOwnProperty", 42, null, undefined]) {
      expect(isAction(action)).toBe(false);
      for (const role of EXPECTED_ROLES) {
        expect(scopeOf(role, action)).toBeNull();
        expect(can(principalFor(role), action)).toBe(false);
        expect(can(principalFor(role), action, OWN)).toBe(false);
      }
    }
  });

  it("isRole accepts exactly the eight roles", () => {
    for (const role of EXPECTED_ROLES) expect(isRole(role)).toBe(true);
    for (const v of ["", "ADMIN", "toString", "__proto__", 1, null, undefined, {}]) expect(isRole(v)).toBe(false);
  });

  it('district prefix: "/c/d1/" does not cover "/c/d10/"', () => {
    const officer = principalFor("DISTRICT_OFFICER");
    expect(can(officer, "organizations.read", { regionPath: "/c/d10/" })).toBe(false);
    expect(can(officer, "organizations.read", { regionPath: "/c/d10/s1/" })).toBe(false);
    expect(can(officer, "regions.read", { regionPath: "/c/d10/s1/c3/" })).toBe(false);
    expect(can(officer, "organizations.read", { regionPath: "/c/d1/" })).toBe(true);
    expect(can(officer, "organizations.read", { regionPath: "/c/d1/s1/c1/" })).toBe(true);
    // The city itself is above the district, not inside it.
    expect(can(officer, "organizations.read", { regionPath: "/c/" })).toBe(false);
  });

  it("a missing scope anchor never matches a missing target field", () => {
    const noDistrict: TPrincipal = { ...principalFor("DISTRICT_OFFICER"), regionPath: null };
    expect(can(noDistrict, "organizations.read", { regionPath: "/c/d1/" })).toBe(false);
    expect(can(principalFor("DISTRICT_OFFICER"), "organizations.read", {})).toBe(false);
    expect(can(principalFor("DISTRICT_OFFICER"), "organizations.read", { regionPath: null })).toBe(false);

    const noOrg: TPrincipal = { ...principalFor("AGENCY_ADMIN"), organizationId: null };
    expect(can(noOrg, "organizations.read", { organizationId: null })).toBe(false);
    expect(can(noOrg, "organizations.read", {})).toBe(false);
    expect(can(principalFor("AGENCY_ADMIN"), "organizations.read", {})).toBe(false);

    const noPractitioner: TPrincipal = { ...principalFor("PRACTITIONER"), practitionerId: null };
    expect(can(noPractitioner, "account.read", { practitionerId: null, userId: "u2" })).toBe(false);
    expect(can(principalFor("PRACTITIONER"), "account.read", {})).toBe(false);
    // Self scope via the practitioner link, even when the record names no user.
    expect(can(principalFor("PRACTITIONER"), "account.read", { practitionerId: "p1" })).toBe(true);
  });

  it("department scope: the department itself and what it supervises; never by a missing anchor", () => {
    const officer = principalFor("DEPARTMENT_OFFICER");
    expect(can(officer, "posts.manage", { organizationId: "org1" })).toBe(true);
    expect(can(officer, "posts.manage", { organizationId: "school1", supervisingDepartmentId: "org1" })).toBe(true);
    expect(can(officer, "posts.manage", { organizationId: "school1", supervisingDepartmentId: null })).toBe(false);
    // Editing a person's record stays with the employer: organisation scope, not the supervised ones.
    expect(can(officer, "practitioners.update", { organizationId: "school1", supervisingDepartmentId: "org1" })).toBe(false);
    const noOrg: TPrincipal = { ...officer, organizationId: null };
    expect(can(noOrg, "posts.read", { organizationId: null, supervisingDepartmentId: null })).toBe(false);
    expect(can(noOrg, "posts.read", {})).toBe(false);
  });

  it("inScope rejects a scope it does not know", () => {
    expect(inScope(city, "galaxy" as TScope, OWN)).toBe(false);
  });
});

describe("navigation mirrors the matrix", () => {
  for (const role of EXPECTED_ROLES) {
    it(`${role} sees exactly the entries whose action it holds`, () => {
      const expected = NAV_ITEMS.filter((i) => {
        if (i.action === null) return true;
        const scope = EXPECTED[i.action]![role];
        return scope !== null && (!i.scopes || i.scopes.includes(scope));
      }).map((i) => i.href);
      expect(navFor({ role }).map((i) => i.href)).toEqual(expected);
    });
  }
});

describe("a list made for officials sends a reader to their own page", () => {
  it("the register is My profile for a practitioner, the agency list their agency for its administrator", () => {
    expect(ownPageFor({ role: "PRACTITIONER" }, "/practitioners")).toBe("/me");
    expect(ownPageFor({ role: "AGENCY_ADMIN" }, "/agencies")).toBe("/agencies/mine");
  });
  it("officials stay; a role without the permission is not redirected (the page refuses it)", () => {
    for (const role of ["CITY_ADMIN", "DISTRICT_OFFICER", "DEPARTMENT_OFFICER", "AGENCY_ADMIN"] as const) expect(ownPageFor({ role }, "/practitioners")).toBeNull();
    expect(ownPageFor({ role: "CITY_ADMIN" }, "/agencies")).toBeNull();
    expect(ownPageFor({ role: "EVALUATOR" }, "/practitioners")).toBeNull();
    expect(ownPageFor({ role: "PRACTITIONER" }, "/no-such-page")).toBeNull();
  });
});
