import { describe, expect, it } from "vitest";
import {
  allowedDecisions,
  amendLinkLive,
  amendTarget,
  decisionEvent,
  formatReference,
  isFinalApproval,
  isReference,
  mayReview,
  nextStatus,
  reasonRequired,
  referenceSearchTerms,
  commentForCityAllowed,
  normaliseReference,
  publicEventKey,
  referenceSequence,
  reviewPermission,
  REVIEW_DECISIONS,
} from "@/domain/agencies/application-rules";
import { APPLICATION_STATUSES, type TApplicationStatus } from "@/domain/agencies/enums";
import { registrationScanProblem, MAX_COMMENT_FOR_CITY_LENGTH, MAX_REGISTRATION_SCAN_BYTES, ZApplicationFields, ZApplicationStatusLookup, ZReviewDecision } from "@/domain/agencies/application-schemas";
import { fieldErrorsOf } from "@/domain/common/errors";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { creditCodeCheckChar } from "@/lib/credit-code";
import type { TPrincipal } from "@/domain/authz/matrix";

const CITY = "/city/";
const EAST = "/city/east/";
const WEST = "/city/west/";

const principal = (role: TPrincipal["role"], extra: Partial<TPrincipal> = {}): TPrincipal => ({ id: `u-${role}`, role, regionPath: null, organizationId: null, practitionerId: null, ...extra });
const admin = principal("CITY_ADMIN", { regionPath: CITY });
const eastOfficer = principal("DISTRICT_OFFICER", { regionPath: EAST });
const westOfficer = principal("DISTRICT_OFFICER", { regionPath: WEST });
const others = [principal("DEPARTMENT_OFFICER", { organizationId: "o1" }), principal("AGENCY_ADMIN", { organizationId: "o2" }), principal("PRACTITIONER", { practitionerId: "p1" }), principal("EVALUATOR", { organizationId: "o3" })];

const app = (status: TApplicationStatus, regionPath = EAST) => ({ status, regionPath });

describe("the review state machine", () => {
  it("leads each decision at each step where the workflow says", () => {
    expect(nextStatus("DISTRICT_REVIEW", "APPROVE")).toEqual({ status: "CITY_REVIEW", returnedFrom: null });
    expect(nextStatus("DISTRICT_REVIEW", "REJECT")).toEqual({ status: "REJECTED", returnedFrom: null });
    expect(nextStatus("DISTRICT_REVIEW", "RETURN")).toEqual({ status: "RETURNED", returnedFrom: "DISTRICT_REVIEW" });
    expect(nextStatus("CITY_REVIEW", "APPROVE")).toEqual({ status: "APPROVED", returnedFrom: null });
    expect(nextStatus("CITY_REVIEW", "REJECT")).toEqual({ status: "REJECTED", returnedFrom: null });
    expect(nextStatus("CITY_REVIEW", "RETURN")).toEqual({ status: "RETURNED", returnedFrom: "CITY_REVIEW" });
  });

  it("allows no decision on a returned, approved or rejected application", () => {
    for (const s of ["RETURNED", "APPROVED", "REJECTED"] as const) {
      for (const d of REVIEW_DECISIONS) expect(nextStatus(s, d), `${s} ${d}`).toBeNull();
      expect(reviewPermission(s)).toBeNull();
    }
  });

  it("only the city step's approval is final", () => {
    const finals = APPLICATION_STATUSES.flatMap((s) => REVIEW_DECISIONS.filter((d) => isFinalApproval(s, d)).map((d) => `${s}:${d}`));
    expect(finals).toEqual(["CITY_REVIEW:APPROVE"]);
  });

  it("records the matching event and asks for a reason except on approval", () => {
    expect(REVIEW_DECISIONS.map(decisionEvent)).toEqual(["APPROVED", "REJECTED", "RETURNED"]);
    expect(REVIEW_DECISIONS.filter(reasonRequired)).toEqual(["REJECT", "RETURN"]);
  });

  it("needs the district permission at the district step and the city permission at the city step", () => {
    expect(reviewPermission("DISTRICT_REVIEW")).toBe("agencyApplications.reviewDistrict");
    expect(reviewPermission("CITY_REVIEW")).toBe("agencyApplications.reviewCity");
  });
});

