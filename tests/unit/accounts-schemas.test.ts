import { describe, expect, it } from "vitest";
import { passwordProblemKey, ZChangePassword, ZCreateUser, ZSetPassword, ZUpdateUser, ZUserRef } from "@/domain/accounts/schemas";
import { ROLE_SCOPE_FIELD } from "@/domain/accounts/role-scope";
import { ROLES, type TRole } from "@/domain/authz/matrix";

const EXPECTED_SCOPE_FIELD: Record<TRole, "regionId" | "organizationId" | "practitionerId" | null> = {
  CITY_ADMIN: null,
  DISTRICT_OFFICER: "regionId",
  DEPARTMENT_OFFICER: "organizationId",
  AGENCY_ADMIN: "organizationId",
  PRACTITIONER: "practitionerId",
  EVALUATOR: "organizationId",
  TRAINING_PROVIDER: "organizationId",
  EXPERT: null,
};
const SCOPE_FIELDS = ["regionId", "organizationId", "practitionerId"] as const;

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("ZCreateUser", () => {
  it("names a scope field for every role", () => {
    expect(Object.keys(ROLE_SCOPE_FIELD).sort()).toEqual([...ROLES].sort());
    expect(ROLE_SCOPE_FIELD).toEqual(EXPECTED_SCOPE_FIELD);
  });

  for (const role of ROLES) {
    const field = EXPECTED_SCOPE_FIELD[role];
    if (field) {
      it(`${role} requires ${field}`, () => {
        const bad = ZCreateUser.safeParse({ email: "a@b.cn", name: "甲", role, regionId: "x", organizationId: "y", practitionerId: "z", [field]: "" });
        expect(bad.success).toBe(false);
        expect(issues(bad)).toEqual({ [field]: "required" });
        const blank = ZCreateUser.safeParse({ email: "a@b.cn", name: "甲", role, [field]: "   " });
        expect(issues(blank)).toEqual({ [field]: "required" });
      });
    }

    it(`${role} keeps only ${field ?? "no"} scope field`, () => {
      const parsed = ZCreateUser.parse({ email: "a@b.cn", name: "甲", role, regionId: "r1", organizationId: "o1", practitionerId: "p1" });
      for (const f of SCOPE_FIELDS) {
        const expected = f === field ? { regionId: "r1", organizationId: "o1", practitionerId: "p1" }[f] : null;
        expect(parsed[f], f).toBe(expected);
      }
    });
  }

  it("normalises the e-mail address", () => {
    expect(ZCreateUser.parse({ email: "  Zhang.Wei@Example.CN ", name: "张伟", role: "CITY_ADMIN" }).email).toBe("zhang.wei@example.cn");
  });

  it("rejects a missing or malformed e-mail with catalogue keys", () => {
    expect(issues(ZCreateUser.safeParse({ email: "", name: "x", role: "CITY_ADMIN" }))).toEqual({ email: "required" });
    expect(issues(ZCreateUser.safeParse({ email: "not-an-email", name: "x", role: "CITY_ADMIN" }))).toEqual({ email: "email" });
    expect(issues(ZCreateUser.safeParse({ email: `${"a".repeat(250)}@b.cn`, name: "x", role: "CITY_ADMIN" }))).toEqual({ email: "tooLong" });
  });

  it("rejects a missing name, too long a name and an unknown role", () => {
    expect(issues(ZCreateUser.safeParse({ email: "a@b.cn", name: "   ", role: "CITY_ADMIN" }))).toEqual({ name: "required" });
    expect(issues(ZCreateUser.safeParse({ email: "a@b.cn", name: "x".repeat(101), role: "CITY_ADMIN" }))).toEqual({ name: "tooLong" });
    expect(issues(ZCreateUser.safeParse({ email: "a@b.cn", name: "x", role: "ROOT" }))).toEqual({ role: "required" });
    expect(issues(ZCreateUser.safeParse({ email: "a@b.cn", name: "x" }))).toEqual({ role: "required" });
  });

  it("trims names and ids", () => {
    const parsed = ZCreateUser.parse({ email: "a@b.cn", name: "  李四 ", role: "DISTRICT_OFFICER", regionId: " r1 " });
    expect(parsed.name).toBe("李四");
    expect(parsed.regionId).toBe("r1");
  });
});

