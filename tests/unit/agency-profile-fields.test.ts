import { describe, expect, it } from "vitest";
import { AGENCY_CONTACT_FIELDS, AGENCY_PROFILE_FIELDS, editableProfileFields, mayEditParticulars } from "@/domain/agencies/profile-fields";
import { agencyProfileInput, ZUpdateAgencyProfile } from "@/domain/agencies/schemas";
import { ROLES } from "@/domain/authz/matrix";

describe("which agency profile fields each role may edit", () => {
  it("the agency's administrator: contact details, service areas and target groups only", () => {
    expect([...editableProfileFields("AGENCY_ADMIN")].sort()).toEqual(["contactEmail", "contactName", "contactPhone", "serviceAreas", "targetGroups"]);
    for (const f of ["name", "legalRepresentative", "address", "foundedOn", "isPrivate"]) expect(editableProfileFields("AGENCY_ADMIN")).not.toContain(f);
    expect(mayEditParticulars("AGENCY_ADMIN")).toBe(false);
  });

  it("officials (city, district): the particulars as well", () => {
    for (const role of ["CITY_ADMIN", "DISTRICT_OFFICER"]) {
      expect([...editableProfileFields(role)].sort()).toEqual([...AGENCY_PROFILE_FIELDS].sort());
      expect(mayEditParticulars(role)).toBe(true);
    }
  });

  it("everyone else: nothing", () => {
    for (const role of ROLES.filter((r) => !["CITY_ADMIN", "DISTRICT_OFFICER", "AGENCY_ADMIN"].includes(r))) expect(editableProfileFields(role)).toEqual([]);
    expect(editableProfileFields("NOT_A_ROLE")).toEqual([]);
  });

  it("contact fields are a subset of all profile fields", () => {
    for (const f of AGENCY_CONTACT_FIELDS) expect(AGENCY_PROFILE_FIELDS).toContain(f);
  });
});

describe("profile form schema", () => {
  const form = (entries: [string, string][]) => {
    const fd = new FormData();
    for (const [k, v] of entries) fd.append(k, v);
    return agencyProfileInput(fd);
  };

  it("a field the form did not send stays undefined (left as is)", () => {
    const v = ZUpdateAgencyProfile.parse(form([["id", "o1"], ["version", "2"], ["contactName", "王芳"], ["contactPhone", "+86 139 0101 2006"], ["contactEmail", " Office@Example.ORG "], ["serviceAreas", "SCHOOLS"]]));
    expect(v).toMatchObject({ id: "o1", version: 2, contactName: "王芳", contactPhone: "13901012006", contactEmail: "office@example.org", serviceAreas: ["SCHOOLS"], targetGroups: [] });
    expect(v.name).toBeUndefined();
    expect(v.isPrivate).toBeUndefined();
    expect(v.foundedOn).toBeUndefined();
  });

  it("cannot empty what the application form requires: contact details, service areas, and the officials' particulars (issue 11)", () => {
    const r = ZUpdateAgencyProfile.safeParse(form([["id", "o1"], ["version", "2"], ["contactName", " "], ["contactPhone", ""], ["contactEmail", ""], ["legalRepresentative", ""], ["address", ""], ["foundedOn", ""]]));
    const issues = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues).toEqual({ contactName: "required", contactPhone: "required", contactEmail: "required", legalRepresentative: "required", address: "required", foundedOn: "required", serviceAreas: "serviceAreasRequired" });
    // Target groups stay optional, as on the application.
    expect(ZUpdateAgencyProfile.parse(form([["id", "o1"], ["version", "2"], ["serviceAreas", "SCHOOLS"]])).targetGroups).toEqual([]);
  });

  it("repeated checkboxes become arrays", () => {
    const v = ZUpdateAgencyProfile.parse(form([["id", "o1"], ["version", "1"], ["serviceAreas", "SCHOOLS"], ["serviceAreas", "HOSPITALS"], ["targetGroups", "YOUTH"]]));
    expect(v.serviceAreas).toEqual(["SCHOOLS", "HOSPITALS"]);
    expect(v.targetGroups).toEqual(["YOUTH"]);
  });

  it("officials' fields: name required when sent, private flag as yes/no, founding date not in the future", () => {
    const ok = ZUpdateAgencyProfile.parse(form([["id", "o1"], ["version", "1"], ["name", " 新名称 "], ["isPrivate", "true"], ["foundedOn", "2015-03-01"], ["legalRepresentative", " 王晨光 "], ["serviceAreas", "SCHOOLS"]]));
    expect(ok).toMatchObject({ name: "新名称", isPrivate: true, legalRepresentative: "王晨光" });
    expect(ok.foundedOn?.toISOString()).toBe("2015-03-01T00:00:00.000Z");
    const bad = ZUpdateAgencyProfile.safeParse(form([["id", "o1"], ["version", "1"], ["name", ""], ["isPrivate", "maybe"], ["foundedOn", "2199-01-01"], ["contactPhone", "abc"], ["contactEmail", "nope"], ["serviceAreas", "NOT_A_FIELD"]]));
    expect(bad.success).toBe(false);
    const issues = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]));
    expect(issues).toMatchObject({ name: "required", isPrivate: "invalid", foundedOn: "dateInFuture", contactPhone: "phone", contactEmail: "email", serviceAreas: "invalid" });
  });

  it("a founding date in the future is refused", () => {
    const bad = ZUpdateAgencyProfile.safeParse(form([["id", "o1"], ["version", "1"], ["foundedOn", "2199-01-01"], ["serviceAreas", "SCHOOLS"]]));
    expect(bad.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`)).toEqual(["foundedOn:dateInFuture"]);
  });
});