describe("who may decide", () => {
  it("the district step: only the officer of that district", () => {
    expect(mayReview(eastOfficer, app("DISTRICT_REVIEW"))).toBe(true);
    expect(mayReview(westOfficer, app("DISTRICT_REVIEW"))).toBe(false);
    expect(mayReview(admin, app("DISTRICT_REVIEW"))).toBe(false);
    for (const p of others) expect(mayReview(p, app("DISTRICT_REVIEW")), p.role).toBe(false);
    // A district officer without a district anchors nothing.
    expect(mayReview(principal("DISTRICT_OFFICER"), app("DISTRICT_REVIEW"))).toBe(false);
    // A prefix that is not the district's own path does not match ("/city/eastern/" vs "/city/east/").
    expect(mayReview(eastOfficer, app("DISTRICT_REVIEW", "/city/eastern/"))).toBe(false);
  });

  it("the city step: only the city administrator, never a district officer", () => {
    expect(mayReview(admin, app("CITY_REVIEW"))).toBe(true);
    expect(mayReview(eastOfficer, app("CITY_REVIEW"))).toBe(false);
    for (const p of others) expect(mayReview(p, app("CITY_REVIEW")), p.role).toBe(false);
  });

  it("nobody once returned or decided", () => {
    for (const s of ["RETURNED", "APPROVED", "REJECTED"] as const) {
      for (const p of [admin, eastOfficer, ...others]) expect(allowedDecisions(p, app(s)), `${p.role} ${s}`).toEqual([]);
    }
  });

  it("the reviewer whose turn it is has all three decisions", () => {
    expect(allowedDecisions(eastOfficer, app("DISTRICT_REVIEW"))).toEqual(["APPROVE", "REJECT", "RETURN"]);
    expect(allowedDecisions(admin, app("CITY_REVIEW"))).toEqual(["APPROVE", "REJECT", "RETURN"]);
  });
});

describe("amending a returned application", () => {
  const future = new Date(Date.now() + 86_400_000);
  const past = new Date(Date.now() - 1000);
  it("goes back to the step that returned it", () => {
    expect(amendTarget({ status: "RETURNED", returnedFrom: "DISTRICT_REVIEW" })).toBe("DISTRICT_REVIEW");
    expect(amendTarget({ status: "RETURNED", returnedFrom: "CITY_REVIEW" })).toBe("CITY_REVIEW");
    expect(amendTarget({ status: "RETURNED", returnedFrom: null })).toBeNull();
    expect(amendTarget({ status: "CITY_REVIEW", returnedFrom: "DISTRICT_REVIEW" })).toBeNull();
  });
  it("the link lives until its expiry, and only while returned", () => {
    expect(amendLinkLive({ status: "RETURNED", amendTokenExpiresAt: future })).toBe(true);
    expect(amendLinkLive({ status: "RETURNED", amendTokenExpiresAt: past })).toBe(false);
    expect(amendLinkLive({ status: "RETURNED", amendTokenExpiresAt: null })).toBe(false);
    expect(amendLinkLive({ status: "DISTRICT_REVIEW", amendTokenExpiresAt: future })).toBe(false);
  });
});

describe("reference numbers", () => {
  it("are SA-<year>-<five digits>", () => {
    expect(formatReference(2026, 12)).toBe("SA-2026-00012");
    expect(formatReference(2026, 123456)).toBe("SA-2026-123456");
    expect(isReference("SA-2026-00012")).toBe(true);
    expect(isReference("SA-2026-12")).toBe(false);
    expect(isReference("<script>")).toBe(false);
    expect(referenceSequence("SA-2026-00012", 2026)).toBe(12);
    expect(referenceSequence("SA-2025-00012", 2026)).toBe(0);
    expect(referenceSequence(null, 2026)).toBe(0);
  });

  it("a reference typed in any case, width, spacing or dashes is searched in its stored form", () => {
    for (const typed of ["SA-2026-00012", "sa-2026-00012", "sa202600012", "ＳＡ－２０２６－０００１２", " SA 2026 00012 ", "SA—2026—00012", "sa_2026.00012"]) {
      expect(referenceSearchTerms(typed), typed).toContain("SA-2026-00012");
    }
    // Its start, and a sequence typed without its zeros.
    expect(referenceSearchTerms("sa 2026")).toEqual(["SA-2026"]);
    expect(referenceSearchTerms("sa-2026-0001")).toEqual(["SA-2026-0001", "SA-2026-00001"]);
    expect(referenceSearchTerms("SA2026 12")).toContain("SA-2026-00012");
    expect(referenceSearchTerms("2026-00012")).toEqual(["2026-00012"]);
    // Not a reference at all.
    expect(referenceSearchTerms("阳光社工")).toEqual([]);
    expect(referenceSearchTerms("")).toEqual([]);
  });
});

