import { describe, expect, it } from "vitest";
import { orgFitsPostKind, suggestPracticeField } from "@/domain/posts/rules";
import { parsePostFilter, postFilterParams } from "@/domain/posts/list-filter";

describe("which organisations hold which posts", () => {
  it("department posts in government departments, ratio posts in institutions, schools, hospitals, communities, party centres", () => {
    expect(orgFitsPostKind("DEPARTMENT", "GOVERNMENT_DEPARTMENT")).toBe(true);
    expect(orgFitsPostKind("DEPARTMENT", "SCHOOL")).toBe(false);
    for (const k of ["WELFARE_INSTITUTION", "SCHOOL", "HOSPITAL", "COMMUNITY", "PARTY_SERVICE_CENTER"]) expect(orgFitsPostKind("RATIO", k), k).toBe(true);
    for (const k of ["GOVERNMENT_DEPARTMENT", "AGENCY", "ENTERPRISE", "UNIVERSITY"]) expect(orgFitsPostKind("RATIO", k), k).toBe(false);
    expect(orgFitsPostKind("DEPARTMENT", "AGENCY")).toBe(false);
  });

  it("suggests the practice field from the organisation", () => {
    expect(suggestPracticeField({ kind: "SCHOOL" })).toBe("SCHOOLS");
    expect(suggestPracticeField({ kind: "HOSPITAL" })).toBe("HOSPITALS");
    expect(suggestPracticeField({ kind: "WELFARE_INSTITUTION" })).toBe("WELFARE_INSTITUTIONS");
    expect(suggestPracticeField({ kind: "PARTY_SERVICE_CENTER" })).toBe("PARTY_MASS");
    expect(suggestPracticeField({ kind: "GOVERNMENT_DEPARTMENT", departmentType: "CIVIL_AFFAIRS" })).toBe("CIVIL_AFFAIRS");
    expect(suggestPracticeField({ kind: "GOVERNMENT_DEPARTMENT", departmentType: "DISABLED_PERSONS_FEDERATION" })).toBe("DISABILITY");
    expect(suggestPracticeField({ kind: "GOVERNMENT_DEPARTMENT", departmentType: "POPULATION_FAMILY_PLANNING" })).toBe("FAMILY_PLANNING");
    expect(suggestPracticeField({ kind: "GOVERNMENT_DEPARTMENT", departmentType: "CULTURE" })).toBeNull();
    expect(suggestPracticeField({ kind: "GOVERNMENT_DEPARTMENT", departmentType: null })).toBeNull();
    expect(suggestPracticeField({ kind: "ENTERPRISE" })).toBeNull();
  });
});

describe("posts page URL state", () => {
  it("reads leniently and writes back only what differs from the defaults", () => {
    const f = parsePostFilter({ kind: "RATIO", field: "SCHOOLS", understaffed: "1", status: "weird", view: "field", page: "3", org: "bad id!", q: "  学校 " });
    expect(f).toEqual({ q: "学校", kind: "RATIO", field: "SCHOOLS", district: "", org: "", understaffed: true, status: "open", view: "field", page: 3 });
    expect(postFilterParams(f)).toEqual({ q: "学校", kind: "RATIO", field: "SCHOOLS", understaffed: "1" });
    expect(postFilterParams(f, { view: true, page: true })).toEqual({ q: "学校", kind: "RATIO", field: "SCHOOLS", understaffed: "1", view: "field", page: "3" });
    expect(parsePostFilter(new URLSearchParams("kind=NOPE&status=closed&view=list"))).toMatchObject({ kind: "", status: "closed", view: "list", page: 1 });
  });
});