describe("ZUpdateUser and ZUserRef", () => {
  it("coerces the version from a form string and requires it to be positive", () => {
    expect(ZUpdateUser.parse({ id: "u1", version: "3", name: "x", role: "CITY_ADMIN" }).version).toBe(3);
    expect(ZUpdateUser.safeParse({ id: "u1", version: "0", name: "x", role: "CITY_ADMIN" }).success).toBe(false);
    expect(ZUpdateUser.safeParse({ id: "u1", version: "1.5", name: "x", role: "CITY_ADMIN" }).success).toBe(false);
    expect(ZUserRef.safeParse({ id: "", version: "1" }).success).toBe(false);
    expect(ZUserRef.parse({ id: "u1", version: "2" })).toEqual({ id: "u1", version: 2 });
  });

  it("applies the same scope rule as creation", () => {
    expect(issues(ZUpdateUser.safeParse({ id: "u1", version: 1, name: "x", role: "AGENCY_ADMIN" }))).toEqual({ organizationId: "required" });
    const parsed = ZUpdateUser.parse({ id: "u1", version: 1, name: "x", role: "AGENCY_ADMIN", organizationId: "o1", regionId: "r1" });
    expect(parsed.regionId).toBeNull();
    expect(parsed.organizationId).toBe("o1");
  });
});

describe("password forms", () => {
  it("ZChangePassword reports a mismatch on the confirmation field", () => {
    const r = ZChangePassword.safeParse({ currentPassword: "old-password-1", newPassword: "violet harbour lantern", confirmPassword: "violet harbour lanterns" });
    expect(issues(r)).toEqual({ confirmPassword: "passwordMismatch" });
  });

  it("ZChangePassword refuses reusing the current password", () => {
    const r = ZChangePassword.safeParse({ currentPassword: "violet harbour lantern", newPassword: "violet harbour lantern", confirmPassword: "violet harbour lantern" });
    expect(issues(r)).toEqual({ newPassword: "passwordUnchanged" });
  });

  it("ZChangePassword requires the current password and caps the new one", () => {
    expect(issues(ZChangePassword.safeParse({ currentPassword: "", newPassword: "violet harbour lantern", confirmPassword: "violet harbour lantern" }))).toEqual({ currentPassword: "required" });
    const long = "x".repeat(129);
    expect(issues(ZChangePassword.safeParse({ currentPassword: "a", newPassword: long, confirmPassword: long }))).toEqual({ newPassword: "passwordTooLong" });
    expect(ZChangePassword.safeParse({ currentPassword: "a", newPassword: "violet harbour lantern", confirmPassword: "violet harbour lantern" }).success).toBe(true);
  });

  it("ZSetPassword checks the token shape and the confirmation", () => {
    expect(issues(ZSetPassword.safeParse({ token: "short", newPassword: "violet harbour lantern", confirmPassword: "violet harbour lantern" }))).toEqual({ token: "invalid" });
    expect(issues(ZSetPassword.safeParse({ token: "x".repeat(43), newPassword: "violet harbour lantern", confirmPassword: "other" }))).toEqual({ confirmPassword: "passwordMismatch" });
  });

  it("passwordProblemKey maps the policy to validation keys", () => {
    expect(passwordProblemKey("short")).toBe("password_tooShort");
    expect(passwordProblemKey("x".repeat(129))).toBe("password_tooLong");
    expect(passwordProblemKey("password1234")).toBe("password_common");
    expect(passwordProblemKey("violet harbour lantern", "harbour@x.cn")).toBe("password_containsEmail");
    expect(passwordProblemKey("violet harbour lantern", "someone@x.cn")).toBeNull();
  });
});