const validCode = (first17 = "91110101MA01ABCD1") => `${first17}${creditCodeCheckChar(first17)}`;
const form = (over: Record<string, unknown> = {}) => ({
  name: "示例市晨光社会工作服务中心",
  creditCode: validCode(),
  legalRepresentative: "王晨",
  address: "示例市东城区和平路 1 号",
  regionId: "rg_east",
  foundedOn: "2020-05-01",
  isPrivate: "on",
  serviceAreas: ["SCHOOLS"],
  targetGroups: ["YOUTH"],
  contactName: "李联系",
  contactPhone: "010-12345678",
  contactEmail: "Contact@Example.org",
  ...over,
});
const issues = (input: unknown) => {
  const r = ZApplicationFields.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the application form's schema", () => {
  it("accepts a valid application, upper-casing the credit code and lower-casing the e-mail", () => {
    const r = ZApplicationFields.parse(form({ creditCode: ` ${validCode().toLowerCase().slice(0, 9)} ${validCode().toLowerCase().slice(9)} ` }));
    expect(r.creditCode).toBe(validCode());
    expect(r.contactEmail).toBe("contact@example.org");
    expect(r.isPrivate).toBe(true);
    expect(r.foundedOn.toISOString().slice(0, 10)).toBe("2020-05-01");
  });

  it("refuses a credit code with a wrong check character or the wrong shape", () => {
    const good = validCode();
    const wrong = `${good.slice(0, 17)}${good[17] === "0" ? "1" : "0"}`;
    expect(issues(form({ creditCode: wrong })).creditCode).toBe("agencyApplications.validation.creditCodeCheck");
    expect(issues(form({ creditCode: "12345" })).creditCode).toBe("agencyApplications.validation.creditCodeFormat");
    expect(issues(form({ creditCode: "" })).creditCode).toBe("required");
  });

  it("needs at least one service area; target groups are optional", () => {
    expect(issues(form({ serviceAreas: [] })).serviceAreas).toBe("serviceAreasRequired");
    expect(issues(form({ serviceAreas: ["NOT_A_FIELD"] }))["serviceAreas.0"]).toBe("invalid");
    expect(ZApplicationFields.parse(form({ targetGroups: [] })).targetGroups).toEqual([]);
    expect(ZApplicationFields.parse(form({ serviceAreas: ["SCHOOLS", "SCHOOLS"] })).serviceAreas).toEqual(["SCHOOLS"]);
  });

  it("refuses a founding date in the future, and a missing district", () => {
    const nextYear = `${Number(todayInCityIso().slice(0, 4)) + 1}-01-01`;
    expect(issues(form({ foundedOn: nextYear })).foundedOn).toBe("dateInFuture");
    expect(issues(form({ foundedOn: "2020-02-30" })).foundedOn).toBe("date");
    expect(issues(form({ regionId: "" })).regionId).toBe("agencyApplications.validation.districtRequired");
  });

  it("treats an unticked private box as not private", () => {
    const { isPrivate: _omit, ...rest } = form();
    void _omit;
    expect(ZApplicationFields.parse(rest).isPrivate).toBe(false);
  });

  it("checks the registration scan's presence and size", () => {
    expect(registrationScanProblem(null, true)).toBe("agencyApplications.validation.registrationScanRequired");
    expect(registrationScanProblem(null, false)).toBeNull();
    expect(registrationScanProblem({ size: MAX_REGISTRATION_SCAN_BYTES + 1 }, false)).toBe("agencyApplications.validation.registrationScanTooLarge");
    expect(registrationScanProblem({ size: 1000 }, true)).toBeNull();
  });

  it("a decision needs a reason to reject or return, not to approve", () => {
    expect(ZReviewDecision.safeParse({ id: "a", version: "1", decision: "APPROVE" }).success).toBe(true);
    const noReason = ZReviewDecision.safeParse({ id: "a", version: "1", decision: "RETURN", reason: "  " });
    expect(noReason.success).toBe(false);
    expect(noReason.error?.issues[0]?.message).toBe("agencyApplications.validation.reasonRequired");
    expect(ZReviewDecision.parse({ id: "a", version: "2", decision: "REJECT", reason: " not eligible " }).reason).toBe("not eligible");
  });
});

