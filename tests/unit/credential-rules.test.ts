import { describe, expect, it } from "vitest";
import { isOwnCredential } from "@/domain/credentials/rules";
import { can } from "@/domain/authz/matrix";

describe("nobody decides on their own credential", () => {
  const official = { id: "u-official", practitionerId: null };
  const officialWhoPractises = { id: "u-2", practitionerId: "p-2" };

  it("is own when it is the caller's own record", () => {
    expect(isOwnCredential(officialWhoPractises, { practitionerId: "p-2", submittedById: "someone-else" })).toBe(true);
  });
  it("is own when the caller submitted it", () => {
    expect(isOwnCredential(official, { practitionerId: "p-9", submittedById: "u-official" })).toBe(true);
  });
  it("is not own otherwise, also for a caller without a practitioner record", () => {
    expect(isOwnCredential(official, { practitionerId: "p-9", submittedById: "u-other" })).toBe(false);
    expect(isOwnCredential(official, { practitionerId: "p-9", submittedById: null })).toBe(false);
    expect(isOwnCredential(officialWhoPractises, { practitionerId: "p-9", submittedById: null })).toBe(false);
  });
});

describe("rules that used to be role comparisons are matrix actions", () => {
  it("only officials choose a practitioner's employer and set the key-post flag", () => {
    for (const action of ["practitioners.chooseEmployer", "practitioners.setKeyPost"] as const) {
      expect(can({ role: "CITY_ADMIN" }, action)).toBe(true);
      expect(can({ role: "DISTRICT_OFFICER" }, action)).toBe(true);
      expect(can({ role: "DEPARTMENT_OFFICER" }, action)).toBe(true);
      expect(can({ role: "AGENCY_ADMIN" }, action)).toBe(false);
      expect(can({ role: "PRACTITIONER" }, action)).toBe(false);
      expect(can({ role: "EVALUATOR" }, action)).toBe(false);
    }
  });
  it("an agency's registered particulars are corrected by officials only", () => {
    expect(can({ role: "CITY_ADMIN" }, "agencies.updateParticulars")).toBe(true);
    expect(can({ role: "DISTRICT_OFFICER" }, "agencies.updateParticulars")).toBe(true);
    expect(can({ role: "AGENCY_ADMIN" }, "agencies.updateParticulars")).toBe(false);
  });
});
