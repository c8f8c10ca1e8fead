import { describe, expect, it } from "vitest";
import { deadlineOf, deadlineStatus, experienceDays, hasHiringPriority, isSubject, PRIORITY_EXPERIENCE_DAYS, subjectEmploymentTypes } from "@/domain/civil-servants/rules";
import { parseDeadlineListFilter, deadlineListParams } from "@/domain/civil-servants/list-filter";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const S = { planStart: d("2025-01-01"), civilServantDeadlineYears: 2, civilServantDeadlineIncludesPublicInstitutions: false, civilServantDueDays: 90 };

describe("who falls under the two-year rule", () => {
  const base = { status: "ACTIVE", employmentType: "CIVIL_SERVANT", inP1Department: true, entryDate: d("2025-01-01") };
  it("a civil servant of a P1 department entering on or after the plan's start", () => {
    expect(isSubject(base, S)).toBe(true);
    expect(isSubject({ ...base, entryDate: d("2024-12-31") }, S)).toBe(false);
    expect(isSubject({ ...base, inP1Department: false }, S)).toBe(false);
    expect(isSubject({ ...base, status: "LEFT" }, S)).toBe(false);
    expect(isSubject({ ...base, entryDate: null }, S)).toBe(false);
    expect(isSubject({ ...base, employmentType: "AGENCY_STAFF" }, S)).toBe(false);
  });
  it("public-institution staff only when the city includes them", () => {
    const pi = { ...base, employmentType: "PUBLIC_INSTITUTION" };
    expect(isSubject(pi, S)).toBe(false);
    expect(isSubject(pi, { ...S, civilServantDeadlineIncludesPublicInstitutions: true })).toBe(true);
    expect(subjectEmploymentTypes(false)).toEqual(["CIVIL_SERVANT"]);
    expect(subjectEmploymentTypes(true)).toEqual(["CIVIL_SERVANT", "PUBLIC_INSTITUTION"]);
  });
});

describe("the deadline and its status", () => {
  it("is the entry date N years later; 29 February becomes 1 March", () => {
    expect(deadlineOf(d("2025-03-15"), 2)).toEqual(d("2027-03-15"));
    expect(deadlineOf(d("2028-02-29"), 2)).toEqual(d("2030-03-01"));
    expect(deadlineOf(d("2028-02-29"), 4)).toEqual(d("2032-02-29"));
  });
  it("overdue after the deadline day, due within the window (deadline day included), pending before", () => {
    const entry = d("2025-03-01"); // deadline 2027-03-01
    expect(deadlineStatus(entry, null, d("2027-03-02"), S)).toMatchObject({ status: "OVERDUE", daysLeft: -1 });
    expect(deadlineStatus(entry, null, d("2027-03-01"), S)).toMatchObject({ status: "DUE", daysLeft: 0 });
    expect(deadlineStatus(entry, null, d("2026-12-01"), S)).toMatchObject({ status: "DUE", daysLeft: 90 });
    expect(deadlineStatus(entry, null, d("2026-11-30"), S)).toMatchObject({ status: "PENDING", daysLeft: 91 });
    expect(deadlineStatus(entry, null, d("2026-11-30"), { ...S, civilServantDueDays: 120 }).status).toBe("DUE");
  });
  it("done once a certificate is held, late when issued after the deadline", () => {
    const entry = d("2025-03-01");
    expect(deadlineStatus(entry, d("2027-03-01"), d("2027-06-01"), S)).toMatchObject({ status: "DONE", late: false, certifiedOn: d("2027-03-01") });
    expect(deadlineStatus(entry, d("2027-03-02"), d("2027-06-01"), S)).toMatchObject({ status: "DONE", late: true });
    // Held before entering: done, not late.
    expect(deadlineStatus(entry, d("2020-01-01"), d("2025-06-01"), S)).toMatchObject({ status: "DONE", late: false });
  });
});

describe("hiring priority", () => {
  const today = d("2027-01-01");
  it("counts overlapping spells once and nothing after today", () => {
    expect(experienceDays([{ from: d("2026-01-01"), to: null }], today)).toBe(365);
    expect(experienceDays([{ from: d("2025-01-01"), to: d("2026-01-01") }, { from: d("2025-07-01"), to: null }], today)).toBe(730);
    expect(experienceDays([{ from: d("2024-01-01"), to: d("2024-07-01") }, { from: d("2026-01-01"), to: d("2028-01-01") }], today)).toBe(182 + 365);
    expect(experienceDays([{ from: d("2027-06-01"), to: null }], today)).toBe(0);
    expect(experienceDays([], today)).toBe(0);
  });
  it("needs both a certificate and two years", () => {
    expect(hasHiringPriority({ holdsCertificate: true, experienceDays: PRIORITY_EXPERIENCE_DAYS })).toBe(true);
    expect(hasHiringPriority({ holdsCertificate: true, experienceDays: PRIORITY_EXPERIENCE_DAYS - 1 })).toBe(false);
    expect(hasHiringPriority({ holdsCertificate: false, experienceDays: 5000 })).toBe(false);
  });
});

describe("the list's URL state", () => {
  it("keeps known values and drops the rest", () => {
    expect(parseDeadlineListFilter({ status: "DUE", department: "abc", district: "city", page: "2" })).toEqual({ status: "DUE", department: "abc", district: "city", page: 2 });
    expect(parseDeadlineListFilter({ status: "LATE", department: "a b", page: "-1" })).toEqual({ status: "", department: "", district: "", page: 1 });
    expect(deadlineListParams(parseDeadlineListFilter({ status: "OVERDUE" }))).toEqual({ status: "OVERDUE", department: undefined, district: undefined });
  });
});