describe("the district's comment for the city (issue 11, item 10)", () => {
  it("is the district's, when passing on or returning; never at the city step or with a rejection", () => {
    expect(commentForCityAllowed("DISTRICT_REVIEW", "APPROVE")).toBe(true);
    expect(commentForCityAllowed("DISTRICT_REVIEW", "RETURN")).toBe(true);
    expect(commentForCityAllowed("DISTRICT_REVIEW", "REJECT")).toBe(false);
    for (const d of REVIEW_DECISIONS) {
      expect(commentForCityAllowed("CITY_REVIEW", d), d).toBe(false);
      expect(commentForCityAllowed("RETURNED", d), d).toBe(false);
    }
  });

  it("is optional, trimmed, at most its stated length, and refused with a rejection", () => {
    expect(ZReviewDecision.parse({ id: "a", version: "1", decision: "APPROVE" }).commentForCity).toBeNull();
    expect(ZReviewDecision.parse({ id: "a", version: "1", decision: "APPROVE", commentForCity: "  " }).commentForCity).toBeNull();
    expect(ZReviewDecision.parse({ id: "a", version: "1", decision: "APPROVE", commentForCity: " 实地核查属实 " }).commentForCity).toBe("实地核查属实");
    const long = ZReviewDecision.safeParse({ id: "a", version: "1", decision: "APPROVE", commentForCity: "长".repeat(MAX_COMMENT_FOR_CITY_LENGTH + 1) });
    expect(long.success).toBe(false);
    expect(fieldErrorsOf(long.error!.issues).commentForCity).toBe(`tooLong:${MAX_COMMENT_FOR_CITY_LENGTH}`);
    expect(ZReviewDecision.safeParse({ id: "a", version: "1", decision: "APPROVE", commentForCity: "长".repeat(MAX_COMMENT_FOR_CITY_LENGTH) }).success).toBe(true);
    const reject = ZReviewDecision.safeParse({ id: "a", version: "1", decision: "REJECT", reason: "no", commentForCity: "for the city" });
    expect(fieldErrorsOf(reject.error!.issues).commentForCity).toBe("agencyApplications.validation.commentForCityNotAllowed");
  });
});

describe("the public status look-up", () => {
  it("puts a reference typed in any case, width or spacing, with or without its zeros or prefix, back into its stored form", () => {
    for (const typed of ["SA-2026-00012", "sa-2026-00012", "sa202600012", "ＳＡ－２０２６－０００１２", " SA 2026 12 ", "2026-00012", "SA—2026—12", "sa.2026.012"]) {
      expect(normaliseReference(typed), typed).toBe("SA-2026-00012");
    }
    expect(normaliseReference("SA-2026-123456")).toBe("SA-2026-123456");
    for (const bad of ["", "SA", "SA-2026", "SA-26-00012", "SB-2026-00012", "SA-2026-00000", "阳光社工", "SA-2026-0001X"]) {
      expect(normaliseReference(bad), bad).toBeNull();
    }
  });

  it("asks for both parts, a reference in a form it can be and an e-mail address; the e-mail is compared in lower case", () => {
    expect(ZApplicationStatusLookup.parse({ reference: "sa 2026 12", email: " Contact@Example.ORG " })).toEqual({ reference: "SA-2026-00012", email: "contact@example.org" });
    const empty = ZApplicationStatusLookup.safeParse({ reference: "", email: "" });
    expect(fieldErrorsOf(empty.error!.issues)).toEqual({ reference: "required", email: "required" });
    const bad = ZApplicationStatusLookup.safeParse({ reference: "12", email: "not-an-address" });
    expect(fieldErrorsOf(bad.error!.issues)).toEqual({ reference: "agencyApplications.validation.referenceFormat", email: "email" });
  });

  it("names the district's approval as passing on, the city's as the approval", () => {
    expect(publicEventKey("DISTRICT_REVIEW", "APPROVED")).toBe("FORWARDED");
    expect(publicEventKey("CITY_REVIEW", "APPROVED")).toBe("APPROVED");
    expect(publicEventKey("DISTRICT_REVIEW", "SUBMITTED")).toBe("SUBMITTED");
    expect(publicEventKey("RETURNED", "AMENDED")).toBe("AMENDED");
    expect(publicEventKey("CITY_REVIEW", "RETURNED")).toBe("RETURNED");
    expect(publicEventKey("DISTRICT_REVIEW", "REJECTED")).toBe("REJECTED");
  });
});
