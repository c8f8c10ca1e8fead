import { describe, expect, it } from "vitest";
import { primaryCertificate, registerExportExtras } from "@/domain/practitioners/export-columns";
import { parseListFilter } from "@/domain/practitioners/list-filter";

const extras = (params: Record<string, string>, role: Parameters<typeof registerExportExtras>[1] = "DISTRICT_OFFICER") => registerExportExtras(parseListFilter(params), role);

describe("what the register export adds for its filter", () => {
  it("nothing without a filter about qualification or registration", () => {
    expect(extras({})).toEqual({ certificate: false, registration: false, phone: false });
    expect(extras({ district: "d1", entryPath: "RECRUITED", q: "李" })).toEqual({ certificate: false, registration: false, phone: false });
  });

  it("registrations coming due, lapsed or ending within N days: certificate, registration and phone", () => {
    for (const params of [{ registration: "due" }, { registration: "lapsed" }, { regEnds: "90" }, { expiring: "90" }] as Record<string, string>[]) {
      expect(extras(params), JSON.stringify(params)).toEqual({ certificate: true, registration: true, phone: true });
    }
  });

  it("current or no registration: certificate and registration, but nobody needs calling", () => {
    expect(extras({ registration: "current" })).toEqual({ certificate: true, registration: true, phone: false });
    expect(extras({ registration: "none" })).toEqual({ certificate: true, registration: true, phone: false });
  });

  it("a certificate level or 'counts': the certificate only; a degree level adds nothing", () => {
    expect(extras({ level: "SOCIAL_WORKER" })).toEqual({ certificate: true, registration: false, phone: false });
    expect(extras({ counts: "yes" })).toEqual({ certificate: true, registration: false, phone: false });
    expect(extras({ level: "DEGREE" })).toEqual({ certificate: false, registration: false, phone: false });
  });

  it("the phone goes only to roles that see phones on the profile", () => {
    for (const role of ["CITY_ADMIN", "DISTRICT_OFFICER", "DEPARTMENT_OFFICER", "AGENCY_ADMIN"] as const) expect(extras({ registration: "due" }, role).phone, role).toBe(true);
    expect(extras({ registration: "due" }, "EVALUATOR").phone).toBe(false);
  });
});

describe("the certificate a register row is about", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const cert = (kind: string, issued: string, end: string | null) => ({ kind, issueDate: day(issued), registration: end ? { periodEnd: day(end) } : null });

  it("the one whose registration ends last", () => {
    const a = cert("SENIOR_SOCIAL_WORKER", "2022-01-01", "2026-01-01");
    const b = cert("SOCIAL_WORKER", "2018-01-01", "2027-06-30");
    expect(primaryCertificate([a, b])).toBe(b);
    expect(primaryCertificate([b, a])).toBe(b);
  });

  it("without registrations: the highest level, then the latest issued", () => {
    const a = cert("ASSISTANT_SOCIAL_WORKER", "2023-01-01", null);
    const b = cert("SOCIAL_WORKER", "2019-01-01", null);
    const c = cert("SOCIAL_WORKER", "2021-01-01", null);
    expect(primaryCertificate([a, b, c])).toBe(c);
    expect(primaryCertificate([cert("SOCIAL_WORKER", "2019-01-01", null), cert("ASSISTANT_SOCIAL_WORKER", "2015-01-01", "2020-01-01")])?.kind).toBe("ASSISTANT_SOCIAL_WORKER");
    expect(primaryCertificate([])).toBeNull();
  });
});
